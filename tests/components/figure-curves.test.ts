import { describe, expect, test } from "vitest";
import { curve, tangent, toSvg, type Frame } from "../../components/figures/curves.ts";
import { CURVE_LABEL, H, SLOPE_FRAME } from "../../components/figures/slope.ts";
import { CE_FRAME, CE_MARKS, labelBox } from "../../components/figures/cross-entropy.ts";

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

describe("chapter 8's slope figure", () => {
  const f = (x: number) => (x - 3) ** 2;

  test("the curve stays clear of its own label", () => {
    const [cx, cy] = toSvg(SLOPE_FRAME, CURVE_LABEL.x, CURVE_LABEL.y);
    const width = 14 * 13 * 0.6; // "f(x) = (x − 3)²" at 13 units, generously
    const box = { x0: cx - width / 2, x1: cx + width / 2, y0: cy - 13, y1: cy + 4 };
    for (let x = -0.2; x <= 6.2; x += 0.01) {
      const [px, py] = toSvg(SLOPE_FRAME, x, Math.min(SLOPE_FRAME.yMax, f(x)));
      expect(px > box.x0 && px < box.x1 && py > box.y0 && py < box.y1, `the curve at x = ${x.toFixed(2)}`).toBe(false);
    }
  });

  test("the central difference's line stands clear of the tangent it resembles", () => {
    // Through (1 − h, f(1 − h)) and (1 + h, f(1 + h)): parallel to the tangent at 1, h² above it.
    const chordAt1 = (f(1 - H) + f(1 + H)) / 2;
    const gap = toSvg(SLOPE_FRAME, 1, f(1))[1] - toSvg(SLOPE_FRAME, 1, chordAt1)[1];
    expect(gap).toBeGreaterThan(10);
  });
});

describe("chapter 7's cross-entropy figure", () => {
  const overlap = (a: { x0: number; x1: number; y0: number; y1: number }, b: typeof a) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

  test.each(CE_MARKS.map((m) => [m.label, m] as const))("the curve stays clear of the label “%s”", (_, mark) => {
    const box = labelBox(mark);
    for (let p = 0.005; p <= 1; p += 0.001) {
      const [px, py] = toSvg(CE_FRAME, p, Math.min(CE_FRAME.yMax, -Math.log(p)));
      expect(px > box.x0 && px < box.x1 && py > box.y0 && py < box.y1, `the curve at p = ${p.toFixed(3)}`).toBe(false);
    }
  });

  test("the labels stay clear of each other and inside the figure", () => {
    const boxes = CE_MARKS.map(labelBox);
    for (let i = 0; i < boxes.length; i++) {
      expect(boxes[i].x0).toBeGreaterThan(CE_FRAME.left);
      expect(boxes[i].x1).toBeLessThanOrEqual(CE_FRAME.width);
      for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j]), `${CE_MARKS[i].label} and ${CE_MARKS[j].label}`).toBe(false);
    }
  });
});
