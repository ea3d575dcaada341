/**
 * An exercise's verdict depends only on the reader's answer: with a chapter's
 * first cell edited into an error (and run), every exercise's own solution
 * still passes, in every chapter, because a Check runs the answer against the
 * book's code of the cells it needs. (Speed is the benchmark's business:
 * npm run bench:exercises.)
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl } from "./pages.ts";
import { cellAt, fresh, runAndWait, setCode } from "./cell-helpers.ts";
import { chapterFiles } from "../../scripts/chapters.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch({ typeService: "stand-in" }); // the notebook, not types: chromium.ts
});
afterAll(async () => chrome?.close());

const chapters = chapterFiles().map((c) => c.id);

describe("a correct answer passes whatever the reader did elsewhere on the page", () => {
  test.each(chapters)("%s: the first cell edited into an error, every solution still passes", async (id) => {
    const { page, problems } = await fresh(chrome, `${baseUrl()}${id}/`);
    const first = cellAt(page, 0);
    const broken = await (async () => {
      await setCode(first, 'throw new Error("edited into an error");');
      return runAndWait(first);
    })();
    expect(broken.state).toBe("error");
    const exercises = page.locator("[data-exercise]");
    const count = await exercises.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const ex = exercises.nth(i);
      const solution = ((await ex.locator("[data-exercise-solution] pre").textContent()) ?? "").replace(/\n$/, "");
      await setCode(ex, solution);
      const checked = await runAndWait(ex, () => ex.getByRole("button", { name: "Check" }).click(), 120_000);
      expect(checked.status, `${id} exercise ${i + 1}: ${checked.output}`).toMatch(/\b(\d+) of \1 checks pass\. Well done!/);
      expect(checked.output.split("\n").every((l) => l.startsWith("✓ ")), checked.output).toBe(true);
    }
    expect(problems).toEqual([]);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  }, 300_000);
});
