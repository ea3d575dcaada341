// The WebAssembly kernels (chapter 12) against the reference loops on random
// shapes: empty, 1×1, odd sizes, mostly zeros, and one 1024×1024 product.
// Their sums run in 32 bits, in another order, with fused multiply-adds where
// the engine has them, so they are not equal bit for bit; the stated
// tolerance is the textbook bound for a float32 dot product of length K, with
// a term for products so small that they round among float32's subnormals:
//   |fast − reference| ≤ (K + 2) · (2⁻²³ · Σₖ |A[i][k]·B[k][j]| + 2⁻¹⁴⁹).
import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import {
  Adam, AdamW, Dense, Matrix, Random, ReLU, SGD, Sequential, Softmax, SparseRows, fastKernelCopies, kernelName, kernelStats,
  loadFastKernels, matmul, matmulTransA, matmulTransB, softmaxCrossEntropy, trainStep, useKernel,
} from "../../lib/index.ts";
import { referenceMatmul, referenceMatmulTransA, referenceMatmulTransB } from "../../lib/kernels/reference.ts";
import { floats, kernelSlot } from "../../lib/kernels/slot.ts";
import { firstNonFinite } from "../../lib/kernels/finite.ts";
import { WasmKernels } from "../../lib/kernels/wasm.ts";
import { product, type Case } from "./kernels/helpers.ts";

type Loop = (A: Float32Array, B: Float32Array, C: Float32Array, M: number, K: number, N: number) => void;

/** The reference result and the bound on each element's error, for the loop's inner size K. */
function expected(loop: Loop, c: Case, rows: number, cols: number, K: number) {
  const C = new Float32Array(rows * cols);
  loop(c.A, c.B, C, c.M, c.K, c.N);
  const bound = new Float32Array(rows * cols);
  loop(c.A.map(Math.abs), c.B.map(Math.abs), bound, c.M, c.K, c.N);
  return { C, bound: bound.map((s) => (K + 2) * (2 ** -23 * s + 2 ** -149)) };
}

function expectClose(got: Matrix, want: { C: Float32Array; bound: Float32Array }): void {
  expect(got.data.length).toBe(want.C.length);
  for (let i = 0; i < want.C.length; i++) {
    const err = Math.abs(got.data[i] - want.C[i]);
    if (!(err <= want.bound[i])) expect.fail(`element ${i}: ${got.data[i]} vs ${want.C[i]}, error ${err} > ${want.bound[i]}`);
  }
}

let loaded: string;
beforeAll(async () => {
  loaded = await loadFastKernels();
});
afterEach(() => {
  useKernel("auto");
});

describe("loading and choosing", () => {
  test("Node 24 runs the relaxed-SIMD kernel; loading twice gives the same answer", async () => {
    expect(loaded).toBe("wasm-relaxed-simd");
    expect(await loadFastKernels()).toBe(loaded);
    expect(kernelName()).toBe(loaded);
  });

  test("useKernel switches between TypeScript and WebAssembly and refuses nonsense", () => {
    expect(useKernel("typescript")).toBe("typescript");
    expect(kernelName()).toBe("typescript");
    expect(useKernel("wasm")).toBe(loaded);
    expect(useKernel("auto")).toBe(loaded);
    useKernel("typescript");
    return loadFastKernels().then((name) => {
      expect(name).toBe(loaded); // loading again switches back
      expect(() => useKernel("gpu" as "auto")).toThrow('useKernel: choice must be "auto", "wasm" or "typescript", got "gpu"');
    });
  });
});

describe("the products against the reference loops, within (K + 2)·(2⁻²³·Σ|a·b| + 2⁻¹⁴⁹)", () => {
  const m = (rows: number, cols: number, data: Float32Array) => new Matrix(rows, cols, data);

  test("matmul, any shape (empty, 1×1, odd), dense or mostly zeros", () => {
    fc.assert(fc.property(product(40), (c) => {
      expectClose(matmul(m(c.M, c.K, c.A), m(c.K, c.N, c.B)), expected(referenceMatmul, c, c.M, c.N, c.K));
    }), { numRuns: 300 });
  });

  test("matmul with A given as its non-zeros (the sparse kernel)", () => {
    fc.assert(fc.property(product(40), (c) => {
      const S = SparseRows.from(m(c.M, c.K, c.A));
      expectClose(matmul(S, m(c.K, c.N, c.B)), expected(referenceMatmul, c, c.M, c.N, c.K));
    }), { numRuns: 300 });
  });

  test("matmulTransA: Aᵀ·B, dense or sparse A", () => {
    fc.assert(fc.property(product(40, (M, _, N) => [M, N]), (c) => {
      const want = expected(referenceMatmulTransA, c, c.K, c.N, c.M);
      expectClose(matmulTransA(m(c.M, c.K, c.A), m(c.M, c.N, c.B)), want);
      expectClose(matmulTransA(SparseRows.from(m(c.M, c.K, c.A)), m(c.M, c.N, c.B)), want);
    }), { numRuns: 300 });
  });

  test("matmulTransB: A·Bᵀ", () => {
    fc.assert(fc.property(product(40, (_, K, N) => [N, K]), (c) => {
      expectClose(matmulTransB(m(c.M, c.K, c.A), m(c.N, c.K, c.B)), expected(referenceMatmulTransB, c, c.M, c.N, c.K));
    }), { numRuns: 300 });
  });

  test("the plain-SIMD module (engines without relaxed SIMD): matmul, Aᵀ·B and A·Bᵀ", () => {
    const plain = WasmKernels.create("wasm-simd");
    fc.assert(fc.property(product(40), (c) => {
      kernelSlot.fast = plain;
      expectClose(matmul(m(c.M, c.K, c.A), m(c.K, c.N, c.B)), expected(referenceMatmul, c, c.M, c.N, c.K));
      expectClose(matmul(SparseRows.from(m(c.M, c.K, c.A)), m(c.K, c.N, c.B)), expected(referenceMatmul, c, c.M, c.N, c.K));
      const t = { ...c, M: c.N, B: new Float32Array(c.N * c.K).map((_, i) => c.B[(i * 7) % Math.max(1, c.B.length)] ?? 0) };
      expectClose(matmulTransB(m(c.M, c.K, c.A), m(c.N, c.K, t.B)), expected(referenceMatmulTransB, { ...c, B: t.B }, c.M, c.N, c.K));
    }), { numRuns: 150 });
    expect(plain.counts.calls).toBeGreaterThan(100);
  });

  test("1024×1024 · 1024×1024 and the training shape 128×784 · 784×128", () => {
    const rng = new Random(7);
    for (const [M, K, N] of [[1024, 1024, 1024], [128, 784, 128]]) {
      const c: Case = { M, K, N, A: new Float32Array(M * K).map(() => rng.uniform(-1, 1)), B: new Float32Array(K * N).map(() => rng.uniform(-1, 1)) };
      useKernel("wasm");
      expectClose(matmul(m(M, K, c.A), m(K, N, c.B)), expected(referenceMatmul, c, M, N, K));
    }
  });

  test("the WebAssembly kernels really ran (a product through the slot is counted)", () => {
    const before = fastKernelCopies().calls;
    matmul(new Matrix(20, 20, new Float32Array(400).fill(1)), new Matrix(20, 20, new Float32Array(400).fill(2)));
    expect(fastKernelCopies().calls).toBe(before + 1);
  });

  test("a NaN in an input is still named (the guard runs after the WebAssembly kernels)", () => {
    const A = Matrix.zeros(20, 20);
    A.data[21] = Number.NaN;
    expect(() => matmul(A, Matrix.zeros(20, 20))).toThrow("matmul: [20×20]·[20×20]: A [20×20] has NaN at (1, 1)");
  });
});

describe("training in WebAssembly memory", () => {
  test("plain SGD steps weights that live there, and the guard still finds a NaN there", () => {
    const w = floats(10), g = floats(10);
    w.set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    g.fill(1);
    expect(w.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    expect(kernelSlot.fast!.sgdStep(w, g, 0.5)).toBe(true);
    expect(Array.from(w)).toEqual([0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5]);
    expect(kernelSlot.fast!.sgdStep(new Float32Array(10), g, 0.5)).toBe(false); // not there: TypeScript does it
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      for (const at of [0, 7, 9]) {
        w[at] = bad;
        expect(firstNonFinite(w)).toBe(at);
        w[at] = 1;
      }
    }
    expect(firstNonFinite(w)).toBe(-1);
  });

  const digitsLike = (rng: Random, batch: number) => {
    const X = Matrix.zeros(batch, 784); // [batch, 784]: about 80 % zeros, like digits
    for (let i = 0; i < X.data.length; i++) if (rng.uniform(0, 1) < 0.2) X.data[i] = rng.uniform(0, 1);
    return X;
  };
  const model = () => new Sequential([new Dense(784, 128, { seed: 1 }), new ReLU(), new Dense(128, 10, { seed: 2 }), new Softmax()]);

  test("a training step copies neither the weights nor their gradients in or out", () => {
    const net = model();
    const rng = new Random(3);
    const opt = new SGD({ lr: 0.1 });
    const y = Array.from({ length: 32 }, (_, i) => i % 10);
    trainStep(net, digitsLike(rng, 32), y, softmaxCrossEntropy, opt); // lists grow into WebAssembly memory once
    const before = fastKernelCopies();
    trainStep(net, digitsLike(rng, 32), y, softmaxCrossEntropy, opt);
    const after = fastKernelCopies();
    const moved = after.copiedIn - before.copiedIn + after.copiedOut - before.copiedOut;
    expect(after.calls - before.calls).toBe(5); // X·W and Xᵀ·dZ of both layers, dZ·Wᵀ of the second
    // Only dZ [32, 128] and [32, 10] (twice) in, Z [32, 128] and [32, 10] and dX [32, 128] out;
    // W and dW are 784·128·4 bytes each.
    expect(moved).toBeLessThanOrEqual(3 * 32 * 138 * 4);
  });

  test("a step gives the TypeScript kernels' weights within float32 rounding", () => {
    const rng = new Random(4);
    const X = digitsLike(rng, 32);
    const y = Array.from({ length: 32 }, (_, i) => (i * 7) % 10);
    const step = (kernel: "typescript" | "wasm") => {
      useKernel(kernel);
      const net = model();
      trainStep(net, X, y, softmaxCrossEntropy, new SGD({ lr: 0.1 }));
      return (net.layers[0] as Dense).W.data;
    };
    const ts = step("typescript"), wasm = step("wasm");
    let worst = 0;
    for (let i = 0; i < ts.length; i++) worst = Math.max(worst, Math.abs(ts[i] - wasm[i]));
    expect(worst).toBeLessThan(1e-5);
  });
});

describe("Adam's step in WebAssembly (fused: both averages and the weight in one pass)", () => {
  // Three steps of each kind, on TypeScript (64-bit arithmetic) and in WebAssembly (32-bit).
  const steps = (kernel: "typescript" | "wasm", optimizer: () => Adam) => {
    useKernel(kernel);
    const rng = new Random(5);
    const net = new Sequential([new Dense(784, 64, { seed: 1 }), new ReLU(), new Dense(64, 10, { seed: 2 }), new Softmax()]);
    const opt = optimizer();
    const X = Matrix.zeros(32, 784); // [32, 784]
    for (let i = 0; i < X.data.length; i++) if (rng.uniform(0, 1) < 0.2) X.data[i] = rng.uniform(0, 1);
    const y = Array.from({ length: 32 }, (_, i) => (i * 3) % 10);
    const before = fastKernelCopies().calls;
    for (let t = 0; t < 3; t++) trainStep(net, X, y, softmaxCrossEntropy, opt);
    useKernel("auto");
    return { params: net.params().map((p) => Float32Array.from(p.value.data)), calls: fastKernelCopies().calls - before };
  };

  test.each([
    ["Adam", () => new Adam({ lr: 0.01 })],
    ["Adam with L2", () => new Adam({ lr: 0.01, weightDecay: 0.1 })],
    ["AdamW", () => new AdamW({ lr: 0.01, weightDecay: 0.1 })],
  ] as const)("%s gives the TypeScript step's weights within float32 rounding", (_, optimizer) => {
    const ts = steps("typescript", optimizer), wasm = steps("wasm", optimizer);
    expect(wasm.calls).toBeGreaterThan(0);
    for (let p = 0; p < ts.params.length; p++) {
      let worst = 0, moved = 0;
      for (let i = 0; i < ts.params[p].length; i++) worst = Math.max(worst, Math.abs(ts.params[p][i] - wasm.params[p][i]));
      for (let i = 0; i < ts.params[p].length; i++) moved = Math.max(moved, Math.abs(ts.params[p][i]));
      expect(moved).toBeGreaterThan(0);
      expect(worst).toBeLessThan(1e-5);
    }
  });

  test("it runs only where the weights, gradients and both averages live in the kernels' memory", () => {
    const fast = kernelSlot.fast!;
    const n = 10;
    const [w, g, m, v] = [fast.floats(n)!, fast.floats(n)!.fill(1), fast.floats(n)!, fast.floats(n)!];
    const rates = { lr: 0.1, beta1: 0.9, beta2: 0.999, s1: 1 / 0.1, s2: 1 / 0.001, epsilon: 1e-8, decay: 0, keep: 1 };
    expect(fast.adamStep(w, g, m, v, rates)).toBe(true);
    // The first step of Adam moves each weight by lr, against its gradient's sign.
    for (const x of w) expect(x).toBeCloseTo(-0.1, 5);
    expect(fast.adamStep(w, g, new Float32Array(n), v, rates)).toBe(false); // not there: TypeScript does it
    expect(fast.adamStep(w, g, m, fast.floats(n - 1)!, rates)).toBe(false); // lengths differ
    expect(w[0]).toBeCloseTo(-0.1, 5); // and nothing was done
  });
});

// Last: its layers stay in the kernels' memory until a garbage collection, which no test waits for.
describe("the kernels' memory, filled by layers", () => {
  test("120 layers of 784·128 kept alive do not push a 256² product off WebAssembly; kernelStats says where products ran", () => {
    useKernel("auto");
    const layers = Array.from({ length: 120 }, (_, i) => new Dense(784, 128, { seed: i })); // more than 64 MB of weights and gradients
    const before = kernelStats();
    for (let i = 0; i < 5; i++) matmul(Matrix.zeros(256, 256), Matrix.zeros(256, 256));
    const after = kernelStats();
    expect(after.kernel).toBe(loaded);
    expect(after.wasm - before.wasm).toBe(5);
    expect(after.typescript - before.typescript).toBe(0);
    expect(after.totalBytes).toBe(64 * 1024 * 1024);
    expect(after.freeBytes).toBeGreaterThan(0);
    expect(layers).toHaveLength(120);
  });
});
