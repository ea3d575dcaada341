import { describe, expect, test } from "vitest";
import { Matrix, Random, matmul } from "nnfs";
import { PANEL, SUM_COUNTS, blocked, ikj, ikjFlat, naive, stream, sums, tiled } from "../../../components/islands/kernel-race/kernels.ts";

function rows(n: number, seed: number): number[][] {
  const rng = new Random(seed);
  return Array.from({ length: n }, () => Array.from({ length: n }, () => Math.fround(rng.uniform(-1, 1))));
}

/** Each element summed in 64 bits in the order k = 0, 1, …, then stored as a 32-bit float. */
function reference(A: number[][], B: number[][]): Float32Array {
  const n = A.length;
  const c = new Float32Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += A[i][k] * B[k][j];
      c[i * n + j] = s;
    }
  return c;
}

describe("the chapter's kernels", () => {
  test.each([4, 8, 12, 32, 72, 128])("every kernel gives the reference product for n = %i", (n) => {
    const A = rows(n, 1);
    const B = rows(n, 2);
    const want = Array.from(reference(A, B));
    // On arrays of rows, in 64 bits, in the naive order: the same sums before rounding.
    for (const kernel of [naive, ikj]) {
      expect(Array.from(Float32Array.from(kernel(A, B).flat())), kernel.name).toEqual(want);
    }
    const a = Float32Array.from(A.flat());
    const b = Float32Array.from(B.flat());
    // blocked and tiled sum in 64 bits in the same order, and round once: exactly the reference.
    for (const kernel of [blocked, tiled]) {
      const c = new Float32Array(n * n).fill(NaN);
      kernel(a, b, c, n);
      expect(Array.from(c), kernel.name).toEqual(want);
    }
    if (n >= 16) expect(Array.from(matmul(new Matrix(n, n, a), new Matrix(n, n, b)).data)).toEqual(want);
    // typed i-k-j adds into 32-bit floats: close, not equal.
    const c = new Float32Array(n * n).fill(NaN);
    ikjFlat(a, b, c, n);
    c.forEach((v, p) => expect(Math.abs(v - want[p])).toBeLessThan(1e-4 * n));
  });

  test("the naive kernel on the first rows of A gives the first rows of the product", () => {
    const A = rows(16, 3);
    const B = rows(16, 4);
    expect(naive(A.slice(0, 4), B)).toEqual(naive(A, B).slice(0, 4));
  });

  test("the tiled kernel's panels cover a size that is not a multiple of the panel", () => {
    expect(PANEL).toBe(64);
    const n = 100; // one full panel and one of 36 columns
    const A = rows(n, 5);
    const B = rows(n, 6);
    const c = new Float32Array(n * n);
    tiled(Float32Array.from(A.flat()), Float32Array.from(B.flat()), c, n);
    expect(Array.from(c)).toEqual(Array.from(reference(A, B)));
  });

  test("the yardstick's sums each settle at y / (1 − x) = 1; a count it does not have is refused", () => {
    // Each sum starts at its fixed point, 1·x + y = 1, and stays there: no overflow however long it runs.
    for (const count of SUM_COUNTS) expect(sums(count, 1_000_000)).toBeCloseTo(count, 6);
    // @ts-expect-error: 5 is not a count it has
    expect(() => sums(5, 1)).toThrow("sums: count is 5; it must be one of 4, 8, 12, 16");
  });

  test("the stream adds a·x to y", () => {
    const y = Float32Array.of(1, 2, 3);
    stream(2, Float32Array.of(1, 0, -1), y);
    expect(Array.from(y)).toEqual([3, 2, 1]);
  });
});

test("chapter 12 describes the race as it runs", async () => {
  const { readFileSync } = await import("node:fs");
  const { NAIVE_ROWS, STREAM_LENGTH } = await import("../../../components/islands/kernel-race/kernel-race.ts");
  const text = readFileSync(new URL("../../../chapters/12-making-it-fast/index.mdx", import.meta.url), "utf8").replace(/\s+/g, " ");
  expect(text).toContain(`the best of ${SUM_COUNTS.slice(0, -1).join(", ")} and ${SUM_COUNTS.at(-1)} sums`);
  expect(text).toContain(`adds a multiple of one ${(STREAM_LENGTH * 4) / 2 ** 20} MB array to another`);
  expect(text).toContain(`multiplies only the first ${NAIVE_ROWS} rows`);
  expect(text).toContain(`panels ${PANEL} wide`);
});
