/** Helpers of the browser tests that drive code cells: type into a cell, run it, wait for it to finish. */
import type { Locator, Page } from "playwright-core";
import { KEY_PREFIX } from "../../components/cell/page/storage.ts";
import type { Launched } from "./chromium.ts";
import { openPage, type WatchedPage } from "./pages.ts";

export const cellAt = (page: Page, i: number) => page.locator("[data-cell]").nth(i);

/** The code a Run of the cell runs now: what its editor holds (asked of the page's notebook, as islands do). */
export const editorCode = (cell: Locator): Promise<string> =>
  cell.evaluate((el) => {
    const notebook = (globalThis as Record<symbol, { find(el: Element): { code(): string } | undefined } | undefined>)[Symbol.for("nnfs.notebook")];
    const code = notebook?.find(el)?.code();
    if (code === undefined) throw new Error("editorCode: the page's notebook does not know this cell");
    return code;
  });

/**
 * Puts `code` into a cell's editor (loading it first), as typing would, and
 * reads it back. Keys go wherever the focus is: when it is not in the editor
 * once the click is done (the page moved, something took the focus), Select
 * all and the typing would go to the page, the editor would keep its code,
 * and Run would run the code of the test before; so the focus is checked
 * (and put back into the editor) first, and the code read back after.
 */
export async function setCode(cell: Locator, code: string): Promise<void> {
  const page = cell.page();
  await cell.scrollIntoViewIfNeeded();
  await cell.hover();
  const content = cell.locator(".cm-content");
  await content.waitFor();
  await content.click();
  for (let attempt = 1; ; attempt++) {
    if (!(await content.evaluate((el) => el.contains(document.activeElement)))) await content.focus();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText(code);
    const shown = await editorCode(cell);
    if (shown === code) return;
    if (attempt === 3) throw new Error(`setCode: the editor shows ${JSON.stringify(shown)} after typing ${JSON.stringify(code)}`);
  }
}

/** A page of its own, with no edits saved by the tests before; dialogs are accepted. */
export async function fresh(chrome: Launched, url: string): Promise<WatchedPage> {
  const watched = await openPage(chrome.browser, url, { clean: true });
  watched.page.on("dialog", (d) => void d.accept());
  return watched;
}

/** Waits for the run started by `start` to finish; returns the cell's output text and status. */
export async function runAndWait(cell: Locator, start: () => Promise<unknown> = () => cell.locator("[data-cell-run]").click(), timeout = 20_000) {
  await cell.evaluate((el) => el.removeAttribute("data-state"));
  await start();
  await cell.locator("[data-state=ok], [data-state=error]").or(cell.and(cell.page().locator("[data-state=ok], [data-state=error]"))).first().waitFor({ timeout });
  return read(cell);
}

/** A cell's output text, status line and state as they are now. */
export async function read(cell: Locator) {
  return {
    output: (await cell.locator("[data-cell-output] code").textContent()) ?? "",
    status: (await cell.locator("[data-cell-status]").textContent()) ?? "",
    state: await cell.getAttribute("data-state"),
  };
}

export async function run(cell: Locator, code: string, timeout?: number) {
  await setCode(cell, code);
  return runAndWait(cell, undefined, timeout);
}

/** Waits until the page has saved the edit `code` of a cell (saving waits for a pause in the typing). */
export async function editSaved(page: Page, code: string): Promise<void> {
  await page.waitForFunction(
    ({ prefix, code }) =>
      Object.keys(localStorage).some((k) => {
        if (!k.startsWith(prefix)) return false;
        try {
          return JSON.parse(localStorage.getItem(k) ?? "{}").code === code;
        } catch {
          return false;
        }
      }),
    { prefix: KEY_PREFIX, code },
  );
}
