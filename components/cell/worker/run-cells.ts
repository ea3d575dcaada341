/**
 * Runs a chapter's cells in order in one notebook and records what each
 * prints — the output the book must show under it. Shared by the chapter
 * tests and by `npm run cells:update`.
 */
import { Notebook, locateError, type CellErrorInfo, type ConsoleLike } from "./notebook-scope.ts";
import { prepareCell } from "./transpile.ts";
import { formatArgs } from "./format.ts";
import { createChecker, type CheckResult } from "./checks.ts";
import type { CellSource, ExerciseSource } from "../notebook/collect.ts";

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

export async function runCells(
  cells: CellSource[],
  modules: Record<string, unknown>,
  chapter = "chapter",
  notebook: Notebook = new Notebook(modules),
): Promise<CellRun[]> {
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

export interface ExerciseRun {
  /** The code's own error (a syntax error, a throw at top level), if any. */
  error: CellErrorInfo | null;
  results: CheckResult[];
}

/**
 * Runs `code` (the reader's, the starting code or the solution) and then the
 * exercise's checks in `notebook`, and returns every check's result.
 */
export async function runExercise(notebook: Notebook, exercise: ExerciseSource, code: string, chapter = "chapter"): Promise<ExerciseRun> {
  const sourceName = `${chapter}-exercise-${exercise.index + 1}.ts`;
  const lines: string[] = [];
  let prologueLength = 0;
  try {
    const prepared = prepareCell(code);
    prologueLength = prepared.prologueLength;
    await notebook.runPrepared(prepared, capturingConsole(lines), sourceName);
  } catch (e) {
    return { error: locateError(e, sourceName, prologueLength), results: [] };
  }
  const { check, results } = createChecker();
  const hadCheck = "check" in notebook.scope;
  const previous = notebook.scope.check;
  notebook.scope.check = check;
  try {
    await notebook.run(exercise.checks, capturingConsole(lines), `${chapter}-checks-${exercise.index + 1}.ts`);
  } catch (e) {
    return { error: locateError(e, `${chapter}-checks-${exercise.index + 1}.ts`), results: await results() };
  } finally {
    if (hadCheck) notebook.scope.check = previous;
    else delete notebook.scope.check;
  }
  return { error: null, results: await results() };
}
