/** "Download this chapter's code" gives a file that runs with node inside the repository. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, openPage } from "./pages.ts";
import { ROOT } from "./build.ts";
import { parseChapter } from "../../src/lib/cells.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch({ acceptDownloads: true });
});
afterAll(async () => chrome?.close());

test("chapter 2's download is chapter-02.ts, and it runs and prints the first cell's output", async () => {
  const { page, problems } = await openPage(chrome.browser, `${baseUrl()}02-a-single-neuron/`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download this chapter's code" }).click()]);
  expect(download.suggestedFilename()).toBe("chapter-02.ts");
  const dir = path.join(ROOT, "test-results", "downloads");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const stdout = execFileSync(process.execPath, [file], { cwd: dir, encoding: "utf8" });
  const { cells } = parseChapter(readFileSync(path.join(ROOT, "chapters/02-a-single-neuron/index.mdx"), "utf8"));
  expect(stdout.startsWith(`${cells.find((c) => c.output)!.output}\n`)).toBe(true);
  // The starting code of the exercises is there to be completed, so their checks do not all pass yet.
  expect(stdout).toMatch(/Exercise 1: \d+ of \d+ checks pass\n/);
  expect(problems).toEqual([]);
  await page.close();
});
