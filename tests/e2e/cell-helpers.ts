/** Helpers of the browser tests that drive code cells: type into a cell, run it, wait for it to finish. */
import type { Locator, Page } from "playwright-core";
import type { Launched } from "./chromium.ts";
import { openPage, type WatchedPage } from "./pages.ts";

export const cellAt = (page: Page, i: number) => page.locator("[data-cell]").nth(i);

/** Puts `code` into a cell's editor (loading it first), as typing would. */
export async function setCode(cell: Locator, code: string): Promise<void> {
  await cell.scrollIntoViewIfNeeded();
  await cell.hover();
  const content = cell.locator(".cm-content");
  await content.waitFor();
  await content.click();
  await cell.page().keyboard.press("ControlOrMeta+a");
  await cell.page().keyboard.insertText(code);
}

/** A page of its own, with no edits saved by the tests before; dialogs are accepted. */
export async function fresh(chrome: Launched, url: string): Promise<WatchedPage> {
  const watched = await openPage(chrome.browser, url);
  await watched.page.evaluate(() => localStorage.clear());
  await watched.page.reload({ waitUntil: "networkidle" });
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
