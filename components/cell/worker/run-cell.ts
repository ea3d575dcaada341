/**
 * The one path a reader's code takes, in the page's worker and in the Node
 * tests alike: prepare it (strip the types, rewrite its declarations onto
 * the notebook's scope), run it in the notebook, and place any error in the
 * reader's TypeScript. An exercise is its code, then its checks, on that path.
 */
import type { CellError, CheckResult } from "../protocol.ts";
import type { ConsoleLike, Notebook } from "./notebook-scope.ts";
import { prepareCell, type PreparedCell } from "./transpile.ts";
import { locateError } from "./locate.ts";
import { createChecker } from "./checks.ts";

export interface CellSource {
  code: string;
  /** The file name its stack frames carry (unique per cell in a notebook). */
  sourceName: string;
  /** How an error raised in it from a later cell names it (`Cell 1`). */
  label: string;
}

export interface CellOutcome {
  error: CellError | null;
  /** Top-level names the code defines, and names it uses without defining them. */
  defines: string[];
  references: string[];
}

export async function runCell(notebook: Notebook, source: CellSource, console: ConsoleLike): Promise<CellOutcome> {
  let prepared: PreparedCell | null = null;
  try {
    prepared = prepareCell(source.code);
    notebook.sources.set(source.sourceName, { label: source.label, code: source.code, prepared });
    await notebook.runPrepared(prepared, console, source.sourceName);
    return { error: null, defines: prepared.names, references: prepared.references };
  } catch (e) {
    const error = locateError(e, notebook.sources, source.sourceName);
    return { error, defines: prepared?.names ?? [], references: prepared?.references ?? [] };
  }
}

export interface ExerciseOutcome extends CellOutcome {
  /** Every check's result, in call order (empty when the reader's code itself failed). */
  results: CheckResult[];
}

/** Runs the reader's code of an exercise, then its checks (with `check` in scope for them alone). */
export async function runExercise(notebook: Notebook, source: CellSource, checks: string, console: ConsoleLike): Promise<ExerciseOutcome> {
  const own = await runCell(notebook, source, console);
  if (own.error) return { ...own, results: [] };
  const checker = createChecker();
  const had = "check" in notebook.scope;
  const previous = notebook.scope.check;
  notebook.scope.check = checker.check;
  try {
    const name = source.sourceName.replace(/\.ts$/, "-checks.ts");
    const run = await runCell(notebook, { code: checks, sourceName: name, label: "the checks" }, console);
    return { ...own, error: run.error, results: await checker.results() };
  } finally {
    if (had) notebook.scope.check = previous;
    else delete notebook.scope.check;
  }
}
