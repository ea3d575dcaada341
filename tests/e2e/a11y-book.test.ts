/**
 * Accessibility of the whole book on one page. Its chapters are the chapters'
 * own pages' content, which a11y.test.ts and a11y-later.test.ts check (islands
 * woken, both themes, two widths, the Tab walk); checking them all again here
 * took minutes and proved nothing new. What only this page has is checked:
 * its own wrapper (the site's header, the title page, the contents, each
 * chapter's head) with every WCAG 2 A/AA rule in both themes at laptop and
 * phone width (with the chapters' bodies taken out, which makes the checks
 * seconds instead of minutes), and what putting every chapter on one page
 * could break (an id that ARIA refers to, given twice), on the whole page.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Launched } from "./chromium.ts";
import { axe, chapterNames, report, setTheme, urlOf } from "./a11y-checks.ts";
import { openPage } from "./pages.ts";

let chrome: Launched;
let page: Page;
beforeAll(async () => {
  chrome = await launch();
  ({ page } = await openPage(chrome.browser, urlOf("book")));
  await page.emulateMedia({ reducedMotion: "reduce" });
});
afterAll(async () => chrome?.close());

const wrapper = [".site-header", ".title-page", ".book-contents", ".book-chapter > .chapter-head"];

describe("accessibility of /book/ (axe-core, WCAG 2 A/AA)", () => {
  test("the page holds every chapter, each with its head", async () => {
    expect(await page.$$eval("article.book-chapter[data-chapter]", (els) => els.map((e) => e.getAttribute("data-chapter")))).toEqual(chapterNames());
    expect(await page.locator(".book-chapter > .chapter-head h1").count()).toBe(chapterNames().length);
    for (const selector of wrapper) expect(await page.locator(selector).count(), selector).toBeGreaterThan(0);
  });

  test("every chapter on one page: no id that ARIA refers to is given twice", async () => {
    expect(report("book", await axe(page, { rules: ["duplicate-id-aria"] }))).toBe("");
  });

  test("the wrapper alone: the chapters' bodies (checked on their own pages) are taken out for the checks below", async () => {
    // axe and every change of width lay out the whole page: tens of thousands of elements.
    const left = await page.evaluate(() => {
      for (const el of document.querySelectorAll(".book-chapter > :not(.chapter-head)")) el.remove();
      return document.querySelectorAll(".book-chapter > :not(.chapter-head)").length;
    });
    expect(left).toBe(0);
  });

  test.each([["light", 1280], ["dark", 1280], ["dark", 375], ["light", 375]] as const)(
    "its wrapper, %s theme, %i px wide: no serious or critical axe violation",
    async (theme, width) => {
      await page.setViewportSize({ width, height: width > 400 ? 900 : 740 });
      await setTheme(page, theme);
      expect(report(`book wrapper (${theme}, ${width} px)`, await axe(page, { include: wrapper }))).toBe("");
    },
  );

});
