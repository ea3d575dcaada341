/**
 * The bridge from an island to the chapter's notebook: an island that offers
 * "use my code" asks for a name the reader defined (`askNotebook("sigma")`)
 * and gets either a function it can call — in the notebook's worker, once
 * per argument list — or a sentence saying why not (not run yet, not a
 * function), with the cell that defines it. Islands load this module only
 * when the reader turns "use my code" on.
 */
import type { CallAnswer, CallValue } from "../protocol.ts";
import { declaringCell } from "../notebook/declares.ts";

export interface ReaderFunction {
  name: string;
  /** Calls it once per argument list; numbers, lists and matrices cross. */
  call(args: CallValue[][]): Promise<CallAnswer>;
}

export type Asked =
  | { ok: true; fn: ReaderFunction; cell: string | null }
  /** `run` runs the cell that defines it (and the cells above it), when there is one. */
  | { ok: false; why: string; cell: string | null; run: (() => void) | null };

export async function askNotebook(name: string): Promise<Asked> {
  const book = await (await import("./boot.ts")).load();
  const plain = book.plainCells();
  const at = declaringCell(plain.map((c) => c.code()), name);
  const cell = at === null ? null : plain[at];
  const probe = await book.runner.call(name, []);
  if (probe.kind === "values") return { ok: true, cell: cell?.label ?? null, fn: { name, call: (args) => book.runner.call(name, args) } };
  const why = probe.kind === "missing" ? probe.why : probe.error;
  const where = cell ? ` ${cell.label} defines it.` : " No cell of this chapter defines it.";
  return { ok: false, why: probe.kind === "missing" && !probe.defined ? why + where : why, cell: cell?.label ?? null, run: cell ? () => book.run(cell) : null };
}

/** Calls `listener` after each Run the reader starts (the function may have changed); returns how to stop. */
export function onNotebookRun(listener: () => void): () => void {
  const l = () => listener();
  document.addEventListener("nnfs:cell-run", l);
  return () => document.removeEventListener("nnfs:cell-run", l);
}
