import { describe, expect, test } from "vitest";
import { formatArgs, formatFloat32, formatValue } from "../../components/cell/worker/format.ts";

const circular: Record<string, unknown> = { n: 1 };
circular.self = circular;

class Point {
  x: number;
  y: number;
  constructor(x: number, y: number) {
    this.x = x;
    this.y = y;
  }
}
class Shown {
  toString() {
    return "Shown<1>";
  }
}

describe("formatValue", () => {
  test.each([
    { value: "text", text: "text" },
    { value: 42, text: "42" },
    { value: -0, text: "-0" },
    { value: 10n, text: "10n" },
    { value: true, text: "true" },
    { value: undefined, text: "undefined" },
    { value: null, text: "null" },
    { value: Symbol("s"), text: "Symbol(s)" },
    { value: [() => 1][0], text: "[Function]" },
    { value: function named() {}, text: "[Function named]" },
    { value: [1, "a", [2, [3]]], text: '[1, "a", [2, [3]]]' },
    { value: new Float32Array([0.1, 0.2]), text: "Float32Array(2) [0.1, 0.2]" },
    { value: new Int32Array([1, 2]), text: "Int32Array(2) [1, 2]" },
    { value: { a: 1, "b c": [2] }, text: '{ a: 1, "b c": [2] }' },
    { value: circular, text: "{ n: 1, self: [Circular] }" },
    { value: new Point(1, 2), text: "Point { x: 1, y: 2 }" },
    { value: new Shown(), text: "Shown<1>" },
    { value: new Map([[1, "a"]]), text: 'Map(1) { 1 => "a" }' },
    { value: new Set([1]), text: "Set(1) { 1 }" },
    { value: new Error("boom"), text: "Error: boom" },
    { value: {}, text: "{}" },
  ])("$text", ({ value, text }) => {
    expect(formatValue(value)).toBe(text);
  });

  test("long lists are cut at 100 items", () => {
    expect(formatValue(Array.from({ length: 105 }, (_, i) => i))).toMatch(/, 99, … 5 more\]$/);
  });

  test("deep nesting stops", () => {
    expect(formatValue([[[[[[[1]]]]]]])).toContain("[Array]");
  });
});

test("formatFloat32 prints the shortest decimal that reads back", () => {
  expect(formatFloat32(Math.fround(0.2))).toBe("0.2");
  expect(formatFloat32(Math.fround(1.21))).toBe("1.21");
  expect(formatFloat32(3)).toBe("3");
});

test("formatArgs joins with spaces, strings unquoted at the top", () => {
  expect(formatArgs(["loss", 0.5, ["a"]])).toBe('loss 0.5 ["a"]');
});
