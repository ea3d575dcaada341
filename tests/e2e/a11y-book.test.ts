/** Accessibility of the whole book on one page, every chapter's cells and islands at once (a11y-checks.ts says what is checked). */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launch, type Launched } from "./chromium.ts";
import { chapterNames, checkPages, urlOf } from "./a11y-checks.ts";
import { openPage } from "./pages.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch();
});
afterAll(async () => chrome?.close());

describe("accessibility (axe-core, WCAG 2 A/AA; keyboard)", () => {
  test("the page checked holds every chapter, so the checks below cover them all", async () => {
    const { page } = await openPage(chrome.browser, urlOf("book"));
    expect(await page.$$eval("article.book-chapter[data-chapter]", (els) => els.map((e) => e.getAttribute("data-chapter")))).toEqual(chapterNames());
    await page.close();
  });

  checkPages(["book"], () => chrome.browser);
});
