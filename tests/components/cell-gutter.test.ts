import { describe, expect, test } from "vitest";
import { gutterDigits } from "../../components/cell/build/gutter.ts";

describe("the build-time code's gutter", () => {
  test("is sized for the digits of the last line number, as the editor's is", () => {
    expect(gutterDigits("const a = 1;")).toBe("--gutter-digits: 1");
    expect(gutterDigits(Array(9).fill("x").join("\n"))).toBe("--gutter-digits: 1");
    expect(gutterDigits(Array(10).fill("x").join("\n"))).toBe("--gutter-digits: 2");
    expect(gutterDigits(Array(100).fill("x").join("\n"))).toBe("--gutter-digits: 3");
  });
  test("counts a last empty line, which the editor numbers too", () => {
    expect(gutterDigits(Array(9).fill("x").join("\n") + "\n")).toBe("--gutter-digits: 2");
  });
});
