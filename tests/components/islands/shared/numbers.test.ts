import { describe, expect, test } from "vitest";
import { clamp, clean, fixed, fmt, snap } from "../../../../components/islands/shared/numbers.ts";

describe("clean", () => {
  test.each([
    [0.1 * 0.2, 0.02],
    [0.1 + 0.2, 0.3],
    [1234.5678901, 1234.56789],
  ])("clean(%d) = %d", (v, expected) => expect(clean(v)).toBe(expected));

  test("turns −0 into 0", () => {
    expect(Object.is(clean(-0), 0)).toBe(true);
    expect(Object.is(clean(-1e-9), 0)).toBe(true);
  });
});

describe("clamp", () => {
  test.each([
    [5, 0, 10, 5],
    [-3, 0, 10, 0],
    [12, 0, 10, 10],
    [27.5, 0, 27, 27],
  ])("clamp(%d, %d, %d) = %d", (v, lo, hi, expected) => expect(clamp(v, lo, hi)).toBe(expected));
});

describe("snap", () => {
  const tenths = { min: -5, max: 5, step: 0.1 };
  const halves = { min: -10, max: 10, step: 0.5 };
  const grid = { min: -1, max: 1, step: 0.05 };
  test.each([
    [0.14, tenths, 0.1],
    [0.16, tenths, 0.2],
    [1.04, tenths, 1],
    [-0.04, tenths, 0],
    [-7, tenths, -5],
    [9, tenths, 5],
    [99, halves, 10],
    [1.3, halves, 1.5],
    [0.51, grid, 0.5],
    [0.53, grid, 0.55],
    [-0.024, grid, 0],
    [2, grid, 1],
    [Number.NaN, tenths, 0],
    [Number.POSITIVE_INFINITY, { min: 2, max: 9, step: 1 }, 2],
  ])("snap(%d, %j) = %d", (v, range, expected) => expect(snap(v, range)).toBe(expected));

  test("counts steps from the range's minimum", () => {
    expect(snap(1.4, { min: 0.25, max: 5, step: 0.5 })).toBe(1.25);
  });
});

describe("fmt: at most so many decimals", () => {
  test.each([
    [29, 2, "29"],
    [0.1 + 0.2, 2, "0.3"],
    [-1.25, 2, "−1.25"],
    [-1.25, 1, "−1.3"],
    [-0.001, 2, "0"],
    [2.345, 2, "2.35"],
    [0.8807970779778823, 3, "0.881"],
    [1 / 3, 4, "0.3333"],
  ])("fmt(%d, %d) = %s", (v, digits, s) => expect(fmt(v, digits)).toBe(s));
});

describe("fixed: exactly so many decimals", () => {
  test.each([
    [3, 1, "3.0"],
    [-0.04, 1, "0.0"],
    [-2.5, 1, "−2.5"],
    [-4.25, 1, "−4.3"],
    [12, 0, "12"],
    [0.5, 2, "0.50"],
    [-0.5, 2, "−0.50"],
    [-0.0001, 2, "0.00"],
    [0.00012, 4, "0.0001"],
  ])("fixed(%d, %d) = %s", (v, digits, s) => expect(fixed(v, digits)).toBe(s));
});
