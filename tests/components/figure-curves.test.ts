import { expect, test } from "vitest";
import { curve, tangent, toSvg, type Frame } from "../../components/figures/curves.ts";

const F: Frame = { width: 200, height: 100, left: 20, right: 10, top: 10, bottom: 20, xMin: 0, xMax: 1, yMin: 0, yMax: 2 };

test.each([
  [0, 0, 20, 80],
  [1, 2, 190, 10],
  [0.5, 1, 105, 45],
])("(%f, %f) is drawn at (%f, %f)", (x, y, px, py) => {
  expect(toSvg(F, x, y)).toEqual([px, py]);
});

test("a curve has one point per sample and is clamped to the frame", () => {
  const d = curve(F, (x) => 10 * x, 0, 1, 3);
  expect(d).toBe("M20,80 L105,10 L190,10");
});

test("a tangent is the straight line through the point with the slope", () => {
  expect(tangent(F, 0.5, 1, 2, 0, 1)).toBe("M20,80 L190,10");
});
