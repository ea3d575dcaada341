/**
 * What a cell tells the reader stays readable and current: an error, a
 * warning or a type note wraps inside the cell at 1280 px and at 390 px
 * (numbers and printed matrices keep scrolling sideways); the type note
 * above a cell goes as soon as the code changes; and the chapter's count of
 * cells run counts the cells a Check ran first.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Locator } from "playwright-core";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl } from "./pages.ts";
import { cellAt, fresh, run, runAndWait, setCode } from "./cell-helpers.ts";

let chrome: Launched;
const chapter1 = () => `${baseUrl()}01-why-neural-networks/`;
beforeAll(async () => {
  chrome = await launch();
});
afterAll(async () => chrome?.close());

/** How the output box and one kind of its lines sit: whether they overflow it sideways. */
async function fits(cell: Locator, selector: string) {
  return cell.locator("[data-cell-output]").evaluate((pre, sel) => {
    const box = pre.getBoundingClientRect();
    const style = getComputedStyle(pre);
    const right = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth) + 1;
    const lines = [...pre.querySelectorAll(sel)];
    const rects = lines.flatMap((l) => [...l.getClientRects()]);
    // Rows of text: one per box of a line broken across lines, as many as fit the height of a box that wraps inside itself.
    const lineHeight = parseFloat(getComputedStyle(pre.querySelector("code")!).lineHeight);
    const rows = rects.reduce((n, r) => n + Math.max(1, Math.round(r.height / lineHeight)), 0);
    return { lines: lines.length, inside: rects.every((r) => r.right <= right), rows, scrolls: pre.scrollWidth > pre.clientWidth };
  }, selector);
}

describe("errors wrap, numbers scroll", () => {
  test.each([1280, 390])("at %i px an error of 300 characters wraps inside the cell; a long row of numbers scrolls", async (width) => {
    const { page } = await fresh(chrome, chapter1());
    await page.setViewportSize({ width, height: 900 });
    const cell = cellAt(page, 0);
    const message = `shapes: ${"[8000×784]·[10×128] ".repeat(14)}inner sizes differ; the end is here`;
    expect(message.length).toBeGreaterThanOrEqual(300);
    const ran = await run(cell, `console.warn("careful: " + "w".repeat(200));\nthrow new RangeError(${JSON.stringify(message)});`);
    expect(ran.state).toBe("error");
    expect(ran.output).toContain("the end is here");
    const error = await fits(cell, ".out-error");
    expect(error.lines).toBeGreaterThan(0);
    expect(error.inside).toBe(true);
    expect(error.rows).toBeGreaterThan(1); // it wrapped
    expect((await fits(cell, ".out-warn")).inside).toBe(true);
    expect(error.scrolls).toBe(false);

    const numbers = await run(cell, `console.log(Array.from({ length: 60 }, (_, i) => (i * 1.2345).toFixed(4)).join("  "));`);
    expect(numbers.state).toBe("ok");
    expect((await fits(cell, "code")).scrolls).toBe(true);
    await page.close();
  });
});

describe("the type note and the count of cells run", () => {
  test("the type note above a cell goes at once when its code changes", async () => {
    const { page } = await fresh(chrome, chapter1());
    const cell = cellAt(page, 0);
    await run(cell, "const g = (x: number) => x;\nconsole.log(ff(2));");
    const note = cell.locator("[data-cell-types]");
    await note.waitFor({ timeout: 30_000 });
    expect(await note.textContent()).toContain("Cannot find name 'ff'");
    await cell.locator(".cm-content").click();
    await page.keyboard.press("End");
    await page.keyboard.type(" ");
    expect(await note.count()).toBe(0);
    await page.close();
  });

  test("the chapter's count of cells run counts the cells a Check ran first", async () => {
    const { page } = await fresh(chrome, chapter1());
    const count = page.locator(".chapter-progress [data-progress]");
    await expect.poll(() => count.textContent()).toMatch(/^0 of \d+ cells run/);
    const ex = page.locator("[data-exercise]").nth(2); // uses f from Cell 1
    await ex.scrollIntoViewIfNeeded();
    await ex.hover();
    await ex.locator(".cm-content").waitFor();
    const checked = await runAndWait(ex, () => ex.getByRole("button", { name: "Check" }).click());
    expect(checked.status).toContain("Checked against the book's code of cell 1");
    await expect.poll(() => count.textContent()).toMatch(/^1 of \d+ cells run/);
    await page.close();
  });
});

describe("a Check uses the book's code, not the reader's edits", () => {
  test("chapter 1, exercise 3: a correct answer passes after Cell 1 was edited to 5*x", async () => {
    const { page } = await fresh(chrome, chapter1());
    const first = cellAt(page, 0);
    const code = (await first.locator("template[data-cell-source]").evaluate((t) => (t as HTMLTemplateElement).content.textContent)) ?? "";
    expect(code).toContain("4 * x");
    await run(first, code.replace("4 * x", "5 * x"));
    const ex = page.locator("[data-exercise]").nth(2);
    const solution = ((await ex.locator("[data-exercise-solution] pre").textContent()) ?? "").replace(/\n$/, "");
    await setCode(ex, solution);
    const checked = await runAndWait(ex, () => ex.getByRole("button", { name: "Check" }).click());
    expect(checked.status).toMatch(/\b(\d+) of \1 checks pass\. Well done!/);
    await page.close();
  });
});

describe("a needed cell that fails", () => {
  test("the exercise names it, links to it and offers to reset it", async () => {
    // The book's own Cell 1 made to fail (its code as the page ships it), so that a Check needing f meets it.
    const page = await chrome.browser.newPage();
    await page.route("**/01-why-neural-networks/", async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        /<template data-cell-source>const f = [^<]*<\/template>/,
        '<template data-cell-source>throw new RangeError("the book broke");\nconst f = (x: number) =&gt; x;</template>',
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto(chapter1(), { waitUntil: "networkidle" });
    await page.evaluate(() => localStorage.clear());
    const ex = page.locator("[data-exercise]").nth(2);
    await ex.scrollIntoViewIfNeeded();
    await ex.hover();
    await ex.locator(".cm-content").waitFor();
    const checked = await runAndWait(ex, () => ex.getByRole("button", { name: "Check" }).click());
    expect(checked.state).toBe("error");
    expect(checked.status).toBe("Not checked: Cell 1 did not finish (see the note).");
    expect(checked.output).toContain("Not checked: Cell 1, which this answer uses, failed when its book code ran: RangeError: the book broke (line 1)");
    const note = ex.locator("[data-cell-note]");
    const link = note.getByRole("link", { name: "Go to Cell 1" });
    expect(await link.getAttribute("href")).toBe("#code-cell-1");
    expect(await cellAt(page, 0).getAttribute("id")).toBe("code-cell-1");
    await setCode(cellAt(page, 0), "const f = 1;");
    page.on("dialog", (d) => void d.accept());
    await note.getByRole("button", { name: "Reset Cell 1" }).click();
    await expect.poll(() => cellAt(page, 0).locator(".cm-content").textContent()).toContain("the book broke");
    expect(await note.isHidden()).toBe(true);
    await page.close();
  });
});
