/**
 * The fast kernels' memory under many layers: the time of a 256² product
 * (median of 5) after loadFastKernels(), then again with 500 Dense(784, 128)
 * layers alive (more than their 64 MB), and where the products ran
 * (kernelStats). Run: node bench/wasm-memory.ts
 */
import { Dense, Matrix, kernelStats, loadFastKernels, matmul } from "../lib/index.ts";

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const A = new Matrix(256, 256, new Float32Array(256 * 256).map((_, i) => Math.sin(i))); // [256, 256]
const B = new Matrix(256, 256, new Float32Array(256 * 256).map((_, i) => Math.cos(i))); // [256, 256]
function time(): number {
  const ms: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    matmul(A, B); // [256, 256]
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

const kernel = await loadFastKernels();
time(); // warm up
const before = time();
const statsBefore = kernelStats();
const layers = Array.from({ length: 500 }, (_, i) => new Dense(784, 128, { seed: i }));
const after = time();
const stats = kernelStats();
console.log(`kernel ${kernel}; 256² product, median of 5: ${before.toFixed(2)} ms before, ${after.toFixed(2)} ms with ${layers.length} layers of 784·128 alive`);
console.log(`products since loading: ${stats.wasm} on WebAssembly, ${stats.typescript} on TypeScript (before the layers: ${statsBefore.wasm} and ${statsBefore.typescript}); ${(stats.freeBytes / 2 ** 20).toFixed(1)} of ${(stats.totalBytes / 2 ** 20).toFixed(1)} MB free`);
