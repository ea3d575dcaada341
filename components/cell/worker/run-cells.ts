/**
 * Runs a chapter's cells in order in one notebook and records what each
 * prints — the output the book must show under it — and runs exercises in
 * that notebook. Shared by the chapter tests and by `npm run cells:update`;
 * the code takes the same path as in the page's worker (run-cell.ts).
 */
import type { CellError } from "../protocol.ts";
import type { CellSource, ExerciseSource } from "../notebook/collect.ts";
import { Notebook, type ConsoleLike } from "./notebook-scope.ts";
import { runCell, runExercise as runExerciseCode, type ExerciseOutcome } from "./run-cell.ts";
import { formatArgs } from "./format.ts";

export interface CellRun {
  cell: CellSource;
  /** Everything the cell printed, one string per line, an expected error last. */
  output: string;
  /** The error the cell threw, if it did. */
  error: CellError | null;
}

/** A console whose every method appends formatted lines to `lines`. */
export function capturingConsole(lines: string[]): ConsoleLike {
  const push = (...args: unknown[]) => void lines.push(formatArgs(args));
  return { log: push, info: push, warn: push, error: push, debug: push };
}

/** The source name and label of a chapter's cell, as the page gives them. */
export function cellSource(chapter: string, kind: "cell" | "exercise", index: number, code: string) {
  return { code, sourceName: `${chapter}-${kind}-${index + 1}.ts`, label: `${kind === "cell" ? "Cell" : "Exercise"} ${index + 1}` };
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
    const { error } = await runCell(notebook, cellSource(chapter, "cell", cell.index, cell.code), capturingConsole(lines));
    if (error) lines.push(error.text);
    runs.push({ cell, output: lines.join("\n"), error });
  }
  return runs;
}

export { normaliseOutput } from "../notebook/output-form.ts";

/**
 * Runs `code` (the reader's, the starting code or the solution) and then the
 * exercise's checks in `notebook`, and returns every check's result.
 */
export function runExercise(notebook: Notebook, exercise: ExerciseSource, code: string, chapter = "chapter"): Promise<ExerciseOutcome> {
  return runExerciseCode(notebook, cellSource(chapter, "exercise", exercise.index, code), exercise.checks, capturingConsole([]));
}
