import { describe, expect, test } from "vitest";
import { inkPixels, parseColour, readColours, rgba, type RGB } from "../../../../components/islands/shared/colours.ts";

describe("parseColour", () => {
  test.each<[string, RGB]>([
    ["#3451b2", [52, 81, 178]],
    [" #fff ", [255, 255, 255]],
    ["rgb(1, 2, 3)", [1, 2, 3]],
    ["rgba(10 20 30 / 0.5)", [10, 20, 30]],
    ["tomato", [9, 9, 9]],
    ["", [9, 9, 9]],
  ])("parseColour(%j)", (css, expected) => {
    expect(parseColour(css, [9, 9, 9])).toEqual(expected);
  });
});

test("readColours reads each CSS variable, falling back where it is unset", () => {
  const style = { getPropertyValue: (name: string) => ({ "--bg": " #101010", "--fg": "rgb(240, 241, 242)" })[name] ?? "" };
  expect(readColours(style, { bg: ["--bg", [255, 255, 255]], fg: ["--fg", [0, 0, 0]], pos: ["--pos", [1, 2, 3]] })).toEqual({
    bg: [16, 16, 16],
    fg: [240, 241, 242],
    pos: [1, 2, 3],
  });
});

test("rgba writes a CSS colour with its alpha", () => {
  expect(rgba([1, 2, 3])).toBe("rgba(1, 2, 3, 1)");
  expect(rgba([1, 2, 3], 0.25)).toBe("rgba(1, 2, 3, 0.25)");
});

describe("inkPixels", () => {
  test("mixes paper towards ink, clamping values outside 0…1, every pixel opaque", () => {
    const bytes = inkPixels([0, 1, 0.5, -2, 7], [255, 255, 255], [0, 100, 50]);
    expect(Array.from(bytes)).toEqual([
      255, 255, 255, 255,
      0, 100, 50, 255,
      128, 178, 152, 255, // halfway, rounded half to even by the byte array: 127.5 → 128, 177.5 → 178, 152.5 → 152
      255, 255, 255, 255,
      0, 100, 50, 255,
    ]);
  });

  test("a dark theme's paper is dark and its ink light", () => {
    expect(Array.from(inkPixels([0, 1], [20, 20, 20], [230, 230, 230]))).toEqual([20, 20, 20, 255, 230, 230, 230, 255]);
  });
});
