import { describe, expect, test } from "vitest";
import { downsample } from "../../../components/display/downsample.ts";

const line = (y: number[]) => ({ x: y.map((_, i) => i), y });

describe("downsample", () => {
  test("a short line keeps every point", () => {
    expect(downsample(line([1, 2, 3, 4, 5]), 2)).toEqual([0, 1, 2, 3, 4]);
  });

  test("a long line keeps, per bucket, its first, last, lowest and highest point, in order", () => {
    const y = [0, 9, -3, 1, 1, 2, 8, 2, -7, 1, 1, 1, 5, 1, 1, 1, 1, 1, 1, 1];
    // Two buckets of ten points: 0–9 and 10–19.
    expect(downsample(line(y), 2)).toEqual([0, 1, 8, 9, 10, 12, 19]);
  });

  test("non-finite values are kept, so the drawn line still breaks there", () => {
    const y = Array.from({ length: 40 }, (_, i) => (i === 13 ? NaN : i % 3));
    expect(downsample(line(y), 2)).toContain(13);
  });

  test("100,000 points become at most four per bucket, keeping the extremes", () => {
    const n = 100_000;
    const y = Array.from({ length: n }, (_, i) => Math.sin(i / 1000) + (i === 54_321 ? 10 : 0) - (i === 7 ? 10 : 0));
    const kept = downsample(line(y), 200);
    expect(kept.length).toBeLessThanOrEqual(800);
    expect(kept).toContain(54_321);
    expect(kept).toContain(7);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(n - 1);
    expect([...kept].sort((a, b) => a - b)).toEqual(kept);
  });
});
