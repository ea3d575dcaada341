/**
 * The WebAssembly kernels (lib/wasm/matmul.ts, compiled into wasm-bytes.ts)
 * behind the kernel slot. Their memory is one fixed block of MEMORY_PAGES
 * (64 MB, reserved, touched only where used) that never grows: growing would
 * detach every Float32Array that looks into it, and a dense layer keeps its
 * weights and gradients there (`floats`), so that a training step copies
 * neither in nor out. An array from elsewhere is copied into a scratch block
 * for the call; the counters say how many bytes that was.
 */
import type { AdamRates, FastKernelName, FastKernels } from "./slot.ts";
import type { SparseRows } from "./sparse-rows.ts";
import { RELAXED_SIMD, SIMD } from "./wasm-bytes.ts";

/** 64 KB pages of the kernels' memory: 64 MB, enough for three 2,300² matrices. */
export const MEMORY_PAGES = 1024;
/**
 * Bytes that long-lived arrays (layers' weights, made by floats/ints) leave
 * free for the products' scratch copies: 16 MB, three 1,180² matrices. Once
 * only this is left, new arrays live in ordinary memory and are copied in for
 * each product, so the products still run here instead of on TypeScript.
 */
export const SCRATCH_RESERVE = 16 * 1024 * 1024;
const ALIGN = 64; // a cache line: every block starts on one
const FIRST = 65536; // the first page is left to the module

interface Exports {
  packB(b: number, p: number, K: number, N: number): void;
  packBT(b: number, p: number, K: number, N: number): void;
  gemm(a: number, p: number, c: number, M: number, K: number, N: number): void;
  sparse(start: number, col: number, value: number, rows: number, b: number, c: number, N: number): void;
  sgd(w: number, g: number, n: number, lr: number): void;
  adam(w: number, g: number, m: number, v: number, n: number, lr: number, beta1: number, beta2: number,
    s1: number, s2: number, eps: number, decay: number, keep: number): void;
  finite(p: number, n: number): number;
}

/** The module's bytes (base64 decoded). */
export function moduleBytes(name: FastKernelName): Uint8Array<ArrayBuffer> {
  const text = atob(name === "wasm-relaxed-simd" ? RELAXED_SIMD : SIMD);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The fastest kernel this engine can run (validating the modules themselves), or null. */
export function bestSupported(): FastKernelName | null {
  if (typeof WebAssembly !== "object") return null;
  for (const name of ["wasm-relaxed-simd", "wasm-simd"] as const) if (WebAssembly.validate(moduleBytes(name))) return name;
  return null;
}

// First fit over a sorted list of free blocks [offset, size, offset, size, …], merging neighbours.
class Blocks {
  private free: number[];
  constructor(from: number, to: number) {
    this.free = [from, to - from];
  }
  take(bytes: number): number {
    const size = Math.ceil(bytes / ALIGN) * ALIGN;
    for (let i = 0; i < this.free.length; i += 2) {
      if (this.free[i + 1] < size) continue;
      const at = this.free[i];
      if (this.free[i + 1] === size) this.free.splice(i, 2);
      else { this.free[i] += size; this.free[i + 1] -= size; }
      return at;
    }
    return -1;
  }
  give(at: number, bytes: number): void {
    const size = Math.ceil(bytes / ALIGN) * ALIGN;
    let i = 0;
    while (i < this.free.length && this.free[i] < at) i += 2;
    this.free.splice(i, 0, at, size);
    if (i + 2 < this.free.length && at + size === this.free[i + 2]) this.free.splice(i + 1, 3, size + this.free[i + 3]);
    if (i > 0 && this.free[i - 2] + this.free[i - 1] === at) this.free.splice(i - 1, 3, this.free[i - 1] + this.free[i + 1]);
  }
  /** Bytes free in all. */
  get available(): number {
    let n = 0;
    for (let i = 1; i < this.free.length; i += 2) n += this.free[i];
    return n;
  }
}

/**
 * Bytes copied into and out of the kernels' memory since loading, products run,
 * and products refused (their operands did not fit: they ran on TypeScript).
 */
export interface CopyCounts { copiedIn: number; copiedOut: number; calls: number; refused: number }

export class WasmKernels implements FastKernels {
  readonly name: FastKernelName;
  readonly counts: CopyCounts = { copiedIn: 0, copiedOut: 0, calls: 0, refused: 0 };
  /** Said once, the first time a product does not fit (console.warn by default). */
  warn: (message: string) => void = (m) => console.warn(m);
  /** Bytes kept free for scratch (SCRATCH_RESERVE; the tests set 0 to fill the memory). */
  reserve = SCRATCH_RESERVE;
  private warned = false;
  private readonly k: Exports;
  private readonly memory: WebAssembly.Memory;
  private readonly blocks: Blocks;
  // A block given out by floats/ints goes back when its array is garbage.
  private readonly freed = new FinalizationRegistry<[number, number]>(([at, bytes]) => this.blocks.give(at, bytes));
  private scratch: number[] = [];

  constructor(name: FastKernelName, instance: WebAssembly.Instance, memory: WebAssembly.Memory) {
    this.name = name;
    this.k = instance.exports as unknown as Exports;
    this.memory = memory;
    this.blocks = new Blocks(FIRST, memory.buffer.byteLength);
  }

  /** Instantiates `name` (synchronously: Node and workers; the module is 2.5 KB). */
  static create(name: FastKernelName): WasmKernels {
    const memory = new WebAssembly.Memory({ initial: MEMORY_PAGES, maximum: MEMORY_PAGES });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes(name)), { env: { memory } });
    return new WasmKernels(name, instance, memory);
  }

  /** The same, compiling off the main thread (the page). */
  static async load(name: FastKernelName): Promise<WasmKernels> {
    const memory = new WebAssembly.Memory({ initial: MEMORY_PAGES, maximum: MEMORY_PAGES });
    const { instance } = await WebAssembly.instantiate(moduleBytes(name), { env: { memory } });
    return new WasmKernels(name, instance, memory);
  }

  /** Bytes of the kernels' memory not in use. */
  get available(): number {
    return this.blocks.available;
  }

  /** Bytes of the kernels' memory in all. */
  get totalBytes(): number {
    return this.memory.buffer.byteLength;
  }

  floats(n: number): Float32Array | null {
    const at = this.keep(n);
    return at < 0 ? null : this.owned(new Float32Array(this.memory.buffer, at, n).fill(0), at, n);
  }

  ints(n: number): Int32Array | null {
    const at = this.keep(n);
    return at < 0 ? null : this.owned(new Int32Array(this.memory.buffer, at, n).fill(0), at, n);
  }

  // A block for n 4-byte numbers that lives as long as the array made on it;
  // -1 when taking it would leave less than SCRATCH_RESERVE for the products.
  private keep(n: number): number {
    const bytes = Math.max(4 * n, 4);
    if (this.blocks.available - bytes < this.reserve) return -1;
    return this.blocks.take(bytes);
  }

  private owned<T extends object>(view: T, at: number, n: number): T {
    this.freed.register(view, [at, Math.max(4 * n, 4)]);
    return view;
  }

  // A scratch block of `bytes` for this call, or -1; all are given back by done().
  private take(bytes: number): number {
    if (bytes === 0) return FIRST;
    const at = this.blocks.take(bytes);
    if (at >= 0) this.scratch.push(at, bytes);
    return at;
  }

  private done(): void {
    for (let i = 0; i < this.scratch.length; i += 2) this.blocks.give(this.scratch[i], this.scratch[i + 1]);
    this.scratch = [];
  }

  // Where x is in the kernels' memory: where it lives, or a scratch copy (-1: no room).
  private input(x: Float32Array | Int32Array): number {
    if (x.buffer === this.memory.buffer) return x.byteOffset;
    const at = this.take(x.byteLength);
    if (at < 0) return -1;
    if (x instanceof Float32Array) new Float32Array(this.memory.buffer, at, x.length).set(x);
    else new Int32Array(this.memory.buffer, at, x.length).set(x);
    this.counts.copiedIn += x.byteLength;
    return at;
  }

  private output(C: Float32Array): number {
    return C.buffer === this.memory.buffer ? C.byteOffset : this.take(C.byteLength);
  }

  private finish(C: Float32Array, c: number): true {
    if (C.buffer !== this.memory.buffer) {
      C.set(new Float32Array(this.memory.buffer, c, C.length));
      this.counts.copiedOut += C.byteLength;
    }
    this.counts.calls++;
    this.done();
    return true;
  }

  private product(pack: "packB" | "packBT", A: Float32Array, B: Float32Array, C: Float32Array, M: number, K: number, N: number): boolean {
    if (M === 0 || N === 0) return true;
    if (K === 0) return C.fill(0), true;
    const p = this.take(4 * K * Math.ceil(N / 8) * 8);
    const b = p < 0 ? -1 : this.input(B);
    const a = b < 0 ? -1 : this.input(A);
    const c = a < 0 ? -1 : this.output(C);
    if (c < 0) return this.refuse(`a [${M}×${K}]·[${K}×${N}] product`);
    this.k[pack](b, p, K, N);
    this.k.gemm(a, p, c, M, K, N);
    return this.finish(C, c);
  }

  // A product that does not fit: counted, said once, and left to the TypeScript kernels.
  private refuse(what: string): false {
    this.done();
    this.counts.refused++;
    if (!this.warned) {
      this.warned = true;
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      this.warn(
        `nnfs: ${what} does not fit in the WebAssembly kernels' memory (${mb(this.available)} of ${mb(this.memory.buffer.byteLength)} free), ` +
          "so it runs on the TypeScript kernels, several times slower; so will others that do not fit (kernelStats() counts them). " +
          "Memory of layers no longer used comes back once the code that made them has finished; restarting the notebook frees it all.",
      );
    }
    return false;
  }

  dense(A: Float32Array, B: Float32Array, C: Float32Array, M: number, K: number, N: number): boolean {
    return this.product("packB", A, B, C, M, K, N);
  }

  transB(A: Float32Array, B: Float32Array, C: Float32Array, M: number, K: number, N: number): boolean {
    return this.product("packBT", A, B, C, M, K, N);
  }

  sgdStep(w: Float32Array, g: Float32Array, lr: number): boolean {
    const mine = this.memory.buffer;
    if (w.buffer !== mine || g.buffer !== mine || w.length !== g.length) return false;
    this.k.sgd(w.byteOffset, g.byteOffset, w.length, lr);
    return true;
  }

  adamStep(w: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, r: AdamRates): boolean {
    const mine = this.memory.buffer, n = w.length;
    if (w.buffer !== mine || g.buffer !== mine || m.buffer !== mine || v.buffer !== mine) return false;
    if (g.length !== n || m.length !== n || v.length !== n) return false;
    this.k.adam(w.byteOffset, g.byteOffset, m.byteOffset, v.byteOffset, n, r.lr, r.beta1, r.beta2, r.s1, r.s2, r.epsilon, r.decay, r.keep);
    return true;
  }

  allFinite(data: Float32Array): boolean | null {
    return data.buffer === this.memory.buffer ? this.k.finite(data.byteOffset, data.length) === 1 : null;
  }

  sparse(S: SparseRows, B: Float32Array, C: Float32Array, N: number): boolean {
    if (S.rows === 0 || N === 0) return true;
    const n = S.nonZeros;
    const start = this.input(S.start.subarray(0, S.rows + 1));
    const col = start < 0 ? -1 : this.input(S.col.subarray(0, n));
    const value = col < 0 ? -1 : this.input(S.value.subarray(0, n));
    const b = value < 0 ? -1 : this.input(B);
    const c = b < 0 ? -1 : this.output(C);
    if (c < 0) return this.refuse(`a [${S.rows}×…]·[…×${N}] product of non-zeros`);
    this.k.sparse(start, col, value, S.rows, b, c, N);
    return this.finish(C, c);
  }
}
