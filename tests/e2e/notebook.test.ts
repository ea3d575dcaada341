/**
 * The notebook in the browser: what runs is the code on the screen, stale
 * cells say why and re-run in one click, late output shows under its cell,
 * Restart empties the notebook, errors point at the reader's line and
 * column, and the page hears when a reader's run or check finished.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Launched } from "./chromium.ts";
import { chapterUrls } from "./pages.ts";
import { cellAt, fresh, read, run, runAndWait, setCode } from "./cell-helpers.ts";

let chrome: Launched;
let neuron: string;

beforeAll(async () => {
  chrome = await launch({ typeService: "stand-in" }); // the notebook, not types: chromium.ts
  neuron = (await chapterUrls(chrome.browser)).find((u) => u.includes("/02-"))!;
});
afterAll(async () => chrome?.close());

const staleText = (page: Page, i: number) => cellAt(page, i).locator("[data-cell-stale]").textContent();

describe("a notebook that is never stale", { timeout: 120_000 }, () => {
  test("a cell edited since it ran runs again before the cell below (`const q` edited to `const zq`)", async () => {
    const { page, problems } = await fresh(chrome, neuron);
    expect((await run(cellAt(page, 0), "const q = 1;")).state).toBe("ok");
    await setCode(cellAt(page, 0), "const zq = 5;");
    const r = await run(cellAt(page, 1), "console.log(zq);");
    expect(r.output).toBe("5");
    expect(r.status).toMatch(/^Ran cell 1 first: this cell uses what it defines\./);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("re-running a cell marks the cells below that use its names stale, says why, dims them; one click re-runs them", async () => {
    const { page } = await fresh(chrome, neuron);
    await run(cellAt(page, 0), "const zq = 5;\nconst other = 1;");
    await run(cellAt(page, 1), "console.log(zq * 2);");
    await run(cellAt(page, 2), "console.log('uses nothing above');");
    expect(await cellAt(page, 1).getAttribute("data-stale")).toBeNull();
    await run(cellAt(page, 0), "const zq = 6;\nconst other = 1;");
    // Cell 2 uses zq: stale, with the reason; cell 3 uses nothing of cell 1: not stale.
    expect(await cellAt(page, 1).getAttribute("data-stale")).toBe("");
    expect(await staleText(page, 1)).toMatch(/^Stale: cell 1 ran again after this cell ran, and this cell uses `zq` from it\./);
    expect(await cellAt(page, 2).getAttribute("data-stale")).toBeNull();
    const pre = cellAt(page, 1).locator("[data-cell-output]");
    expect(await pre.evaluate((el) => getComputedStyle(el).borderLeftStyle)).toBe("dashed");
    expect(await pre.evaluate((el) => getComputedStyle(el, "::before").content)).toBe('"Output (stale)"');
    expect((await read(cellAt(page, 1))).output).toBe("10");
    await cellAt(page, 1).getByRole("button", { name: "Run stale cells" }).click();
    await cellAt(page, 1).locator("[data-cell-output] code", { hasText: /^12$/ }).waitFor();
    await page.waitForFunction(() => !document.querySelector("[data-cell][data-stale]"));
    await page.close();
  });

  test("output under a cell edited since it ran is marked as not belonging to the code", async () => {
    const { page } = await fresh(chrome, neuron);
    await run(cellAt(page, 1), "console.log(1);");
    expect(await cellAt(page, 1).getAttribute("data-stale")).toBeNull();
    await setCode(cellAt(page, 1), "console.log(2);");
    expect(await staleText(page, 1)).toMatch(/edited since this output was printed/);
    await page.close();
  });
});

describe("late output and Restart", { timeout: 120_000 }, () => {
  test("what a timer prints after its cell finished shows under that cell, marked late, until the cell runs again", async () => {
    const { page } = await fresh(chrome, neuron);
    const cell = cellAt(page, 1);
    const r = await run(cell, 'setTimeout(() => console.log("late one"), 300);\nconsole.log("now");');
    // Read as the run finished, or later on a busy machine, when the timer may have printed already.
    expect(r.output).toMatch(/^now(\nlate one)?$/);
    await cell.locator(".out-late", { hasText: "late one" }).waitFor();
    expect((await read(cell)).output).toBe("now\nlate one");
    // A run of another cell keeps it there; a new run of this cell ends its old timers.
    await run(cellAt(page, 2), "console.log('other');");
    expect((await read(cell)).output).toBe("now\nlate one");
    await run(cell, 'setInterval(() => console.log("never"), 50);\nconsole.log("first");');
    // The new run waits on a timer of its own, due after the old interval's next turn (one worker fires
    // its timers in order): had the interval lived on, it would have printed into this run's output.
    await run(cell, 'await new Promise((done) => setTimeout(done, 300));\nconsole.log("second");');
    expect((await read(cell)).output).toBe("second");
    await page.close();
  });

  test("Restart empties the notebook and stops its timers; the cells above run again next time", async () => {
    const { page } = await fresh(chrome, neuron);
    const restart = cellAt(page, 1).getByRole("button", { name: "Restart" });
    await cellAt(page, 1).hover();
    expect(await restart.isVisible()).toBe(false);
    await run(cellAt(page, 0), "const kept = 41;\nsetInterval(() => console.log('tick'), 100);");
    await run(cellAt(page, 1), "console.log(kept + 1);");
    await cellAt(page, 0).locator(".out-late", { hasText: "tick" }).first().waitFor();
    expect(await restart.isVisible()).toBe(true);
    // The timers live in the notebook's worker: Restart ends it, and what it sent before it ended is dropped.
    const workers = await Promise.all(page.workers().map(async (w) => ({ w, name: await w.evaluate(() => self.name) })));
    const notebook = workers.filter((x) => x.name === "nnfs-cells");
    expect(notebook).toHaveLength(1);
    const ended = notebook[0].w.waitForEvent("close");
    await restart.click();
    expect(await cellAt(page, 1).locator("[data-cell-status]").textContent()).toMatch(/^Restarted: the notebook is empty/);
    expect(await page.locator("[data-cell][data-ran]").count()).toBe(0);
    await ended;
    expect((await read(cellAt(page, 0))).output).toMatch(/^tick(\ntick)*$/);
    const again = await runAndWait(cellAt(page, 1));
    expect(again.output).toBe("42");
    expect(again.status).toMatch(/^Ran cell 1 first: this cell uses what it defines\./);
    await page.close();
  });
});

describe("errors point at the reader's line and column", { timeout: 120_000 }, () => {
  // Each case's error is at the marker `@` (where the engine places it: a thrown error at its `new`).
  test.each([
    { name: "after blank lines", code: "\n\nthrow @new Error('x');" },
    { name: "after a comment line", code: "// set up\nconst a: number = 1; throw @new Error('y');" },
    { name: "after a type annotation", code: "const o: { x: number } | null = null;\nconst v: number = o!.@x;" },
    { name: "after a multi-line string", code: "const s = `a\nb\nc`;\nconst n: any = null; n.@go();" },
    { name: "in a template literal", code: "const o: any = null;\nconsole.log(`${o.@x}`);" },
    { name: "a syntax error", code: "const a = 1;\nconst b: number = @;" },
  ])("$name", async ({ code }) => {
    const { page } = await fresh(chrome, neuron);
    const at = code.indexOf("@");
    const before = code.slice(0, at).split("\n");
    const r = await run(cellAt(page, 1), code.replace("@", ""));
    expect(r.status).toMatch(new RegExp(`Error at line ${before.length}, column ${before[before.length - 1].length + 1}\\.$`));
    await page.close();
  });

  test("an error inside a function of an earlier cell names that cell and its line", async () => {
    const { page } = await fresh(chrome, neuron);
    const line2 = "  if (n > 2) throw new RangeError('too big: ' + n);";
    await run(cellAt(page, 0), `function boom(n: number): number {\n${line2}\n  return n;\n}`);
    const r = await run(cellAt(page, 1), "const k = 3;\nboom(k);");
    expect(r.output).toBe("RangeError: too big: 3 (Cell 1, line 2)");
    expect(r.status).toMatch(new RegExp(`Error at Cell 1, line 2, column ${line2.indexOf("new") + 1}\\.$`));
    await page.close();
  });
});

describe("the page hears about runs and checks", { timeout: 120_000 }, () => {
  test("nnfs:cell-run and nnfs:exercise-checked on document, after a reader's run", async () => {
    const { page } = await fresh(chrome, neuron);
    await page.evaluate(() => {
      const w = window as unknown as { heard: unknown[] };
      w.heard = [];
      for (const type of ["nnfs:cell-run", "nnfs:exercise-checked"]) document.addEventListener(type, (e) => w.heard.push({ type, ...(e as CustomEvent).detail }));
    });
    const heard = () => page.evaluate(() => (window as unknown as { heard: unknown[] }).heard);
    await run(cellAt(page, 2), "console.log(1);");
    const ex = page.locator("[data-exercise]").first();
    await ex.hover();
    await runAndWait(ex, () => ex.getByRole("button", { name: "Check" }).click());
    await ex.locator("summary", { hasText: "Show solution" }).click();
    await setCode(ex, (await ex.locator("[data-exercise-solution] pre").innerText()).replace(/\n$/, ""));
    await runAndWait(ex, () => ex.getByRole("button", { name: "Check" }).click());
    await run(cellAt(page, 1), "throw new Error('no');");
    const chapter = await cellAt(page, 0).getAttribute("data-chapter");
    expect(chapter).toMatch(/^02-/);
    // Cells 1 and 2 ran first, to prepare cell 3: they are heard of too (they count as run), before it.
    // The exercise uses nothing of the cells above, so its Check runs none of them.
    expect(await heard()).toEqual([
      { type: "nnfs:cell-run", chapter, cell: 0, ok: true },
      { type: "nnfs:cell-run", chapter, cell: 1, ok: true },
      { type: "nnfs:cell-run", chapter, cell: 2, ok: true },
      { type: "nnfs:exercise-checked", chapter, exercise: 0, passed: false },
      { type: "nnfs:exercise-checked", chapter, exercise: 0, passed: true },
      { type: "nnfs:cell-run", chapter, cell: 1, ok: false },
    ]);
    await page.close();
  });
});
