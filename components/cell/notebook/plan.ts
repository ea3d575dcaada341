/** How the page names what a Run did: "cells 1–3", the note of a cell that needed cells above it. */

/** "cells 1–3", "cells 1, 3 and 4", "cell 2" (1-based, as the page numbers them). */
export function describeCells(indices: number[]): string {
  const ns = [...indices].sort((a, b) => a - b).map((i) => i + 1);
  if (ns.length === 1) return `cell ${ns[0]}`;
  const consecutive = ns.every((n, i) => i === 0 || n === ns[i - 1] + 1);
  if (consecutive && ns.length > 2) return `cells ${ns[0]}–${ns[ns.length - 1]}`;
  return `cells ${ns.slice(0, -1).join(", ")} and ${ns[ns.length - 1]}`;
}

/**
 * What a cell says after a Run that first ran the cells `ran`: only the
 * cells among them that define a name it uses (`providers`) are said to be
 * needed, so the note claims nothing the code does not do.
 */
export function ranNote(ran: number[], providers: number[]): string {
  if (!ran.length) return "";
  const first = `Ran ${describeCells(ran)} first`;
  if (!providers.length) return `${first} (the code above runs before a cell, in order).`;
  const all = providers.length === ran.length;
  const which = all ? (ran.length === 1 ? "it defines" : "they define") : `${describeCells(providers)} ${providers.length === 1 ? "defines" : "define"}`;
  return `${first}: this cell uses what ${which}.`;
}

/** Why a cell is stale: "Cell 1 ran again since this cell ran; it uses `q` from there." */
export function staleNote(by: number, names: string[]): string {
  const shown = names.slice(0, 3).map((n) => `\`${n}\``).join(", ");
  const more = names.length > 3 ? ` and ${names.length - 3} more` : "";
  return `Stale: cell ${by + 1} ran again after this cell ran, and this cell uses ${shown}${more} from it. Its output may no longer match.`;
}
