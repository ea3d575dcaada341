/**
 * The bridge from an island to the chapter's notebook: an island that offers
 * "use my code" asks for a name the reader defined (`askNotebook("sigma")`)
 * and gets either a function it can call — in the notebook's worker, once
 * per argument list — or a sentence saying why not (not run yet, not a
 * function), with the cell that defines it. Islands load this module only
 * when the reader turns "use my code" on.
 */
import { stuckWhy, type CallAnswer, type CallValue } from "../protocol.ts";
import { declaringCell } from "../notebook/declares.ts";
import type { ChapterCells } from "./chapter.ts";

export interface ReaderFunction {
  name: string;
  /** Calls it once per argument list; numbers, lists and matrices cross. */
  call(args: CallValue[][]): Promise<CallAnswer>;
}

export type Asked =
  | { ok: true; fn: ReaderFunction; cell: string | null }
  /** `run` runs the cell that defines it (and the cells above it), when there is one. */
  | { ok: false; why: string; cell: string | null; run: (() => void) | null };

const KEY = Symbol.for("nnfs.notebook");
const loaded = () => (globalThis as Record<symbol, ChapterCells | undefined>)[KEY];

/**
 * The page's notebook (chapter.ts publishes it when it starts). Not started
 * yet: wake it the way a reader's pointer over a cell does (boot.ts), so the
 * page's first script stays as it is. Null on a page without cells.
 */
function notebook(): Promise<ChapterCells | null> {
  const cell = document.querySelector("[data-cell], [data-exercise]");
  if (loaded() || !cell) return Promise.resolve(loaded() ?? null);
  return new Promise((resolve) => {
    document.addEventListener("nnfs:notebook", () => resolve(loaded() ?? null), { once: true });
    cell.dispatchEvent(new Event("pointerenter"));
  });
}

export async function askNotebook(name: string): Promise<Asked> {
  const book = await notebook();
  if (!book) return { ok: false, why: "This page has no cells, so no notebook to ask.", cell: null, run: null };
  const plain = book.plainCells();
  const at = declaringCell(plain.map((c) => c.code()), name);
  const cell = at === null ? null : plain[at];
  const probe = await book.runner.call(name, []);
  if (probe.kind === "values") return { ok: true, cell: cell?.label ?? null, fn: { name, call: (args) => book.runner.call(name, args) } };
  const label = cell?.label ?? null;
  const run = cell ? () => book.run(cell) : null;
  if (probe.kind === "threw") return { ok: false, why: probe.error, cell: label, run };
  if (probe.kind === "stuck") return { ok: false, why: stuckWhy(name, probe.seconds), cell: label, run };
  if (probe.defined) return { ok: false, why: probe.why, cell: label, run };
  const why = cell ? `${name} is not in the notebook yet: run ${cell.label}, which defines it.` : `${name} is not in the notebook, and no cell of this chapter defines it.`;
  return { ok: false, why, cell: label, run };
}

/** Calls `listener` after each Run the reader starts (the function may have changed); returns how to stop. */
export function onNotebookRun(listener: () => void): () => void {
  const l = () => listener();
  document.addEventListener("nnfs:cell-run", l);
  return () => document.removeEventListener("nnfs:cell-run", l);
}
