/**
 * Types in the browser: the editor underlines a type error while the reader
 * types and shows its message on hover, Run lists type errors above the
 * output and still runs the code; and the islands that can draw with the
 * reader's own function (chapter 2's neuron, chapter 4's sigmoid plot) do so
 * when toggled, and say clearly when that function throws or returns NaN.
 * One browser, one page load per chapter.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Locator, Page } from "playwright-core";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl } from "./pages.ts";
import { cellAt, fresh, run, runAndWait } from "./cell-helpers.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch();
});
afterAll(async () => chrome?.close());

const status = (island: Locator) => island.locator("[data-reader-status]");

/** Scrolls to an island and waits until it is hydrated (islands load `client:visible`). */
async function awake(island: Locator): Promise<void> {
  await island.scrollIntoViewIfNeeded();
  await island.page().waitForFunction((el) => el != null && !el.closest("astro-island")?.hasAttribute("ssr"), await island.elementHandle());
}

/** Turns "use my code" on and waits for the island to say what it draws with. */
async function useMine(island: Locator): Promise<void> {
  await island.locator("[data-reader-mine]").click();
  await island.locator(".reader-toggle:not([data-reader=asking]):not([data-reader=book])").waitFor();
}

describe("chapter 2: types in the editor and on Run; the neuron with the reader's weightedSum", { timeout: 180_000 }, () => {
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    ({ page, problems } = await fresh(chrome, `${baseUrl()}02-a-single-neuron/`));
  });
  afterAll(async () => page?.close());

  test("a type error is underlined while typing, with its message on hover; a name from a cell above shows its type", async () => {
    const loadedTypes = () => page.evaluate(() => performance.getEntriesByType("resource").filter((e) => /types-client|ls-worker/.test(e.name)).length);
    const cell = cellAt(page, 2);
    await cell.scrollIntoViewIfNeeded();
    await cell.hover();
    const content = cell.locator(".cm-content");
    await content.waitFor();
    await content.click();
    // The editor is there; the language service is not, until the first edit.
    expect(await loadedTypes()).toBe(0);
    await page.keyboard.press("ControlOrMeta+End");
    const started = Date.now();
    await page.keyboard.type('\nconst n: number = "five";');
    const underline = cell.locator(".cm-type-error");
    await underline.waitFor({ timeout: 30_000 });
    console.log(`first type diagnostic ${Date.now() - started} ms after the first keystroke`);
    expect(await loadedTypes()).toBe(2);
    expect(await underline.textContent()).toBe("n");
    await underline.hover();
    const tip = page.locator(".cm-tooltip .cm-type-hover");
    await tip.waitFor();
    expect(await tip.locator(".cm-type-message").textContent()).toBe("Type 'string' is not assignable to type 'number'.");
    // weightedSum is defined by the cell above: the service knows its signature.
    await content.getByText("weightedSum").first().hover();
    await page.locator(".cm-tooltip .cm-type-hover code", { hasText: "weightedSum(" }).waitFor();
    expect(await page.locator(".cm-tooltip .cm-type-hover code").textContent()).toBe("weightedSum(inputs: number[], weights: number[], bias: number): number");
  });

  test("Run lists the type errors above the output, with line and column, and runs the code anyway", async () => {
    const cell = cellAt(page, 2);
    const result = await runAndWait(cell);
    expect(result.state).toBe("ok");
    expect(result.output).toBe("4.8");
    const box = cell.locator("[data-cell-types]");
    await box.waitFor();
    expect(await box.textContent()).toBe("Type error — the code ran anyway:line 2, column 7: Type 'string' is not assignable to type 'number'.");
    const above = await box.evaluate((el) => !!(el.compareDocumentPosition(el.parentElement!.querySelector("[data-cell-output]")!) & Node.DOCUMENT_POSITION_FOLLOWING));
    expect(above).toBe(true);
    // Fixed and run again: the list goes.
    await run(cell, "const n: number = 5;\nconsole.log(n);");
    await page.waitForFunction(() => !document.querySelectorAll("[data-cell]")[2].querySelector("[data-cell-types]"));
  });

  test("the neuron draws with the reader's weightedSum when toggled, and says clearly when it throws", async () => {
    const island = page.locator(".nr");
    await awake(island);
    expect(await status(island).textContent()).toBe("Drawing with the book's weighted sum.");
    // The reader's cell has run: its weightedSum answers 29 for 1·3 + 2·4 + 3·5 + 3.
    await useMine(island);
    expect(await status(island).textContent()).toBe("Drawing with your weightedSum (Cell 2, as last run).");
    expect(await island.locator(".nr-result").getAttribute("data-by")).toBe("reader");
    expect(await island.locator(".nr-result").textContent()).toBe("29");
    // The reader changes weightedSum and runs its cell: the island follows.
    await run(cellAt(page, 1), "function weightedSum(inputs: number[], weights: number[], bias: number) {\n  return 1000;\n}");
    await island.locator(".nr-result", { hasText: "1000" }).waitFor();
    // A weightedSum that throws: named, with the call and the reader's line; the book's sum is drawn.
    await run(cellAt(page, 1), 'function weightedSum(inputs: number[], weights: number[], bias: number): number {\n  throw new Error("not written yet");\n}');
    await island.locator(".reader-toggle[data-reader=problem]").waitFor();
    expect(await status(island).textContent()).toBe(
      "Your weightedSum cannot draw this: weightedSum([1, 2, 3], [3, 4, 5], 3) threw Error: not written yet (Cell 2, line 2). Drawing the book's weighted sum instead. ",
    );
    expect(await island.locator(".nr-result").getAttribute("data-by")).toBe("book");
    expect(await island.locator(".nr-result").textContent()).toBe("29");
    expect(await status(island).getAttribute("role")).toBe("alert");
    await island.getByRole("button", { name: "Use the book's" }).click();
    await island.locator(".reader-toggle[data-reader=book]").waitFor();
    expect(problems).toEqual([]);
  });
});

describe("chapter 3: shapes in the types", { timeout: 180_000 }, () => {
  test("a product in the wrong order is underlined with both shapes before Run; Run lists it and matmul throws too", async () => {
    const { page, problems } = await fresh(chrome, `${baseUrl()}03-layers-and-batches/`);
    const cell = page.locator("[data-cell]").filter({ hasText: "const C = matmul(A, B);" });
    await cell.scrollIntoViewIfNeeded();
    await cell.hover();
    const content = cell.locator(".cm-content");
    await content.waitFor();
    await content.click();
    await page.keyboard.press("ControlOrMeta+End");
    const started = Date.now();
    await page.keyboard.type("\nconst D = matmul(B, A);");
    const underline = cell.locator(".cm-type-error");
    await underline.waitFor({ timeout: 30_000 });
    console.log(`first shape diagnostic ${Date.now() - started} ms after the first keystroke`);
    expect(await underline.textContent()).toBe("A");
    await underline.hover();
    const message = page.locator(".cm-tooltip .cm-type-hover .cm-type-message");
    await message.waitFor();
    expect(await message.textContent()).toBe(`Argument of type 'Matrix<2, 4>' is not assignable to parameter of type '"inner sizes differ: Matrix<4, 3> · Matrix<2, 4>"'.`);
    // Hovering a matrix shows its shape.
    await page.mouse.move(0, 0);
    const at = await cell.locator(".cm-line", { hasText: "const C = matmul(A, B);" }).evaluate((line) => {
      // The middle of the letter C: its text node and offset, wherever the highlighter split the line.
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        if (seen + text.length > 6) {
          const range = document.createRange();
          range.setStart(node, 6 - seen);
          range.setEnd(node, 7 - seen);
          const r = range.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        }
        seen += text.length;
      }
      throw new Error("no letter C on the line");
    });
    await page.mouse.move(at.x, at.y);
    await page.locator(".cm-tooltip .cm-type-hover code", { hasText: "const C" }).waitFor();
    expect(await page.locator(".cm-tooltip .cm-type-hover code").first().textContent()).toBe("const C: Matrix<2, 3>");
    // Run anyway: the type error is listed above the output, and matmul throws with the same shapes.
    const result = await runAndWait(cell);
    expect(result.state).toBe("error");
    expect(result.output).toContain("RangeError: matmul: [4×3]·[2×4]: inner sizes 3 and 2 differ");
    expect(await cell.locator("[data-cell-types]").textContent()).toBe(
      `Type error — the code ran anyway:line 5, column 21: Argument of type 'Matrix<2, 4>' is not assignable to parameter of type '"inner sizes differ: Matrix<4, 3> · Matrix<2, 4>"'.`,
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("chapter 4: the sigmoid plot with the reader's sigma", { timeout: 180_000 }, () => {
  test("not run yet: says which cell defines it and runs it on request; then draws with it; NaN and a throw are named", async () => {
    const { page, problems } = await fresh(chrome, `${baseUrl()}04-activation-the-sigmoid/`);
    const island = page.locator(".sp");
    await awake(island);
    await useMine(island);
    expect(await status(island).textContent()).toBe(
      "Your sigma cannot draw this: sigma is not in the notebook yet: run Cell 3, which defines it. Drawing the book's sigmoid instead. Run it now",
    );
    await island.getByRole("button", { name: "Run it now" }).click();
    await island.locator(".reader-toggle[data-reader=mine]").waitFor({ timeout: 30_000 });
    expect(await island.locator(".sp-curve").getAttribute("data-by")).toBe("reader");
    expect(await island.locator(".sp-y").textContent()).toBe("0.881"); // the probe at z = 2: the book's own sigma
    // The reader flips the sign: the curve falls, and the probe reads σ(−2).
    await run(cellAt(page, 2), "const sigma = (z: number) => 1 / (1 + Math.exp(z));");
    await island.locator(".sp-y", { hasText: "0.119" }).waitFor();
    // The words and the readout follow the function drawn, named as the reader named it.
    expect(await island.locator(".sp-desc").textContent()).toBe("Your sigma draws a curve that falls from 1 to 0, crossing ½ at x = 0.");
    expect(await island.locator(".sp-calc").textContent()).toContain("sigma(z) = 0.119");
    expect(await island.locator(".sp-calc").textContent()).not.toContain("σ(z)");
    // NaN at z = 0: named with its call; the book's curve is drawn instead.
    await run(cellAt(page, 2), "const sigma = (z: number) => (z === 0 ? NaN : 0.5);");
    await island.locator(".reader-toggle[data-reader=problem]").waitFor();
    expect(await status(island).textContent()).toBe("Your sigma cannot draw this: sigma(0) returned NaN, not a finite number. Drawing the book's sigmoid instead. ");
    expect(await island.locator(".sp-curve").getAttribute("data-by")).toBe("book");
    // A throw: the call and the reader's cell and line.
    await run(cellAt(page, 2), 'const sigma = (z: number): number => {\n  throw new RangeError("mine throws");\n};');
    await island.locator(".rt-status", { hasText: "threw" }).waitFor();
    expect(await status(island).textContent()).toBe(
      "Your sigma cannot draw this: sigma(-10) threw RangeError: mine throws (Cell 3, line 2). Drawing the book's sigmoid instead. ",
    );
    // A loop that never ends: one sentence, naming the function, the time and the restart.
    await run(cellAt(page, 2), "const sigma = (z: number): number => {\n  while (z === z) z += 0;\n  return z;\n};");
    await island.locator(".rt-status", { hasText: "without returning" }).waitFor({ timeout: 15_000 });
    expect(await status(island).textContent()).toBe(
      "Your sigma cannot draw this: sigma ran for 3 s without returning (a loop that never ends?), so the notebook restarted. Drawing the book's sigmoid instead. ",
    );
    expect(await island.locator(".sp-desc").textContent()).toMatch(/^The curve rises from 0 to 1/);
    expect(await island.locator(".sp-calc").textContent()).toContain("σ(z) =");
    expect(problems).toEqual([]);
    await page.close();
  });
});
