/**
 * Progress: what the cells announce is kept, shown in the chapter's header,
 * the sidebar, the contents and the progress page, survives a reload, and
 * round-trips through export and import; a damaged file changes nothing.
 * The events are dispatched here as the cells dispatch them after a run and a Check.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
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
    // The file is read asynchronously, and the status may still say the previous file's "Nothing was changed".
    await page.locator("[data-backup-status]").filter({ hasText: "Nothing was changed" }).filter({ hasText: error }).waitFor();
    expect(await page.locator("[data-backup-status]").textContent()).toMatch(error);
    expect(await bookKeys(page)).toEqual(before);
  }
  // Navigating away while a chapter still fetches its cell runtime aborts that request; that is not a problem.
  const real = problems.filter((p) => !p.includes("net::ERR_ABORTED"));
  expect(real, real.join("\n")).toEqual([]);
  await page.close();
});

describe("a backup file a reader picks can neither lose their work nor freeze the page", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "nnfs-hostile-"));
  const edit = (n: number) => JSON.stringify({ code: "x".repeat(n), original: "00000000", savedAt: 1 });
  const work = {
    "nnfs-progress": JSON.stringify({ version: 1, chapters: { [CH]: { ran: [0, 1], solved: [0] } } }),
    [`nnfs-cell:${CH}:0`]: edit(20),
  };
  const backupFile = (name: string, entries: Record<string, string>) => {
    const file = path.join(dir, name);
    writeFileSync(file, JSON.stringify({ format: "nnfs-book-backup", version: 1, exportedAt: "", entries }));
    return file;
  };
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openPage(chrome.browser, `${baseUrl()}progress/`));
  });
  afterAll(async () => page?.close());
  const status = () => page.locator("[data-backup-status]");
  const open = async (file: string, done: string | RegExp) => {
    await page.evaluate((w) => {
      for (const k of Object.keys(localStorage)) if (k.startsWith("nnfs-")) localStorage.removeItem(k);
      for (const [k, v] of Object.entries(w)) localStorage.setItem(k, v);
      document.querySelector("[data-backup-status]")!.textContent = "";
    }, work);
    await page.locator("[data-backup-import]").setInputFiles(file);
    await status().filter({ hasText: done }).waitFor({ timeout: 60_000 });
    return (await status().textContent()) ?? "";
  };

  test("two edits of 3M characters, more than the browser keeps: refused, every key as it was", { timeout: 120_000 }, async () => {
    const file = backupFile("too-big.json", { [`nnfs-cell:${CH}:0`]: edit(3_000_000), [`nnfs-cell:${CH}:1`]: edit(3_000_000) });
    expect(await open(file, "Nothing was changed")).toMatch(/6\.0 million characters.*more than the 5\.2 million characters a browser keeps/);
    expect(await bookKeys(page)).toEqual(work);
  });

  test("an empty backup asks first; declining keeps everything, accepting erases", { timeout: 60_000 }, async () => {
    const file = backupFile("empty.json", {});
    const asked: string[] = [];
    const dismiss = (d: import("playwright-core").Dialog) => void (asked.push(d.message()), d.dismiss());
    page.once("dialog", dismiss);
    expect(await open(file, "you kept your work")).toMatch(/Nothing was changed/);
    expect(asked[0]).toMatch(/holds no work at all.*erases what this browser keeps for the book \(2 entries/);
    expect(await bookKeys(page)).toEqual(work);
    page.once("dialog", (d) => void d.accept());
    expect(await open(file, "Opened")).toMatch(/progress in 0 chapters and 0 edited cells/);
    expect(await bookKeys(page)).toEqual({});
  });

  test("unknown chapters, cells the chapter lacks and forged marks are refused", { timeout: 60_000 }, async () => {
    for (const [chapters, error] of [
      [{ "99-made-up": { ran: [0], solved: [] } }, /no chapter "99-made-up"/],
      [{ [CH]: { ran: [0, 999], solved: [] } }, /so no cell 1000/],
      [{ [CH]: { ran: [], solved: [], done: true } }, /"done", which the book does not write/],
    ] as const) {
      const file = backupFile("forged.json", { "nnfs-progress": JSON.stringify({ version: 1, chapters }) });
      expect(await open(file, "Nothing was changed")).toMatch(error);
      expect(await bookKeys(page)).toEqual(work);
    }
  });

  test("a key of 20M characters: the message quotes 200 of them and says how many", { timeout: 120_000 }, async () => {
    const file = backupFile("huge-key.json", { ["nnfs-" + "k".repeat(20_000_000)]: "1" });
    const text = await open(file, "Nothing was changed");
    expect(text).toMatch(/20,000,005 characters in all/);
    expect(text.length).toBeLessThan(1_000);
    expect(await bookKeys(page)).toEqual(work);
  });

  test("a file larger than the stated limit is refused by its size, unread", { timeout: 120_000 }, async () => {
    const file = path.join(dir, "huge.json");
    writeFileSync(file, Buffer.alloc(40 * 1024 * 1024, 32));
    expect(await open(file, "Nothing was changed")).toMatch(/huge\.json is 40\.0 MB; .* opens files up to 32\.0 MB/);
    expect(await bookKeys(page)).toEqual(work);
  });
});
