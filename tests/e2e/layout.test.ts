/**
 * The chapters' layout as a reader meets it: no code cut off at laptop width,
 * outputs that keep their columns on a phone, shapes that never break across
 * lines, figures with text alternatives, and planned chapters marked as
 * coming on the contents page and in chapter 1's map.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, chapterUrls, openPage } from "./pages.ts";
import { PLAN } from "../../src/lib/plan.ts";

let chrome: Launched;
let chapters: string[];

beforeAll(async () => {
  chrome = await launch();
  chapters = await chapterUrls(chrome.browser);
});
afterAll(async () => chrome?.close());

/** Cells and exercises whose code is wider than its box: [label, hidden pixels]. */
function overflowing(page: Page, scroller: string): Promise<[string, number][]> {
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll("[data-cell], [data-exercise]")].flatMap((cell) => {
        const box = cell.querySelector<HTMLElement>(sel);
        if (!box) return [];
        const hidden = box.scrollWidth - box.clientWidth;
        return hidden > 1 ? [[cell.getAttribute("aria-label") ?? "?", hidden] as [string, number]] : [];
      }),
    scroller,
  );
}

/**
 * Outputs whose text comes nearer the box's right edge than its padding: a line that does not
 * fit must scroll until its end stands a padding's width from the edge (not flush against it),
 * and a picture's caption must wrap inside the box, not run on out of sight.
 */
function outputEdges(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".cell-output")].flatMap((pre) => {
      if (!pre.offsetParent) return []; // hidden until a prediction is made
      const style = getComputedStyle(pre);
      const box = pre.getBoundingClientRect();
      const left = box.left + parseFloat(style.borderLeftWidth), pad = parseFloat(style.paddingRight);
      // The right end of a node's visible text (a space where a wrapped line breaks may hang past the edge).
      const right = (node: Node) => {
        const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let end = 0;
        for (let t = walker.nextNode(); t; t = walker.nextNode()) {
          for (const m of (t.nodeValue ?? "").matchAll(/\S+/g)) {
            range.setStart(t, m.index);
            range.setEnd(t, m.index + m[0].length);
            for (const r of range.getClientRects()) end = Math.max(end, r.right);
          }
        }
        return end;
      };
      const where = `${location.pathname} "${(pre.textContent ?? "").slice(0, 40)}…"`;
      const problems: string[] = [];
      const needed = right(pre.querySelector("code") ?? pre) - left + pad; // the text's end plus the padding after it
      if (needed > pre.scrollWidth + 1) problems.push(`${where}: its longest line ends ${Math.round(pre.scrollWidth - needed + pad)} px from the edge`);
      for (const caption of pre.querySelectorAll(".out-caption")) {
        const over = right(caption) - (left + pre.clientWidth - pad);
        if (over > 1) problems.push(`${where}: the caption "${(caption.textContent ?? "").slice(0, 30)}…" runs ${Math.round(over)} px past the box`);
      }
      return problems;
    }),
  );
}

/** Brings each cell near until every editor has loaded: each poll scrolls to the first cell still waiting. */
async function wakeEditors(page: Page): Promise<void> {
  const waiting = () => page.evaluate(() => document.querySelectorAll("[data-cell]:not(:has(.cm-content)), [data-exercise]:not(:has(.cm-content))").length);
  await page
    .waitForFunction(
      () => {
        const left = document.querySelector("[data-cell]:not(:has(.cm-content)), [data-exercise]:not(:has(.cm-content))");
        left?.scrollIntoView({ block: "center" });
        return left === null;
      },
      null,
      { timeout: 120_000, polling: 100 },
    )
    .catch(async (e) => {
      throw new Error(`${page.url()}: ${await waiting().catch(() => "some")} cell editors never loaded (${String(e).split("\n")[0]})`);
    });
}

/** What one visit at laptop width (1280 px) finds on a chapter page. */
interface LaptopFacts {
  url: string;
  /** Static code (before any editor loads) wider than its box. */
  overflow: [string, number][];
  /** The longest line of code among the page's cells and exercises, in characters. */
  longestLine: number;
  /** Inline shapes such as [1 × 4], and those split where a line may break. */
  shapes: number;
  broken: string[];
  figures: { role: string | null; alt: string; svgHidden: string | null | undefined; width: number }[];
  /** Outputs whose text runs into the padding or past the box (outputEdges). */
  edges: string[];
}

// Each chapter is visited once at laptop width; the tests below check parts
// of what that visit found.
let laptop: Promise<LaptopFacts[]> | undefined;
function laptopFacts(): Promise<LaptopFacts[]> {
  laptop ??= (async () => {
    const facts: LaptopFacts[] = [];
    for (const url of chapters) {
      const { page } = await openPage(chrome.browser, url);
      await page.setViewportSize({ width: 1280, height: 900 });
      const overflow = await overflowing(page, ".cell-code pre");
      const edges = await outputEdges(page);
      const found = await page.evaluate(() => {
        // KaTeX lets a line break only between the ".base" boxes of a formula; a
        // shape whose "[" and "]" fall in different boxes can be split by the browser.
        const inline = [...document.querySelectorAll(".katex-html")].filter((h) => !h.closest(".katex-display") && /\[[^\]]*×/.test(h.textContent ?? ""));
        const broken = inline.flatMap((html) =>
          [...html.querySelectorAll(":scope > .base")]
            .map((b) => b.textContent ?? "")
            .filter((t) => t.split("[").length !== t.split("]").length)
            .map((t) => `${location.pathname}: "${html.textContent}" breaks after "${t}"`),
        );
        const lines = [...document.querySelectorAll("[data-cell] .cell-code pre, [data-exercise] .cell-code pre")].flatMap((p) => (p.textContent ?? "").split("\n"));
        return {
          shapes: inline.length,
          broken,
          longestLine: Math.max(0, ...lines.map((l) => l.length)),
          figures: [...document.querySelectorAll(".figure-art")].map((f) => ({
            role: f.getAttribute("role"),
            alt: f.getAttribute("aria-label") ?? "",
            svgHidden: f.querySelector("svg")?.getAttribute("aria-hidden"),
            width: f.getBoundingClientRect().width,
          })),
        };
      });
      facts.push({ url, overflow, edges, ...found });
      await page.close();
    }
    return facts;
  })();
  return laptop;
}

describe("code and outputs at laptop width (1280 px)", () => {
  test("no cell's or exercise's code overflows its box before the editor loads", async () => {
    const problems = (await laptopFacts()).flatMap((f) => f.overflow.map(([label, px]) => `${f.url} ${label}: ${px} px of code hidden`));
    expect(problems).toEqual([]);
  }, 300_000);

  // Every cell's box has the same width, so the editor of the book's longest
  // line is the one that would overflow first: its chapter's editors are loaded.
  test("nor after the editor loads, on the chapter with the book's longest line of code", async () => {
    const facts = await laptopFacts();
    const widest = facts.reduce((a, b) => (b.longestLine > a.longestLine ? b : a));
    expect(widest.longestLine).toBeGreaterThan(40);
    const { page } = await openPage(chrome.browser, widest.url);
    await page.setViewportSize({ width: 1280, height: 900 });
    await wakeEditors(page);
    const problems = (await overflowing(page, ".cell-code .cm-scroller")).map(([label, px]) => `${widest.url} ${label} (editor): ${px} px of code hidden`);
    expect(problems).toEqual([]);
    await page.close();
  }, 300_000);
  test("every output's text stays inside its padding: long lines scroll to a padding's width from the edge, captions wrap", async () => {
    expect((await laptopFacts()).flatMap((f) => f.edges)).toEqual([]);
  }, 300_000);
});

describe("phone width (390 px)", () => {
  test("every output's text stays inside its padding: long lines scroll to a padding's width from the edge, captions wrap", async () => {
    const problems: string[] = [];
    for (const url of chapters) {
      const { page } = await openPage(chrome.browser, url);
      await page.setViewportSize({ width: 390, height: 844 });
      problems.push(...(await outputEdges(page)));
      await page.close();
    }
    expect(problems).toEqual([]);
  }, 300_000);
});

describe("phone width (375 px)", () => {
  test("outputs keep their lines (they scroll sideways instead of wrapping) and the page itself never scrolls sideways", async () => {
    for (const url of chapters) {
      const { page } = await openPage(chrome.browser, url);
      await page.setViewportSize({ width: 375, height: 740 });
      const { wrapping, pageOverflow } = await page.evaluate(() => ({
        wrapping: [...document.querySelectorAll(".cell-output")].filter((o) => getComputedStyle(o).whiteSpace !== "pre").length,
        pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
      }));
      expect(wrapping, url).toBe(0);
      expect(pageOverflow, url).toBeLessThanOrEqual(0);
      await page.close();
    }
  });

  test("chapter 4's table-like output keeps its columns: a line is one line, scrolled, not wrapped", async () => {
    const url = chapters.find((u) => u.includes("/04-"))!;
    const { page } = await openPage(chrome.browser, url);
    await page.setViewportSize({ width: 375, height: 740 });
    const output = page.locator(".cell-output", { hasText: "outputs   4.300" }).first();
    const { lineHeight, height, lines, scrolls } = await output.evaluate((o) => {
      const code = o.querySelector("code")!;
      const style = getComputedStyle(code);
      return {
        lineHeight: parseFloat(style.lineHeight),
        height: code.getBoundingClientRect().height,
        lines: code.textContent!.trim().split("\n").length,
        scrolls: o.scrollWidth > o.clientWidth,
      };
    });
    expect(lines).toBe(2);
    expect(height).toBeLessThan(lineHeight * 2.5);
    expect(scrolls).toBe(true);
    await page.close();
  });

  test("a shape in the text, such as [1 × 4], is never broken across two lines", async () => {
    const facts = await laptopFacts();
    expect(facts.reduce((n, f) => n + f.shapes, 0), "inline shapes seen").toBeGreaterThan(10);
    expect(facts.flatMap((f) => f.broken)).toEqual([]);
  }, 300_000);
});

describe("figures", () => {
  test("every figure is one image with a text alternative, and draws in the page's colours", async () => {
    let seen = 0;
    for (const { url, figures } of await laptopFacts()) {
      for (const f of figures) {
        expect(f.role, url).toBe("img");
        expect(f.alt.length, url).toBeGreaterThan(40);
        expect(f.svgHidden, url).toBe("true");
        expect(f.width, url).toBeGreaterThan(200);
      }
      seen += figures.length;
    }
    expect(seen).toBeGreaterThanOrEqual(6);
  }, 300_000);
});

describe("chapters still to come", () => {
  const written = new Set(readdirSync(new URL("../../chapters/", import.meta.url)).filter((d) => /^\d\d-/.test(d)).map((d) => Number.parseInt(d, 10)));
  const coming = PLAN.filter((p) => !written.has(p.number));

  test("the contents page lists every planned chapter: written ones as links, the others marked coming, without a link", async () => {
    const { page } = await openPage(chrome.browser, baseUrl());
    const items = await page.$$eval(".contents > li", (lis) =>
      lis.map((li) => ({ text: li.textContent!.replace(/\s+/g, " ").trim(), link: !!li.querySelector("a"), coming: !!li.querySelector(".coming") })),
    );
    expect(items).toHaveLength(Math.max(PLAN.length, written.size));
    for (const p of coming) {
      const item = items.find((i) => i.text.includes(p.title));
      expect(item, p.title).toMatchObject({ link: false, coming: true });
    }
    expect(items.filter((i) => i.link)).toHaveLength(written.size);
    await page.close();
  });

  test("chapter 1's map marks the same chapters as coming", async () => {
    const { page } = await openPage(chrome.browser, chapters[0]);
    const items = await page.$$eval(".book-map > li", (lis) => lis.map((li) => ({ text: li.textContent!, link: !!li.querySelector("a"), coming: !!li.querySelector(".coming") })));
    expect(items).toHaveLength(Math.max(PLAN.length, written.size));
    expect(items.filter((i) => i.coming).map((i) => i.text.split(".")[0].trim())).toEqual(coming.map((p) => p.title));
    expect(items.filter((i) => i.link)).toHaveLength(written.size);
    await page.close();
  });
});
