// A reader's cell can switch the library to its WebAssembly kernels (chapter
// 12): the cell runs on the same path as in the page's worker (run-cell.ts),
// and the cells after it in the notebook use the kernels it loaded.
import { expect, test } from "vitest";
import * as nnfs from "nnfs";
import { runCells } from "../../components/cell/worker/run-cells.ts";
import type { CellSource } from "../../components/cell/notebook/collect.ts";

const cell = (index: number, code: string): CellSource => ({ index, code, output: null, outputForm: false, options: { throws: false, timeoutMs: null }, line: 1 });

test("a cell awaits loadFastKernels(); the next cell's matmul runs on it", async () => {
  const runs = await runCells([
    cell(0, 'import { kernelName, loadFastKernels } from "nnfs";\nconsole.log(kernelName());\nconsole.log(await loadFastKernels());'),
    cell(1, 'import { Matrix, fastKernelCopies, kernelName, matmul } from "nnfs";\nconst before = fastKernelCopies().calls;\nmatmul(Matrix.from([Array(20).fill(1)]), Matrix.from(Array.from({ length: 20 }, () => Array(20).fill(2))));\nconsole.log(kernelName(), fastKernelCopies().calls - before);'),
  ], { nnfs });
  expect(runs.map((r) => r.error)).toEqual([null, null]);
  expect(runs[0].output).toBe("typescript\nwasm-relaxed-simd");
  expect(runs[1].output).toBe("wasm-relaxed-simd 1");
  nnfs.useKernel("typescript");
});
