// The kernel slot: empty, the TypeScript kernels run and memory is ordinary
// JavaScript memory; with the WebAssembly kernels in it, floats, ints and
// resident hand out blocks of the kernels' own memory, and fall back to
// ordinary arrays when that memory is full.
import { afterEach, describe, expect, test } from "vitest";
import { floats, ints, kernelSlot, resident } from "../../../lib/kernels/slot.ts";
import { WasmKernels } from "../../../lib/kernels/wasm.ts";

afterEach(() => {
  kernelSlot.fast = null;
});

describe("an empty slot", () => {
  test("floats and ints are zeros in arrays of their own", () => {
    const f = floats(3), i = ints(4);
    expect([f instanceof Float32Array, Array.from(f)]).toEqual([true, [0, 0, 0]]);
    expect([i instanceof Int32Array, Array.from(i)]).toEqual([true, [0, 0, 0, 0]]);
    expect(f.buffer).not.toBe(floats(3).buffer);
  });

  test("resident gives the array itself, no copy", () => {
    const data = Float32Array.of(1, 2);
    expect(resident(data)).toBe(data);
  });
});

describe("with the WebAssembly kernels in the slot", () => {
  test("floats, ints and resident live in the kernels' memory, and resident copies the numbers", () => {
    const k = (kernelSlot.fast = WasmKernels.create("wasm-simd"));
    const f = floats(5), i = ints(5);
    const data = Float32Array.of(1.5, -2, 3);
    const copy = resident(data);
    expect(copy).not.toBe(data);
    expect(Array.from(copy)).toEqual([1.5, -2, 3]);
    const memory = k.floats(1)!.buffer;
    for (const a of [f, i, copy]) expect(a.buffer).toBe(memory);
    expect(resident(copy)).toBe(copy); // already there: no second copy
  });

  test("when the kernels' memory is full, they are ordinary arrays again", () => {
    const k = (kernelSlot.fast = WasmKernels.create("wasm-simd"));
    const memory = k.floats(1)!.buffer;
    while (k.floats(1 << 20) !== null); // fill it
    while (k.floats(1) !== null);
    const f = floats(4), i = ints(4);
    const data = Float32Array.of(7);
    expect([f.buffer === memory, i.buffer === memory]).toEqual([false, false]);
    expect(Array.from(f)).toEqual([0, 0, 0, 0]);
    expect(resident(data)).toBe(data);
  });
});
