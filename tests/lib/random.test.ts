import { describe, expect, test } from "vitest";
import { Random } from "nnfs";

describe("Random", () => {
  test.each([0, 1, 42, 2 ** 31])("seed %d: the same sequence every time", (seed) => {
    const a = new Random(seed);
    const b = new Random(seed);
    for (let i = 0; i < 100; i++) expect(a.next()).toBe(b.next());
  });

  test("different seeds, different sequences", () => {
    expect(new Random(1).next()).not.toBe(new Random(2).next());
  });

  test.each([
    { name: "next", draw: (r: Random) => r.next(), mean: 0.5, std: Math.sqrt(1 / 12) },
    { name: "uniform(-2, 4)", draw: (r: Random) => r.uniform(-2, 4), mean: 1, std: 6 * Math.sqrt(1 / 12) },
    { name: "normal()", draw: (r: Random) => r.normal(), mean: 0, std: 1 },
    { name: "normal(3, 0.5)", draw: (r: Random) => r.normal(3, 0.5), mean: 3, std: 0.5 },
  ])("$name has mean $mean and std $std (50,000 draws)", ({ draw, mean, std }) => {
    const rng = new Random(7);
    const n = 50_000;
    const xs = Array.from({ length: n }, () => draw(rng));
    const m = xs.reduce((a, b) => a + b, 0) / n;
    const s = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / n);
    expect(Math.abs(m - mean)).toBeLessThan(0.02 * Math.max(1, std));
    expect(Math.abs(s - std) / std).toBeLessThan(0.02);
  });

  test("next() stays in [0, 1)", () => {
    const rng = new Random(3);
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  test.each([1, 2, 6, 10])("int(%d) hits every value and nothing else", (n) => {
    const rng = new Random(5);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(rng.int(n));
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  test.each([0, 1, 5, 100])("permutation(%d) holds each of 0…n−1 once", (n) => {
    const p = Array.from(new Random(9).permutation(n)).sort((a, b) => a - b);
    expect(p).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  test.each([
    { run: () => new Random(1).int(0), message: "Random.int: n must be a whole number > 0, got 0" },
    { run: () => new Random(NaN), message: "Random: seed is NaN, not a finite number" },
    { run: () => new Random(1).permutation(-1), message: "Random.permutation: n must be a whole number ≥ 0, got -1" },
  ])("$message", ({ run, message }) => {
    expect(run).toThrow(message);
  });
});
