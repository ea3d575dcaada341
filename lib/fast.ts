/**
 * Chapter 12: faster products. Plain TypeScript runs one multiply-add at a
 * time; WebAssembly's 128-bit SIMD runs four, and relaxed SIMD's fused
 * multiply-add does the multiply and the add in one instruction. The kernels
 * (lib/wasm/matmul.ts, in AssemblyScript) are loaded here and put into the
 * kernel slot under `matmul`, `matmulTransA`, `matmulTransB`, `Dense` and the
 * optimisers' steps (plain SGD's, Adam's), so that nothing else changes. Their sums run in 32 bits instead of 64, so their
 * results differ from the TypeScript kernels' in the last bits:
 * |fast − reference| ≤ (K + 2) · (2⁻²³ · Σₖ |A[i][k]·B[k][j]| + 2⁻¹⁴⁹), the
 * bound for float32 sums of K products (tests/lib/fast.test.ts holds them to it).
 */
import { kernelSlot } from "./kernels/slot.ts";
import { WasmKernels, bestSupported } from "./kernels/wasm.ts";

/**
 * Which kernels the products run on: WebAssembly with relaxed SIMD (fused
 * multiply-add), WebAssembly with plain SIMD, or the TypeScript loops.
 *
 * @chapter 12
 * @example
 * const used: KernelName = kernelName(); // "typescript" until loadFastKernels()
 */
export type KernelName = "wasm-relaxed-simd" | "wasm-simd" | "typescript";

let loaded: WasmKernels | null = null;
let loading: Promise<KernelName> | null = null;

/**
 * Loads the WebAssembly kernels if this engine can run them (relaxed SIMD,
 * else plain SIMD) and makes the products use them; resolves with the kernel
 * now in use ("typescript" if WebAssembly SIMD is missing). Safe to call more
 * than once; each call switches back to WebAssembly after
 * `useKernel("typescript")`. Layers made after it keep their weights in
 * WebAssembly memory, so that training copies no matrices in or out.
 *
 * @chapter 12
 * @example
 * await loadFastKernels(); // "wasm-relaxed-simd" in Node 24 and Chromium
 * const model = new Sequential([new Dense(784, 128), new ReLU(), new Dense(128, 10), new Softmax()]);
 */
export function loadFastKernels(): Promise<KernelName> {
  loading ??= (async (): Promise<KernelName> => {
    const name = bestSupported();
    if (name === null) return "typescript";
    try {
      loaded = await WasmKernels.load(name);
    } catch {
      return "typescript"; // the engine refused the memory or the module: stay with TypeScript
    }
    return name;
  })();
  return loading.then(() => {
    if (loaded !== null) kernelSlot.fast = loaded; // again, after a useKernel("typescript")
    return kernelName();
  });
}

/**
 * The kernel the products use now.
 *
 * @chapter 12
 * @example
 * kernelName(); // "typescript", or after loadFastKernels() "wasm-relaxed-simd"
 */
export function kernelName(): KernelName {
  return kernelSlot.fast?.name ?? "typescript";
}

/**
 * Chooses the kernel: `"wasm"` (throws if it is not loaded), `"typescript"`,
 * or `"auto"` (WebAssembly if loaded). For races between them and for tests;
 * returns the kernel now in use.
 *
 * @chapter 12
 * @example
 * await loadFastKernels();
 * useKernel("typescript"); // time matmul(A, B) the old way
 * useKernel("auto");       // and back to WebAssembly
 */
export function useKernel(choice: "auto" | "wasm" | "typescript"): KernelName {
  if (choice === "wasm" && loaded === null) {
    const why = loading === null ? "call `await loadFastKernels()` first" : "loadFastKernels() has not finished, or this engine has no WebAssembly SIMD";
    throw new Error(`useKernel("wasm"): the WebAssembly kernel is not loaded; ${why}`);
  }
  if (choice !== "auto" && choice !== "wasm" && choice !== "typescript") {
    throw new RangeError(`useKernel: choice must be "auto", "wasm" or "typescript", got ${JSON.stringify(choice)}`);
  }
  kernelSlot.fast = choice === "typescript" ? null : loaded;
  return kernelName();
}

/**
 * Bytes the WebAssembly kernels copied into and out of their memory since
 * loading, and the products they ran: a training step whose layers were made
 * after loading copies only its batch in and its small outputs out.
 *
 * @chapter 12
 * @example
 * const before = fastKernelCopies().copiedIn;
 * trainStep(model, Xb, yb, loss, optimizer);
 * fastKernelCopies().copiedIn - before; // the batch, not the weights
 */
export function fastKernelCopies(): { copiedIn: number; copiedOut: number; calls: number } {
  const { copiedIn, copiedOut, calls } = loaded?.counts ?? { copiedIn: 0, copiedOut: 0, calls: 0 };
  return { copiedIn, copiedOut, calls };
}

/**
 * Where the products offered to the fast kernels ran since loading: `wasm`,
 * or `typescript` when their operands did not fit in the kernels' memory
 * (the first such product is also said once, with `console.warn`); and how
 * much of that memory is free. Small products, which run on TypeScript by
 * design, are not counted.
 *
 * @chapter 12
 * @example
 * await loadFastKernels();
 * matmul(A, B);
 * kernelStats(); // { kernel: "wasm-relaxed-simd", wasm: 1, typescript: 0, freeBytes: 66977792, totalBytes: 67108864 }
 */
export function kernelStats(): { kernel: KernelName; wasm: number; typescript: number; freeBytes: number; totalBytes: number } {
  return {
    kernel: kernelName(),
    wasm: loaded?.counts.calls ?? 0,
    typescript: loaded?.counts.refused ?? 0,
    freeBytes: loaded?.available ?? 0,
    totalBytes: loaded?.totalBytes ?? 0,
  };
}
