/**
 * The kernel slot: where a faster implementation of the products plugs in
 * beneath `matmul` without chapter 3 knowing about it. Empty by default (the
 * TypeScript kernels of this folder run); chapter 12's `loadFastKernels` puts
 * the WebAssembly kernels here. Memory for long-lived matrices (a dense
 * layer's weights and gradients, the lists of non-zeros) is asked for here
 * too, so that it can live where the fast kernels read it, with no copy.
 */

/**
 * A matrix given as its non-zeros, row by row, as the kernels read it (what a
 * `SparseRows` holds; declared here so that this floor imports nothing).
 */
export interface NonZeroRows {
  readonly rows: number;
  /** Row r's entries are at start[r] … start[r + 1] − 1 of `col` and `value`. */
  readonly start: Int32Array;
  readonly col: Int32Array;
  readonly value: Float32Array;
}

/** The fast kernels' names, fastest first. */
export type FastKernelName = "wasm-relaxed-simd" | "wasm-simd";

/**
 * What a fast implementation provides. Each product returns false when it
 * cannot run (its operands do not fit its memory); the caller then runs the
 * TypeScript kernel. Arrays are row-major, as in `Matrix`.
 */
export interface FastKernels {
  readonly name: FastKernelName;
  /** C = A·B with A [M, K], B [K, N], C [M, N]. */
  dense(A: Float32Array, B: Float32Array, C: Float32Array, M: number, K: number, N: number): boolean;
  /** C = A·Bᵀ with A [M, K], B [N, K], C [M, N]. */
  transB(A: Float32Array, B: Float32Array, C: Float32Array, M: number, K: number, N: number): boolean;
  /** C = S·B with S [rows, K] given as its non-zeros, B [K, N], C [rows, N]. */
  sparse(S: NonZeroRows, B: Float32Array, C: Float32Array, N: number): boolean;
  /** w ← w − lr·g (plain SGD's step) if both live in the kernels' memory; else false, and nothing is done. */
  sgdStep(w: Float32Array, g: Float32Array, lr: number): boolean;
  /**
   * One fused Adam step (see lib/wasm/matmul.ts's `adam`) if w, g and the two
   * running averages m and v all live in the kernels' memory; else false, and
   * nothing is done.
   */
  adamStep(w: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, rates: AdamRates): boolean;
  /** Whether every value is finite, if `data` lives in the kernels' memory; else null. */
  allFinite(data: Float32Array): boolean | null;
  /** n floats (zeros) in the kernels' own memory, or null if it is full. */
  floats(n: number): Float32Array | null;
  /** n 32-bit integers (zeros) in the kernels' own memory, or null if it is full. */
  ints(n: number): Int32Array | null;
}

/** The numbers of one Adam step: s1 = 1/(1 − β₁ᵗ), s2 = 1/(1 − β₂ᵗ); decay is L2's λ, keep AdamW's 1 − lr·λ. */
export interface AdamRates {
  lr: number; beta1: number; beta2: number; s1: number; s2: number; epsilon: number; decay: number; keep: number;
}

/** The fast kernels in use, or null for the TypeScript kernels. */
export const kernelSlot: { fast: FastKernels | null } = { fast: null };

/** n zeros, in the fast kernels' memory when they are in use. */
export function floats(n: number): Float32Array {
  return kernelSlot.fast?.floats(n) ?? new Float32Array(n);
}

/** n integer zeros, in the fast kernels' memory when they are in use. */
export function ints(n: number): Int32Array {
  return kernelSlot.fast?.ints(n) ?? new Int32Array(n);
}

/** `data` itself, or a copy of it in the fast kernels' memory when they are in use. */
export function resident(data: Float32Array): Float32Array {
  const fast = kernelSlot.fast;
  if (fast === null) return data;
  const copy = fast.floats(data.length);
  if (copy === null || copy.buffer === data.buffer) return data;
  copy.set(data);
  return copy;
}
