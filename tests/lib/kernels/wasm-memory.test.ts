// The WebAssembly kernels' fixed memory: scratch copies are given back after
// each product, and when the memory is full the products fall back to the
// TypeScript kernels (same results as the reference) instead of failing.
import { afterEach, expect, test } from "vitest";
import { Matrix, matmul } from "../../../lib/index.ts";
import { kernelSlot } from "../../../lib/kernels/slot.ts";
import { MEMORY_PAGES, SCRATCH_RESERVE, WasmKernels } from "../../../lib/kernels/wasm.ts";
import { referenceMatmul } from "../../../lib/kernels/reference.ts";

afterEach(() => {
  kernelSlot.fast = null;
});

const filled = (r: number, c: number, f: (i: number) => number) => new Matrix(r, c, new Float32Array(r * c).map((_, i) => f(i)));

test("a product's scratch blocks come back; blocks kept for arrays are counted out", () => {
  const k = (kernelSlot.fast = WasmKernels.create("wasm-simd"));
  const free = k.available;
  expect(free).toBe(MEMORY_PAGES * 65536 - 65536);
  matmul(filled(50, 60, Math.sin), filled(60, 70, Math.cos));
  expect(k.counts.calls).toBe(1);
  expect(k.available).toBe(free);
  const kept = k.floats(100)!;
  expect(kept.buffer).not.toBe(new Float32Array(1).buffer);
  expect(k.available).toBe(free - 448); // 400 bytes, rounded up to whole 64-byte lines
});

test("when the memory is full, matmul runs on TypeScript and gives the reference's numbers, counted and said once", () => {
  const k = (kernelSlot.fast = WasmKernels.create("wasm-simd"));
  k.reserve = 0; // let the arrays take it all
  const said: string[] = [];
  k.warn = (m) => said.push(m);
  const hog: Float32Array[] = [];
  for (const size of [1 << 20, 1 << 10, 16]) for (let x = k.floats(size); x !== null; x = k.floats(size)) hog.push(x);
  expect(k.available).toBe(0);
  const A = filled(20, 30, (i) => Math.sin(i)), B = filled(30, 40, (i) => Math.cos(i));
  const C = new Float32Array(20 * 40);
  referenceMatmul(A.data, B.data, C, 20, 30, 40);
  expect(matmul(A, B).data).toEqual(C); // the blocked TypeScript kernel: bit for bit
  expect(k.counts.calls).toBe(0);
  expect(k.available).toBe(0); // nothing leaked by the attempt
  expect(hog.length).toBeGreaterThan(60);
  matmul(A, B);
  expect(k.counts.refused).toBe(2);
  expect(said).toHaveLength(1);
  expect(said[0]).toMatch(/^nnfs: a \[20×30\]·\[30×40\] product does not fit in the WebAssembly kernels' memory \(0\.0 MB of 64\.0 MB free\), so it runs on the TypeScript kernels/);
});

test("arrays leave SCRATCH_RESERVE free, so products keep running here once layers fill the rest", () => {
  const k = (kernelSlot.fast = WasmKernels.create("wasm-simd"));
  const said: string[] = [];
  k.warn = (m) => said.push(m);
  const hog: Float32Array[] = [];
  for (let x = k.floats(100_352); x !== null; x = k.floats(100_352)) hog.push(x); // 784·128 weights each
  expect(k.available).toBeGreaterThanOrEqual(SCRATCH_RESERVE);
  expect(k.floats(100_352)).toBeNull(); // the next layer's weights live in ordinary memory…
  const A = filled(256, 256, Math.sin), B = filled(256, 256, Math.cos);
  const C = new Float32Array(256 * 256);
  referenceMatmul(A.data, B.data, C, 256, 256, 256);
  const got = matmul(A, B); // …and are copied in: the product still runs here
  expect(k.counts.calls).toBe(1);
  expect(k.counts.refused).toBe(0);
  for (let i = 0; i < C.length; i++) expect(Math.abs(got.data[i] - C[i])).toBeLessThan(1e-3);
  expect(said).toEqual([]);
});
