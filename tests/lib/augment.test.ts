import { describe, expect, test } from "vitest";
import { Matrix, Random, shiftImages } from "nnfs";

// n images of rows×cols, each with a single lit pixel at (r, c).
function dots(n: number, rows: number, cols: number, r: number, c: number): Matrix {
  const X = Matrix.zeros(n, rows * cols);
  for (let i = 0; i < n; i++) X.data[i * rows * cols + r * cols + c] = 1;
  return X;
}

describe("shiftImages", () => {
  test.each([
    { rows: 28, cols: 28, maxShift: 1 },
    { rows: 28, cols: 28, maxShift: 2 },
    { rows: 5, cols: 7, maxShift: 1 },
  ])("$rows×$cols, maxShift $maxShift: each image moves by at most maxShift, all shifts occur", ({ rows, cols, maxShift }) => {
    const r = Math.floor(rows / 2), c = Math.floor(cols / 2);
    const n = 200;
    const out = shiftImages(dots(n, rows, cols, r, c), { rows, cols, maxShift, seed: 3 });
    expect(out.shape).toEqual([n, rows * cols]);
    const shifts = new Set<string>();
    for (let i = 0; i < n; i++) {
      const lit = Array.from(out.data.subarray(i * rows * cols, (i + 1) * rows * cols)).flatMap((v, p) => (v ? [p] : []));
      expect(lit).toHaveLength(1);
      const dy = Math.floor(lit[0] / cols) - r, dx = (lit[0] % cols) - c;
      expect(Math.abs(dx)).toBeLessThanOrEqual(maxShift);
      expect(Math.abs(dy)).toBeLessThanOrEqual(maxShift);
      shifts.add(`${dx},${dy}`);
    }
    expect(shifts.size).toBe((2 * maxShift + 1) ** 2);
  });

  test("maxShift 0 copies", () => {
    const X = dots(3, 28, 28, 4, 9);
    const out = shiftImages(X, { maxShift: 0 });
    expect(out.data).toEqual(X.data);
    expect(out).not.toBe(X);
  });

  test("a pixel shifted out of the picture is gone", () => {
    const out = shiftImages(dots(100, 28, 28, 0, 0), { maxShift: 1, rng: new Random(1) });
    const kept = out.data.reduce((a, b) => a + b, 0);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(100);
  });

  test.each([
    { run: () => shiftImages(Matrix.zeros(2, 10)), message: "shiftImages: X is [2×10] but images of 28×28 need 784 columns" },
    { run: () => shiftImages(Matrix.zeros(2, 784), { maxShift: -1 }), message: "shiftImages: maxShift must be a whole number ≥ 0, got -1" },
  ])("$message", ({ run, message }) => {
    expect(run).toThrow(message);
  });
});
