// Before loadFastKernels() (a file of its own: the kernels are loaded once per
// module graph), the library runs on its TypeScript kernels, bit for bit the
// reference loop, and asking for WebAssembly says what to do.
import { expect, test } from "vitest";
import { Matrix, kernelName, loadFastKernels, matmul, useKernel } from "../../lib/index.ts";
import { referenceMatmul } from "../../lib/kernels/reference.ts";

test("the default is TypeScript; useKernel(\"wasm\") before loading throws and says why", async () => {
  expect(kernelName()).toBe("typescript");
  expect(useKernel("auto")).toBe("typescript");
  expect(() => useKernel("wasm")).toThrow('useKernel("wasm"): the WebAssembly kernel is not loaded; call `await loadFastKernels()` first');
  const A = new Matrix(17, 19, new Float32Array(17 * 19).map((_, i) => Math.sin(i)));
  const B = new Matrix(19, 23, new Float32Array(19 * 23).map((_, i) => Math.cos(i)));
  const C = new Float32Array(17 * 23);
  referenceMatmul(A.data, B.data, C, 17, 19, 23);
  expect(matmul(A, B).data).toEqual(C);
  const pending = loadFastKernels();
  expect(() => useKernel("wasm")).toThrow("loadFastKernels() has not finished");
  expect(await pending).toBe("wasm-relaxed-simd");
});
