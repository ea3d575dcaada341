/**
 * Chapter 12 in Chromium: a reader's cell loads the WebAssembly kernels (the
 * page's Content-Security-Policy allows 'wasm-unsafe-eval'; the bytes come
 * with the worker's script), and its products run on them. (The trainer's
 * worker trains on them and says so: islands-10-11.test.ts.)
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl } from "./pages.ts";
import { cellAt, fresh, run } from "./cell-helpers.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch({ typeService: "stand-in" }); // the notebook, not types: chromium.ts
});
afterAll(async () => chrome?.close());

test("a reader's cell loads the WebAssembly kernels, and its product runs on them", async () => {
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
