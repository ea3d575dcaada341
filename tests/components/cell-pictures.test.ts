// Build-time pictures come from pictures.json when the cells they come from
// are unchanged: each chapter's entry must be current (its key made from the
// cells as they are now), and what it holds must be what a run draws (checked
// by a run for every chapter but the two that train networks, whose cells the
// chapter tests run anyway).
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parseChapter } from "../../components/cell/notebook/parse-chapter.ts";
import { chapterPictures, drawingCells, picturesKey, readCache } from "../../components/cell/build/pictures.ts";

const root = new URL("../../chapters/", import.meta.url);
const chapters = readdirSync(root).filter((d) => /^\d\d-/.test(d)).sort();
const cellsOf = (chapter: string) => parseChapter(readFileSync(new URL(`${chapter}/index.mdx`, root), "utf8")).cells;
const drawing = chapters.filter((c) => drawingCells(cellsOf(c)).length > 0);
const cache = readCache();

describe("pictures.json", () => {
  test("holds the chapters that draw, and only those", () => {
    expect(drawing.length).toBeGreaterThan(0);
    expect(Object.keys(cache).sort()).toEqual(drawing);
  });

  test.each(drawing)("%s: its entry is current (run npm run build and commit pictures.json if not)", (chapter) => {
    expect(cache[chapter]?.key).toBe(picturesKey(cellsOf(chapter)));
  });

  test("the key changes with a cell's code and with its output", () => {
    const cells = cellsOf(drawing[0]);
    const last = drawingCells(cells).length - 1;
    const edited = (change: object) => cells.map((c, i) => (i === last ? { ...c, ...change } : c));
    const key = picturesKey(cells);
    expect(picturesKey(edited({ code: `${cells[last].code}\n` }))).not.toBe(key);
    expect(picturesKey(edited({ output: `${cells[last].output}!` }))).not.toBe(key);
  });

  test.each(drawing.filter((c) => !/^1[01]-/.test(c)))("%s: what it holds is what a run draws", async (chapter) => {
    const cells = cellsOf(chapter);
    expect(await chapterPictures(chapter, cells, { cache: false })).toEqual(cache[chapter].items);
  });
});
