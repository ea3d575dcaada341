// The committed WebAssembly modules (lib/kernels/wasm-bytes.ts) are what
// lib/wasm/matmul.ts compiles to today: rebuilt here with the project's
// AssemblyScript and compared byte for byte. If this fails, run `npm run build:wasm`.
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { OUTPUT, renderBytesModule } from "../../../scripts/build-wasm.ts";
import { bestSupported, moduleBytes } from "../../../lib/kernels/wasm.ts";

test("lib/kernels/wasm-bytes.ts is up to date with lib/wasm/matmul.ts", async () => {
  expect(readFileSync(OUTPUT, "utf8")).toBe(await renderBytesModule());
}, 60_000);

test("both modules are valid WebAssembly; only the relaxed one uses relaxed SIMD", () => {
  for (const name of ["wasm-relaxed-simd", "wasm-simd"] as const) expect(WebAssembly.validate(moduleBytes(name))).toBe(true);
  expect(bestSupported()).toBe("wasm-relaxed-simd");
  // f32x4.relaxed_madd is opcode 0xfd 0x85 0x02 (prefix, then LEB128 of 261).
  const has = (b: Uint8Array) => b.some((x, i) => x === 0xfd && b[i + 1] === 0x85 && b[i + 2] === 0x02);
  expect(has(moduleBytes("wasm-relaxed-simd"))).toBe(true);
  expect(has(moduleBytes("wasm-simd"))).toBe(false);
});
