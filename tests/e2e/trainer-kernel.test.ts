/**
 * Chapter 12 in Chromium: the trainer's worker and a reader's cell load the
 * WebAssembly kernels (the page's Content-Security-Policy allows
 * 'wasm-unsafe-eval'; the bytes come with the worker's script), and say so.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, openIsland } from "./pages.ts";
import { cellAt, fresh, run } from "./cell-helpers.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch();
});
afterAll(async () => chrome?.close());

test("the chapter 10 trainer trains on wasm-relaxed-simd and says so", async () => {
  const { page, problems } = await openIsland(chrome.browser, "10-training-on-digits/", "[data-trainer]");
  const t = page.locator("[data-trainer]").first();
  await t.getByRole("button", { name: "Train", exact: true }).click();
  await page.locator("[data-trainer][data-state=done]").waitFor({ timeout: 30_000 });
  await t.locator(".tr-test-accuracy").waitFor({ timeout: 10_000 }); // the status line is complete once the test report is in
  const status = await t.locator("[role=status]").innerText();
  const m = /^Done: 10 epochs in ([\d.]+) s on (\S+); test accuracy ([\d.]+) %\.$/.exec(status);
  expect(m, status).not.toBeNull();
  expect(m![2]).toBe("wasm-relaxed-simd");
  console.log(`trainer: 10 epochs in ${m![1]} s (${(Number(m![1]) / 10).toFixed(2)} s an epoch, with validation) on ${m![2]}`);
  expect(problems).toEqual([]);
  await page.close();
});

test("a reader's cell loads them too, and its product runs on them", async () => {
  const { page, problems } = await fresh(chrome, `${baseUrl()}03-layers-and-batches/`);
  const code = [
    'import { Matrix, fastKernelCopies, loadFastKernels, matmul } from "nnfs";',
    "const kernel = await loadFastKernels();",
    "const A = Matrix.from([Array(20).fill(1)]); // [1, 20]",
    "const B = Matrix.from(Array.from({ length: 20 }, () => Array(20).fill(0.5))); // [20, 20]",
    "console.log(kernel, matmul(A, B).get(0, 19), fastKernelCopies().calls);",
  ].join("\n");
  const r = await run(cellAt(page, 0), code);
  expect(r.state).toBe("ok");
  expect(r.output.trim()).toBe("wasm-relaxed-simd 10 1");
  expect(problems).toEqual([]);
  await page.close();
});
