import { describe, expect, test } from "vitest";
import { axis, extent, niceStep, ticksBetween, tickLabel } from "../../../components/display/scale.ts";

describe("extent", () => {
  test("the smallest and largest finite values over all the lists", () => {
    expect(extent([[3, -1, NaN], new Float32Array([7, Infinity]), []])).toEqual({ min: -1, max: 7 });
    expect(extent([[NaN, -Infinity], []])).toBeNull();
  });

  test("three lines of 50,000 points, and one of two million, without a stack overflow", () => {
    const big = (n: number, peak: number) => Float64Array.from({ length: n }, (_, i) => (i === n >> 1 ? peak : Math.sin(i)));
    expect(extent([big(50_000, 5), big(50_000, -4), big(50_000, 2)])).toEqual({ min: -4, max: 5 });
    expect(extent([big(2_000_000, 12)])).toEqual({ min: expect.closeTo(-1, 6), max: 12 });
  });
});

describe("ticks", () => {
  test.each([
    [10, 5, 2],
    [1, 5, 0.2],
    [20, 5, 5],
    [3e-7, 5, 5e-8],
    [700, 5, 100],
  ])("niceStep(%d, %d) = %d", (span, count, step) => expect(niceStep(span, count)).toBeCloseTo(step, 15));

  test("ticksBetween lists the multiples of the step inside the range, without float noise", () => {
    expect(ticksBetween(-5, 15, 5)).toEqual([-5, 0, 5, 10, 15]);
    expect(ticksBetween(0, 1, 0.2)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticksBetween(0.1, 0.95, 0.2)).toEqual([0.2, 0.4, 0.6, 0.8]);
  });

  test.each([
    { min: 0.0067, max: 1, pad: true, expected: { min: 0, max: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] } },
    { min: -5, max: 15, pad: false, expected: { min: -5, max: 15, ticks: [-5, 0, 5, 10, 15] } },
    { min: 0.23, max: 2.3, pad: true, expected: { min: 0, max: 2.5, ticks: [0, 0.5, 1, 1.5, 2, 2.5] } },
    { min: 3, max: 3, pad: true, expected: { min: 1.5, max: 4.5, ticks: [1.5, 2, 2.5, 3, 3.5, 4, 4.5] } },
    { min: 0, max: 0, pad: false, expected: { min: -1, max: 1, ticks: [-1, -0.5, 0, 0.5, 1] } },
  ])("axis($min, $max, pad $pad)", ({ min, max, pad, expected }) => {
    expect(axis(min, max, { pad })).toEqual(expected);
  });
});

describe("tickLabel", () => {
  test.each([
    [0, "0"],
    [0.2, "0.2"],
    [0.30000000000000004, "0.3"],
    [-5, "−5"],
    [15, "15"],
    [3.059e-7, "3.06e-7"],
    [-2.5e-4, "−2.5e-4"],
    [1500000, "1.5e+6"],
    [12345, "12300"],
  ])("tickLabel(%d) = %s", (v, s) => expect(tickLabel(v)).toBe(s));

  test("no label has a space or a hyphen where a line could break", () => {
    for (const v of [3.059e-7, -1e-9, 6.02e23, -0.001234, 99999]) expect(tickLabel(v)).toMatch(/^[−\d.e+-]+$/);
    for (const v of [3.059e-7, -1e-9]) expect(tickLabel(v)).not.toMatch(/\s/);
  });
});
