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

  test("the home page and every chapter load with no console errors or failed requests", async () => {
    for (const url of [baseUrl(), ...chapters]) {
      const { page, problems } = await openPage(chrome.browser, url);
      expect(problems, url).toEqual([]);
      expect(await page.locator("h1").first().textContent(), url).toBeTruthy();
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

describe("formulas", () => {
  test("every chapter's math is typeset by KaTeX, with no errors and no raw TeX left", async () => {
    for (const url of chapters) {
      const { page } = await openPage(chrome.browser, url);
      const { katex, errors, raw } = await page.evaluate(() => ({
        katex: document.querySelectorAll(".katex").length,
        errors: document.querySelectorAll(".katex-error").length,
        // The text a reader sees, less KaTeX's own output and any scripts.
        raw: (() => {
          const article = document.querySelector("article")?.cloneNode(true) as HTMLElement | undefined;
          article?.querySelectorAll("script, .katex, pre, code, astro-island").forEach((n) => n.remove());
          return /\$[^$]*\\(frac|cdot|sum|sigma|left|right)|\\(frac|cdot|sum)\{/.test(article?.textContent ?? "");
        })(),
      }));
      expect(katex, `${url}: no KaTeX output`).toBeGreaterThan(0);
      expect(errors, `${url}: KaTeX errors`).toBe(0);
      expect(raw, `${url}: raw TeX left in the text`).toBe(false);
      // The KaTeX fonts are served with the page, never fetched from elsewhere.
      const fontsOk = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].some((f) => f.family.includes("KaTeX") && f.status === "loaded");
      });
      expect(fontsOk, `${url}: KaTeX fonts did not load`).toBe(true);
      await page.close();
    }
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
  test("next links walk through every chapter in order, previous links walk back", async () => {
    const { page } = await openPage(chrome.browser, chapters[0]);
    const visited = [page.url()];
    while (await page.locator("a[rel=next]").count()) {
      await page.locator("a[rel=next]").click();
      await page.waitForLoadState("networkidle");
      visited.push(page.url());
    }
    expect(visited).toEqual(chapters);
    const back = [page.url()];
    for (let i = 1; i < chapters.length; i++) {
      await page.locator("a[rel=prev]").click();
      await page.waitForLoadState("networkidle");
      back.push(page.url());
    }
    expect(back).toEqual([...chapters].reverse());
    await page.close();
  });

  test("the sidebar links to every chapter and marks the current one", async () => {
    for (const url of chapters) {
      const { page } = await openPage(chrome.browser, url);
      const links = await page.$$eval("nav[aria-label=Chapters] a", (as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(links).toEqual(chapters);
      expect(await page.getAttribute("nav[aria-label=Chapters] a[aria-current=page]", "href").then((h) => new URL(h!, url).href)).toBe(url);
      await page.close();
    }
  });
});

describe("phone width (375 px)", () => {
  test("no page scrolls sideways, and the chapter menu opens and closes", async () => {
    const phone = await launch({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
    try {
      for (const url of [baseUrl(), ...chapters]) {
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
