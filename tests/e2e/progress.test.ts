/**
 * Progress: what the cells announce is kept, shown in the chapter's header,
 * the sidebar, the contents and the progress page, survives a reload, and
 * round-trips through export and import; a damaged file changes nothing.
 * The events are dispatched here as the cells dispatch them after a run and a Check.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, openPage } from "./pages.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch({ acceptDownloads: true });
});
afterAll(async () => chrome?.close());

const CH = "02-a-single-neuron";
/** The chapter header's progress line, once the page's script has filled it in. */
const header = async (page: Page) => {
  const line = page.locator(`.chapter-progress [data-progress="${CH}"]`);
  await line.filter({ hasText: /cells run/ }).waitFor();
  return line.textContent();
};
const bookKeys = (page: Page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith("nnfs-")).map((k) => [k, localStorage.getItem(k)])));

test("runs and checks are shown, survive a reload, and round-trip through export and import", async () => {
  const { page, problems } = await openPage(chrome.browser, `${baseUrl()}${CH}/`);
  expect(await header(page)).toMatch(/^0 of \d+ cells run · 0 of 3 exercises solved$/);
  await page.evaluate((chapter) => {
    const fire = (type: string, detail: object) => document.dispatchEvent(new CustomEvent(type, { detail }));
    fire("nnfs:cell-run", { chapter, cell: 0, ok: true });
    fire("nnfs:cell-run", { chapter, cell: 1, ok: true });
    fire("nnfs:cell-run", { chapter, cell: 2, ok: false });
    fire("nnfs:exercise-checked", { chapter, exercise: 0, passed: true });
    fire("nnfs:exercise-checked", { chapter, exercise: 1, passed: false });
    localStorage.setItem(`nnfs-cell:${chapter}:0`, JSON.stringify({ code: "console.log(42);", original: "00000000", savedAt: 1 }));
  }, CH);
  expect(await header(page)).toMatch(/^2 of \d+ cells run · 1 of 3 exercises solved$/);
  await page.reload({ waitUntil: "networkidle" });
  expect(await header(page)).toMatch(/^2 of \d+ cells run · 1 of 3 exercises solved$/);
  expect(await page.locator(`.sidebar [data-progress="${CH}"]`).getAttribute("data-state")).toBe("started");

  await page.goto(baseUrl(), { waitUntil: "networkidle" });
  await page.locator(`.contents [data-progress="${CH}"]`).filter({ hasText: /run/ }).waitFor();
  expect(await page.locator(`.contents [data-progress="${CH}"]`).textContent()).toMatch(/^2 of \d+ cells run · 1 of 3 exercises solved$/);

  // Export, forget everything, import: the same entries come back.
  await page.goto(`${baseUrl()}progress/`, { waitUntil: "networkidle" });
  await page.locator(`[data-progress-row="${CH}"] td`).first().filter({ hasText: /of/ }).waitFor();
  expect(await page.locator(`[data-progress-row="${CH}"] td`).allTextContents()).toEqual([expect.stringMatching(/^2 of \d+$/), "1 of 3"]);
  const before = await bookKeys(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save my work to a file" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^nnfs-book-\d{4}-\d\d-\d\d\.json$/);
  const dir = mkdtempSync(path.join(tmpdir(), "nnfs-backup-"));
  const saved = path.join(dir, download.suggestedFilename());
  await download.saveAs(saved);
  await page.evaluate(() => localStorage.clear());
  await page.reload({ waitUntil: "networkidle" });
  await page.locator(`[data-progress-row="${CH}"] td`).first().filter({ hasText: /^0 of/ }).waitFor();
  await page.locator("[data-backup-import]").setInputFiles(saved);
  await page.locator("[data-backup-status]").filter({ hasText: "Opened" }).waitFor();
  expect(await page.locator("[data-backup-status]").textContent()).toMatch(/progress in 1 chapter and 1 edited cell/);
  expect(await bookKeys(page)).toEqual(before);
  expect(await page.locator(`[data-progress-row="${CH}"] td`).first().textContent()).toMatch(/^2 of/);

  // A damaged file and someone else's JSON are refused, and nothing changes.
  for (const [name, text, error] of [
    ["damaged.json", '{"format": "nnfs-book-backup", "version": 1, "entr', /not JSON/],
    ["other.json", JSON.stringify({ name: "a package.json" }), /not a file the book exported/],
  ] as const) {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    await page.locator("[data-backup-import]").setInputFiles(file);
    await page.locator("[data-backup-status]").filter({ hasText: "Nothing was changed" }).waitFor();
    expect(await page.locator("[data-backup-status]").textContent()).toMatch(error);
    expect(await bookKeys(page)).toEqual(before);
  }
  // Navigating away while a chapter still fetches its cell runtime aborts that request; that is not a problem.
  const real = problems.filter((p) => !p.includes("net::ERR_ABORTED"));
  expect(real, real.join("\n")).toEqual([]);
  await page.close();
});
