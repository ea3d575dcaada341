/**
 * Build time: what a chapter's cells draw, so that their pictures are in the
 * page before anyone presses Run. The cells run in Node once, in order, in one
 * notebook, with the runner the chapter tests use; every `plot` and
 * `showDigit` call hands its item to the notebook's display, which collects it
 * (and prints its text stand-in, as in the tests). Only chapters that draw
 * run, and only up to their last drawing cell.
 */
import * as nnfs from "../../../lib/index.ts";
import type { DisplayItem } from "../../../lib/display.ts";
import { Notebook } from "../worker/notebook-scope.ts";
import { runCells } from "../worker/run-cells.ts";
import type { CellSource } from "../notebook/collect.ts";

/** Whether a cell's code (probably) draws: it calls plot, bars or showDigit. */
export function draws(code: string): boolean {
  return /\b(plot|bars|showDigit)\s*\(/.test(code);
}

/** One chapter at a time: the notebook's display host lives on globalThis while a cell runs, and cells await. */
let queue: Promise<unknown> = Promise.resolve();
/** Runs already made, by chapter and code (the dev server asks again on every edit). */
const runs = new Map<string, Promise<DisplayItem[][]>>();

/**
 * The display items each cell of a chapter produces, by cell index (an empty
 * list for a cell that draws nothing). A cell that throws draws what it drew
 * before throwing; a run that fails altogether draws nothing, and says why on
 * the console (the chapter tests report the failure itself).
 */
export function chapterPictures(chapter: string, cells: readonly CellSource[]): Promise<DisplayItem[][]> {
  // A cell whose output varies (an `output form` fence) shows its picture only after a run.
  const last = cells.findLastIndex((c) => draws(c.code) && !c.outputForm);
  if (last < 0) return Promise.resolve(cells.map(() => []));
  const key = `${chapter}\n${cells.slice(0, last + 1).map((c) => c.code).join("\n\u0000\n")}`;
  let run = runs.get(key);
  if (!run) {
    run = queue.then(() => collect(chapter, cells.slice(0, last + 1), cells.length));
    queue = run.catch(() => undefined);
    runs.set(key, run);
  }
  return run;
}

async function collect(chapter: string, cells: readonly CellSource[], count: number): Promise<DisplayItem[][]> {
  const items: DisplayItem[][] = Array.from({ length: count }, () => []);
  let current: DisplayItem[] = [];
  const notebook = new Notebook({ nnfs }, {
    display: (item, console) => {
      current.push(item);
      console.log(item.text);
    },
  });
  try {
    for (const cell of cells) {
      current = items[cell.index];
      await runCells([cell], { nnfs }, chapter, notebook);
    }
  } catch (e) {
    console.warn(`${chapter}: the cells' pictures could not be drawn at build time (${(e as Error).message})`);
    return Array.from({ length: count }, () => []);
  }
  return items;
}
