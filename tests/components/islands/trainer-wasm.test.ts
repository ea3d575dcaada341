// The trainer's worker trains on the WebAssembly kernels (chapter 12), whose
// float32 sums round differently from the TypeScript kernels'. The numbers
// chapter 10 quotes (trainer-run.test.ts, on TypeScript) must hold on them too:
// the page shows the worker's run, the chapter quotes Node's.
import { expect, test } from "vitest";
import { loadFastKernels, loadMnist } from "nnfs";
import { runJob } from "../../../components/islands/trainer/run.ts";
import type { FromWorker } from "../../../components/islands/trainer/protocol.ts";
import { kernelSlot } from "../../../lib/kernels/slot.ts";
import { WasmKernels } from "../../../lib/kernels/wasm.ts";

// Browsers without relaxed SIMD run the plain-SIMD module (a multiply, then an add).
test.each(["wasm-relaxed-simd", "wasm-simd"] as const)("the defaults on %s: 95 % validation from the fourth epoch, 95.4 % after the tenth, 94.6 % test", async (kernel) => {
  expect(await loadFastKernels()).toBe("wasm-relaxed-simd");
  if (kernel === "wasm-simd") kernelSlot.fast = WasmKernels.create("wasm-simd");
  expect(kernelSlot.fast?.name).toBe(kernel);
  const messages: FromWorker[] = [];
  await runJob(await loadMnist(), [{}], (m) => void messages.push(m));
  const val = messages.flatMap((m) => (m.type === "epoch" ? [m.valAccuracy] : []));
  expect(val.findIndex((a) => a >= 0.95)).toBe(3);
  expect(Math.min(...val.slice(3))).toBeGreaterThanOrEqual(0.95);
  expect(val.at(-1)).toBeCloseTo(0.954, 3);
  const last = messages.at(-1)!;
  expect(last.type === "tested" && last.test.accuracy).toBeCloseTo(0.946, 3);
}, 60_000);
