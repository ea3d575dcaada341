/**
 * Accessibility, first share of the pages (a11y-checks.ts says what is
 * checked): the contents, the not-found and progress pages, and chapters 1–6;
 * and chapter 2 again after runs, since a run's status and output bring
 * colours of their own. a11y-later.test.ts and a11y-book.test.ts check the rest.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launch, type Launched } from "./chromium.ts";
import { chapterUrls, openPage } from "./pages.ts";
import { axe, chapterNames, checkPages, OTHER_PAGES, report, setTheme, urlOf } from "./a11y-checks.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch();
});
afterAll(async () => chrome?.close());

const pageNames = [...OTHER_PAGES.filter((p) => p !== "book"), ...chapterNames().filter((c) => Number.parseInt(c, 10) <= 6)];

describe("accessibility (axe-core, WCAG 2 A/AA; keyboard)", () => {
  test("the contents link to every chapter, and the three files check every page", async () => {
    const linked = (await chapterUrls(chrome.browser)).map((url) => new URL(url).pathname.split("/").filter(Boolean).pop());
    expect(linked).toEqual(chapterNames());
    const later = chapterNames().filter((c) => Number.parseInt(c, 10) > 6);
    expect([...pageNames, ...later, "book"].sort()).toEqual([...OTHER_PAGES, ...chapterNames()].sort());
  });

  checkPages(pageNames, () => chrome.browser);

  test("after runs (a cell's output, a stale cell, an exercise passing and one failing, an edited mark), chapter 2 still has none, in light and dark", async () => {
    const url = urlOf(pageNames.find((p) => p.startsWith("02-"))!);
    const { page } = await openPage(chrome.browser, url);
    page.on("dialog", (d) => void d.accept());
    const problems: string[] = [];
    const ready = async (selector: string) => {
      const el = page.locator(selector);
      await el.scrollIntoViewIfNeeded();
      await el.locator(".cm-content").waitFor();
      return el;
    };
    const finished = async (el: Awaited<ReturnType<typeof ready>>) =>
      page.waitForFunction((e) => /^(ok|error)$/.test(e!.getAttribute("data-state") ?? ""), await el.elementHandle(), { timeout: 20_000 });
    // Cell 2 uses the names of cell 1; cell 1 runs again, so cell 2 is stale (its note, its button, the Restart
    // buttons); then cell 1 is edited (the edited mark, and its own output marked as not matching its code).
    const cell = await ready("[data-cell] >> nth=0");
    const user = await ready("[data-cell] >> nth=1");
    await user.locator("[data-cell-run]").click();
    await finished(user);
    await cell.evaluate((el) => el.removeAttribute("data-state"));
    await cell.locator("[data-cell-run]").click();
    await finished(cell);
    await user.getByRole("button", { name: "Run stale cells" }).waitFor();
    await cell.locator(".cm-content").click();
    await page.keyboard.type(" ");
    // The first exercise with its solution (it passes), the second as the book gives it (it fails).
    const solved = await ready("[data-exercise] >> nth=0");
    const solution = (await solved.locator("[data-exercise-solution] pre").textContent())!;
    await solved.locator(".cm-content").click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText(solution);
    await solved.locator("[data-cell-run]").click();
    await finished(solved);
    const failing = await ready("[data-exercise] >> nth=1");
    await failing.locator("[data-cell-run]").click();
    await finished(failing);
    expect([await solved.getAttribute("data-state"), await failing.getAttribute("data-state")]).toEqual(["ok", "error"]);
    // Every rule in one theme, the colour rules (all a theme changes) in the other.
    for (const theme of ["light", "dark"] as const) {
      await setTheme(page, theme);
      const found = await axe(page, { colours: theme === "dark" });
      if (found.length) problems.push(report(`02 after runs (${theme})`, found));
    }
    await page.evaluate(() => localStorage.clear());
    await page.close();
    expect(problems.join("\n")).toBe("");
  });
});
