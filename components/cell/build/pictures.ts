/**
 * Build time: what a chapter's cells draw, so that their pictures are in the
 * page before anyone presses Run. The cells run in Node once, in order, in one
 * notebook, with the runner the chapter tests use; every `plot` and
 * `showDigit` call hands its item to the notebook's display, which collects it
 * (and prints its text stand-in, as in the tests). Only chapters that draw
 * run, and only up to their last drawing cell.
 *
 * Running them costs seconds (chapters 10 and 11 train networks), so what they
 * drew is kept in `pictures.json` beside this file, under a key made of the
 * content of those cells (code and output fences) and of lib/display.ts: a
 * build runs a chapter's cells only when that changed, and then writes the new
 * pictures there (commit the file with the chapter; a test checks it is current).
 * Only then are the library and the cells' runtime loaded.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { DisplayItem } from "../../../lib/display.ts";
import type { CellSource } from "../notebook/collect.ts";

/** Whether a cell's code (probably) draws: it calls plot, bars or showDigit. */
export function draws(code: string): boolean {
  return /\b(plot|bars|showDigit)\s*\(/.test(code);
}

const cacheFile = new URL("./pictures.json", import.meta.url);
const displaySource = new URL("../../../lib/display.ts", import.meta.url);
/** Whether `chapter` is one of the book's chapters: only those are kept in the committed cache. */
const isBookChapter = (chapter: string) => /^\d\d-[\w-]+$/.test(chapter) && existsSync(new URL(`../../../chapters/${chapter}/index.mdx`, import.meta.url));

type Cache = Record<string, { key: string; items: DisplayItem[][] }>;

/** What the cache file holds (empty if it is missing or unreadable). */
export function readCache(): Cache {
  try {
    return JSON.parse(readFileSync(cacheFile, "utf8")) as Cache;
  } catch {
    return {};
  }
}

/** The cells a chapter's pictures come from (up to its last drawing cell), or none. */
export function drawingCells(cells: readonly CellSource[]): readonly CellSource[] {
  // A cell whose output varies (an `output form` fence) shows its picture only after a run.
  const last = cells.findLastIndex((c) => draws(c.code) && !c.outputForm);
  return cells.slice(0, last + 1);
}

/** The cache key of a chapter's pictures: its drawing cells' code and output fences, and lib/display.ts. */
export function picturesKey(cells: readonly CellSource[]): string {
  const hash = createHash("sha256");
  hash.update(readFileSync(displaySource, "utf8"));
  for (const c of drawingCells(cells)) hash.update(JSON.stringify([c.index, c.code, c.output, c.outputForm ?? false]));
  return hash.digest("hex").slice(0, 32);
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
export function chapterPictures(chapter: string, cells: readonly CellSource[], options: { cache?: boolean } = {}): Promise<DisplayItem[][]> {
  const drawing = drawingCells(cells);
  if (drawing.length === 0) return Promise.resolve(cells.map(() => []));
  const key = picturesKey(cells);
  const useCache = options.cache ?? true;
  const kept = useCache ? readCache()[chapter] : undefined;
  if (kept?.key === key && kept.items.length === cells.length) return Promise.resolve(kept.items);
  let run = useCache ? runs.get(`${chapter}\n${key}`) : undefined;
  if (!run) {
    run = queue.then(() => collect(chapter, drawing, cells.length));
    queue = run.catch(() => undefined);
    if (useCache && isBookChapter(chapter)) {
      runs.set(`${chapter}\n${key}`, run);
      void run.then((items) => {
        if (items.some((i) => i.length > 0)) writeFileSync(cacheFile, `${JSON.stringify({ ...readCache(), [chapter]: { key, items } }, null, 1)}\n`);
      });
    }
  }
  return run;
}

async function collect(chapter: string, cells: readonly CellSource[], count: number): Promise<DisplayItem[][]> {
  // The library and the cells' runtime are loaded only when a chapter has to run: a build whose
  // pictures all come from pictures.json (the usual case) does not load them at all.
  const [nnfs, { Notebook }, { runCells }] = await Promise.all([
    import("../../../lib/index.ts"),
    import("../worker/notebook-scope.ts"),
    import("../worker/run-cells.ts"),
  ]);
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
