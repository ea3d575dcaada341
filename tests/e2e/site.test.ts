/** The book as a reader meets it: pages, formulas, theme, navigation, phone layout. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readdirSync } from "node:fs";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, chapterUrls, openPage } from "./pages.ts";

let chrome: Launched;
let chapters: string[];

beforeAll(async () => {
  chrome = await launch();
  chapters = await chapterUrls(chrome.browser);
});
afterAll(async () => chrome?.close());

const chapterDirs = readdirSync(new URL("../../chapters/", import.meta.url)).filter((d) => /^\d\d-/.test(d)).sort();

describe("pages", () => {
  test("the table of contents lists every chapter folder, in order", () => {
    expect(chapters.map((u) => new URL(u).pathname.split("/").filter(Boolean).pop())).toEqual(chapterDirs);
  });

  // One visit a page, checking everything a page owes the reader: it loads
  // cleanly, its math is typeset, and its sidebar and next/previous links
  // place it in the book.
  test("every page loads cleanly, typesets its math, and links its place in the book", async () => {
    const home = await openPage(chrome.browser, baseUrl());
    expect(home.problems, "home").toEqual([]);
    expect(await home.page.locator("h1").first().textContent(), "home").toBeTruthy();
    await home.page.close();
    for (const [i, url] of chapters.entries()) {
      const { page, problems } = await openPage(chrome.browser, url);
      expect(problems, url).toEqual([]);
      const facts = await page.evaluate(async () => {
        const article = document.querySelector("article")?.cloneNode(true) as HTMLElement | undefined;
        article?.querySelectorAll("script, .katex, pre, code, astro-island").forEach((n) => n.remove());
        // Paragraphs off screen are not laid out (content-visibility), so the math's
        // fonts load when it comes into view; asking for one loads it from the page's @font-face.
        await document.fonts.load("16px KaTeX_Main");
        await document.fonts.ready;
        const href = (sel: string) => (document.querySelector(sel) as HTMLAnchorElement | null)?.href ?? null;
        return {
          h1: document.querySelector("h1")?.textContent ?? "",
          katex: document.querySelectorAll(".katex").length,
          errors: document.querySelectorAll(".katex-error").length,
          // The text a reader sees, less KaTeX's own output and any scripts.
          raw: /\$[^$]*\\(frac|cdot|sum|sigma|left|right)|\\(frac|cdot|sum)\{/.test(article?.textContent ?? ""),
          // The KaTeX fonts are served with the page, never fetched from elsewhere.
          fonts: [...document.fonts].some((f) => f.family.includes("KaTeX") && f.status === "loaded"),
          sidebar: [...document.querySelectorAll("nav[aria-label=Chapters] a")].map((a) => (a as HTMLAnchorElement).href),
          current: href("nav[aria-label=Chapters] a[aria-current=page]"),
          next: href("a[rel=next]"),
          prev: href("a[rel=prev]"),
        };
      });
      expect(facts.h1, url).toBeTruthy();
      expect(facts.katex, `${url}: no KaTeX output`).toBeGreaterThan(0);
      expect(facts.errors, `${url}: KaTeX errors`).toBe(0);
      expect(facts.raw, `${url}: raw TeX left in the text`).toBe(false);
      expect(facts.fonts, `${url}: KaTeX fonts did not load`).toBe(true);
      expect(facts.sidebar, `${url}: sidebar`).toEqual(chapters);
      expect(facts.current, `${url}: current chapter in the sidebar`).toBe(url);
      expect(facts.next, `${url}: next`).toBe(chapters[i + 1] ?? null);
      // The first chapter leads back to the contents; the last leads nowhere further.
      expect(facts.prev, `${url}: previous`).toBe(chapters[i - 1] ?? baseUrl());
      await page.close();
    }
  });

  test("an unknown address shows the 404 page", async () => {
    const { page } = await openPage(chrome.browser, `${baseUrl()}does-not-exist/`);
    await expect(page.locator("h1").textContent()).resolves.toMatch(/not in the book/i);
    const response = await page.request.get(`${baseUrl()}does-not-exist/`);
    expect(response.status()).toBe(404);
    await page.close();
  });
});

describe("theme", () => {
  test("follows the system, switches, and survives a reload", async () => {
    const dark = await launch({ colorScheme: "dark" });
    try {
      const { page } = await openPage(dark.browser, chapters[0]);
      const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(await theme()).toBe("dark");
      const darkBg = await background();
      await page.getByRole("button", { name: "Dark theme" }).click();
      expect(await theme()).toBe("light");
      expect(await background()).not.toBe(darkBg);
      await page.reload({ waitUntil: "networkidle" });
      expect(await theme()).toBe("light");
      await page.goto(chapters[chapters.length - 1], { waitUntil: "networkidle" });
      expect(await theme()).toBe("light");
      await page.close();
    } finally {
      await dark.close();
    }
  });
});

describe("navigation", () => {
  // Every page's next and previous targets are checked above; here a reader clicks them.
  test("clicking next and previous moves one chapter on and back", async () => {
    const { page } = await openPage(chrome.browser, chapters[1]);
    await page.locator("a[rel=next]").click();
    await page.waitForURL(chapters[2]);
    await page.locator("a[rel=prev]").click();
    await page.waitForURL(chapters[1]);
    await page.close();
  });
});

describe("phone width (375 px)", () => {
  // Chapters are checked for sideways scrolling in layout.test.ts.
  test("the home page does not scroll sideways, and the chapter menu opens and closes", async () => {
    const phone = await launch({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
    try {
      for (const url of [baseUrl()]) {
        const { page } = await openPage(phone.browser, url);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${url} is ${overflow}px wider than the screen`).toBeLessThanOrEqual(0);
        await page.close();
      }
      const { page } = await openPage(phone.browser, chapters[0]);
      const nav = page.locator("nav[aria-label=Chapters]");
      await expect(nav.isVisible()).resolves.toBe(false);
      await page.getByRole("button", { name: "Chapters" }).click();
      await nav.locator("a").first().waitFor({ state: "visible" });
      await page.keyboard.press("Escape");
      await nav.waitFor({ state: "hidden" });
      await page.close();
    } finally {
      await phone.close();
    }
  });
});
