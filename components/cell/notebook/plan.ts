/**
 * Notebook semantics on the page: which cells a Run has to run. A cell sees
 * the names of the cells above it, so running cell k first runs every cell
 * above k that has not run in the current notebook (with its current code).
 */

export interface PlanCell {
  index: number;
  /** The cell is expected to throw (its error does not stop the cells after it). */
  throws: boolean;
}

/** The cells to run, in order, for a Run of `target`; `ran` holds the cells that ran in this notebook. */
export function planRun(target: number, cells: PlanCell[], ran: ReadonlySet<number>): number[] {
  const before = cells.filter((c) => c.index < target && !ran.has(c.index)).map((c) => c.index);
  return [...before, target];
}

/** "cells 1–3", "cells 1, 3 and 4", "cell 2" (1-based, as the page numbers them). */
export function describeCells(indices: number[]): string {
  const ns = [...indices].sort((a, b) => a - b).map((i) => i + 1);
  if (ns.length === 1) return `cell ${ns[0]}`;
  const consecutive = ns.every((n, i) => i === 0 || n === ns[i - 1] + 1);
  if (consecutive && ns.length > 2) return `cells ${ns[0]}–${ns[ns.length - 1]}`;
  return `cells ${ns.slice(0, -1).join(", ")} and ${ns[ns.length - 1]}`;
}

/** What the target cell says after a Run that first ran other cells. */
export function ranNote(ran: number[], target: number): string {
  const others = ran.filter((i) => i !== target);
  if (!others.length) return "";
  return `Ran ${describeCells(others)} first: this cell uses what ${others.length === 1 ? "it defines" : "they define"}.`;
}
