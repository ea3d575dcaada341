import { describe, expect, test } from "vitest";
import { referenceMatmul, referenceMatmulTransA, referenceMatmulTransB } from "../../../lib/kernels/reference.ts";

// A [2, 3], B [3, 2]: worked by hand.
const A = Float32Array.from([1, 2, 3, 4, 5, 6]);
const B = Float32Array.from([7, 8, 9, 10, 11, 12]);

describe("the reference loops", () => {
  test("A·B is the dot product of rows and columns", () => {
    const C = new Float32Array(4);
    referenceMatmul(A, B, C, 2, 3, 2);
    expect(Array.from(C)).toEqual([58, 64, 139, 154]);
  });

  test("Aᵀ·B with A [2, 3] and B [2, 2]", () => {
    const C = new Float32Array(6);
    referenceMatmulTransA(A, Float32Array.from([1, 0, 0, 1]), C, 2, 3, 2);
    expect(Array.from(C)).toEqual([1, 4, 2, 5, 3, 6]); // Aᵀ itself
  });

  test("A·Bᵀ with A [2, 3] and B [2, 3]", () => {
    const C = new Float32Array(4);
    referenceMatmulTransB(A, A, C, 2, 3, 2);
    expect(Array.from(C)).toEqual([14, 32, 32, 77]);
  });

  test("sums run in 64 bits and are rounded to float32 once, at the end", () => {
    const C = new Float32Array(1);
    referenceMatmul(Float32Array.from([1e8, 1, -1e8]), Float32Array.from([1, 1, 1]), C, 1, 3, 1);
    expect(C[0]).toBe(1); // summed in float32, 1e8 + 1 would lose the 1
  });

  test("an empty inner size gives zeros", () => {
    const C = Float32Array.from([5, 5]);
    referenceMatmul(new Float32Array(0), new Float32Array(0), C, 1, 0, 2);
    expect(Array.from(C)).toEqual([0, 0]);
  });
});
