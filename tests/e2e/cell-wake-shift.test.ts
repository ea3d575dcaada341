/**
 * A cell keeps its size when its editor loads. Cells wake lazily (boot.ts):
 * the build-time code is swapped for CodeMirror as a cell nears the screen.
 * If the two differ in height, everything below the cell jumps while the
 * reader reads (and a test's click lands beside its target); if the code
 * starts at another place, the text jumps under the reader's eyes.
 *
 * The page's runtime (chapter.ts, which brings the editor) is held back while
 * the static code is measured, then let through and the same cells measured
 * again, in chapters 2 and 12, at laptop and phone width: the cell with the
 * fewest lines, the one with the most, and the one with the longest line
 * (which scrolls sideways on a phone), and the first exercise.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Launched } from "./chromium.ts";
import { chapterUrls } from "./pages.ts";

let chrome: Launched;
let chapters: string[];

beforeAll(async () => {
  chrome = await launch();
  chapters = await chapterUrls(chrome.browser);
});
afterAll(async () => chrome?.close());

/** A cell's height, and where its first character of code is drawn, relative to the cell's corner. */
interface Geometry {
  height: number;
  top: number;
  left: number;
}

/** Cells and exercises, in the page's order. */
const CELLS = "[data-cell], [data-exercise]";

/** Indexes (among CELLS) of those to compare: the cells with the fewest lines, the most lines, the longest line, and the first exercise. */
function pickCells(page: Page): Promise<number[]> {
  return page.evaluate((all) => {
    const boxes = [...document.querySelectorAll(all)];
    const cells = boxes.flatMap((c, i) => (c.matches("[data-cell]") ? [i] : []));
    const lines = (i: number) => (boxes[i].querySelector<HTMLTemplateElement>("template[data-cell-source]")?.innerHTML ?? "").split("\n");
    const by = (score: (lines: string[]) => number) => cells.reduce((best, i) => (score(lines(i)) > score(lines(best)) ? i : best), cells[0]);
    const exercise = boxes.findIndex((c) => c.matches("[data-exercise]"));
    return [...new Set([by((l) => -l.length), by((l) => l.length), by((l) => Math.max(...l.map((s) => s.length))), ...(exercise >= 0 ? [exercise] : [])])];
  }, CELLS);
}

/** Scrolls cell `i` to the middle of the screen and measures it once it is drawn, its code in `code`. */
async function measure(page: Page, i: number, code: string): Promise<Geometry> {
  await page.evaluate(([i, all]) => document.querySelectorAll(all)[i].scrollIntoView({ block: "center" }), [i, CELLS] as const);
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(
    ([i, code, all]) => {
      const cell = document.querySelectorAll(all as string)[i as number];
      const box = cell.getBoundingClientRect();
      const holder = cell.querySelector(code as string);
      if (!holder) throw new Error(`cell ${i}: no ${code}`);
      const walker = document.createTreeWalker(holder, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (/\S/.test(n.textContent ?? "") ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) });
      const text = walker.nextNode() as Text | null;
      if (!text) throw new Error(`cell ${i}: no text in ${code}`);
      const range = document.createRange();
      const at = text.data.search(/\S/);
      range.setStart(text, at);
      range.setEnd(text, at + 1);
      const glyph = range.getBoundingClientRect();
      return { height: box.height, top: glyph.top - box.top, left: glyph.left - box.left };
    },
    [i, code, CELLS] as const,
  );
}

/**
 * Opens `url` at `width` with the runtime held back, measures the chosen cells'
 * static code, lets the runtime load, and measures the same cells' editors.
 */
async function beforeAndAfter(url: string, width: number): Promise<{ cell: string; before: Geometry; after: Geometry }[]> {
  const page = await chrome.browser.newPage();
  await page.setViewportSize({ width, height: 900 });
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let held = 0;
  await page.route(/\/_astro\/chapter\.[^/]*\.js$/, async (route) => {
    held++;
    await released;
    await route.continue();
  });
  try {
    await page.goto(url, { waitUntil: "load" });
    const cells = await pickCells(page);
    const before = [];
    for (const i of cells) before.push(await measure(page, i, "[data-cell-code] pre code"));
    expect(await page.locator(".cm-content").count(), "an editor loaded while the runtime was held back").toBe(0);
    expect(held, "the runtime was never asked for: the test no longer holds it back").toBeGreaterThan(0);
    release();
    const result = [];
    for (const [k, i] of cells.entries()) {
      await page.evaluate(([i, all]) => document.querySelectorAll(all)[i].scrollIntoView({ block: "center" }), [i, CELLS] as const);
      const box = page.locator(CELLS).nth(i);
      await box.locator(".cm-content").waitFor();
      result.push({ cell: (await box.getAttribute("aria-label")) ?? String(i), before: before[k], after: await measure(page, i, ".cm-content") });
    }
    return result;
  } finally {
    release();
    await page.close();
  }
}

describe("a cell's size and code stay put when its editor loads", () => {
  for (const chapter of ["02", "12"]) {
    for (const width of [1280, 390]) {
      test(`chapter ${chapter} at ${width} px`, async () => {
        const url = chapters.find((u) => u.includes(`/${chapter}-`));
        expect(url, `chapter ${chapter} in the contents`).toBeDefined();
        const found = await beforeAndAfter(url!, width);
        expect(found.length).toBeGreaterThan(0);
        const moved = found
          .filter(({ before: b, after: a }) => Math.abs(b.height - a.height) > 1 || Math.abs(b.top - a.top) > 1 || Math.abs(b.left - a.left) > 1)
          .map(({ cell, before: b, after: a }) => `${cell}: height ${b.height.toFixed(1)} → ${a.height.toFixed(1)}, code at (${b.left.toFixed(1)}, ${b.top.toFixed(1)}) → (${a.left.toFixed(1)}, ${a.top.toFixed(1)})`);
        expect(moved).toEqual([]);
      });
    }
  }
});
