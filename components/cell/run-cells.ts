/**
 * Runs a chapter's cells in order in one notebook and records what each
 * prints — the output the book must show under it. Shared by the chapter
 * tests and by `npm run cells:update`.
 */
import { Notebook, locateError, type CellErrorInfo, type ConsoleLike } from "./notebook.ts";
import { prepareCell } from "./transpile.ts";
import { formatArgs } from "./format.ts";
import type { CellSource } from "./collect.ts";

export interface CellRun {
  cell: CellSource;
  /** Everything the cell printed, one string per line, an expected error last. */
  output: string;
  /** The error the cell threw, if it did. */
  error: CellErrorInfo | null;
}

/** How an error reads under a cell: `TypeError: x is not a function (line 3)`. */
export function errorText(error: CellErrorInfo): string {
  return `${error.name}: ${error.message}${error.line !== null ? ` (line ${error.line})` : ""}`;
}

/** A console whose every method appends formatted lines to `lines`. */
export function capturingConsole(lines: string[]): ConsoleLike {
  const push = (...args: unknown[]) => void lines.push(formatArgs(args));
  return { log: push, info: push, warn: push, error: push, debug: push };
}

export async function runCells(cells: CellSource[], modules: Record<string, unknown>, chapter = "chapter"): Promise<CellRun[]> {
  const notebook = new Notebook(modules);
  const runs: CellRun[] = [];
  for (const cell of cells) {
    const lines: string[] = [];
    const sourceName = `${chapter}-cell-${cell.index + 1}.ts`;
    let error: CellErrorInfo | null = null;
    let prologueLength = 0;
    try {
      const prepared = prepareCell(cell.code);
      prologueLength = prepared.prologueLength;
      await notebook.runPrepared(prepared, capturingConsole(lines), sourceName);
    } catch (e) {
      error = locateError(e, sourceName, prologueLength);
      lines.push(errorText(error));
    }
    runs.push({ cell, output: lines.join("\n"), error });
  }
  return runs;
}

/** Output as compared: trailing spaces and blank lines at the end do not count. */
export function normaliseOutput(text: string): string {
  return text
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .replace(/\n+$/, "");
}
