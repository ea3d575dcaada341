import { describe, expect, test } from "vitest";
import {
  BIAS,
  PIXELS,
  PRESETS,
  SIDE,
  cellAt,
  contributions,
  describeWeights,
  fmt,
  indexOf,
  moveCursor,
  mostTypical,
  paint,
  paintLine,
  parseColour,
  preset,
  respond,
  weightColour,
  weightedSum,
  type Brush,
  type Cell,
} from "../../components/weight-painter.ts";

const zeros = () => new Float32Array(PIXELS);
const painted = (w: Float32Array) => [...w.keys()].filter((i) => w[i] !== 0).sort((a, b) => a - b);

/** A 28×28 image with ink (1) on the given rows and columns (inclusive ranges). */
function block(rows: [number, number], cols: [number, number]): Float32Array {
  const img = zeros();
  for (let r = rows[0]; r <= rows[1]; r++) for (let c = cols[0]; c <= cols[1]; c++) img[indexOf(r, c)] = 1;
  return img;
}

describe("paint", () => {
  test.each<[string, Cell, Brush, number, number[]]>([
    ["one cell, radius 0", { row: 3, col: 4 }, "positive", 0, [indexOf(3, 4)]],
    ["a plus shape, radius 1", { row: 5, col: 5 }, "negative", 1, [indexOf(4, 5), indexOf(5, 4), indexOf(5, 5), indexOf(5, 6), indexOf(6, 5)]],
    ["clipped at the corner", { row: 0, col: 0 }, "positive", 1, [indexOf(0, 0), indexOf(0, 1), indexOf(1, 0)]],
  ])("%s", (_, at, brush, radius, expected) => {
    expect(painted(paint(zeros(), at, brush, radius))).toEqual(expected);
  });

  test.each<[Brush, number]>([["positive", 1], ["negative", -1], ["erase", 0]])("the %s brush writes %d", (brush, value) => {
    const w = paint(new Float32Array(PIXELS).fill(0.5), { row: 10, col: 10 }, brush);
    expect(w[indexOf(10, 10)]).toBe(value);
  });

  test("leaves its input untouched", () => {
    const w = zeros();
    paint(w, { row: 1, col: 1 }, "positive", 2);
    expect(painted(w)).toEqual([]);
  });
});

describe("paintLine", () => {
  test("fills every cell between two far-apart points", () => {
    const w = paintLine(zeros(), { row: 2, col: 0 }, { row: 2, col: 27 }, "positive");
    expect(painted(w)).toEqual(Array.from({ length: 28 }, (_, c) => indexOf(2, c)));
  });
  test("a diagonal has one cell per row", () => {
    const w = paintLine(zeros(), { row: 0, col: 0 }, { row: 9, col: 9 }, "negative");
    expect(painted(w)).toEqual(Array.from({ length: 10 }, (_, i) => indexOf(i, i)));
  });
});

describe("cellAt", () => {
  test.each<[number, number, number, Cell | null]>([
    [0, 0, 280, { row: 0, col: 0 }],
    [279.9, 279.9, 280, { row: 27, col: 27 }],
    [15, 25, 280, { row: 2, col: 1 }],
    [50, 100, 140, { row: 20, col: 10 }],
    [-1, 5, 280, null],
    [280, 5, 280, null],
    [5, 5, 0, null],
  ])("(%d, %d) on a %d-px grid", (x, y, size, expected) => {
    expect(cellAt(x, y, size)).toEqual(expected);
  });
});

describe("moveCursor", () => {
  test.each<[Cell, string, Cell | null]>([
    [{ row: 5, col: 5 }, "ArrowUp", { row: 4, col: 5 }],
    [{ row: 5, col: 5 }, "ArrowDown", { row: 6, col: 5 }],
    [{ row: 5, col: 5 }, "ArrowLeft", { row: 5, col: 4 }],
    [{ row: 5, col: 5 }, "ArrowRight", { row: 5, col: 6 }],
    [{ row: 0, col: 0 }, "ArrowUp", { row: 0, col: 0 }],
    [{ row: 27, col: 27 }, "ArrowRight", { row: 27, col: 27 }],
    [{ row: 3, col: 9 }, "Home", { row: 3, col: 0 }],
    [{ row: 3, col: 9 }, "End", { row: 3, col: 27 }],
    [{ row: 3, col: 9 }, "a", null],
  ])("%o + %s → %o", (from, key, expected) => {
    expect(moveCursor(from, key)).toEqual(expected);
  });
});

describe("presets", () => {
  test.each(PRESETS.map((p) => [p.id]))("%s has 784 weights in [−1, 1]", (id) => {
    const w = preset(id);
    expect(w.length).toBe(PIXELS);
    expect(w.every((v) => v >= -1 && v <= 1)).toBe(true);
  });

  test("an unknown preset is refused by name", () => {
    expect(() => preset("spiral")).toThrow(/no pattern called "spiral"/);
  });

  // Each stroke detector should prefer the stroke it was made for, and punish a stroke beside it.
  test.each<[string, Float32Array, Float32Array]>([
    ["vertical", block([4, 23], [12, 15]), block([12, 15], [4, 23])],
    ["vertical", block([4, 23], [12, 15]), block([4, 23], [17, 20])],
    ["vertical", block([4, 23], [12, 15]), block([4, 23], [5, 22])],
  ])("%s scores its own stroke above another", (id, wanted, other) => {
    const w = preset(id);
    expect(weightedSum(w, wanted)).toBeGreaterThan(weightedSum(w, other));
    expect(weightedSum(w, wanted)).toBeGreaterThan(0);
  });

  test("the ring scores a hollow loop above a filled blob", () => {
    const ring = zeros();
    const blob = zeros();
    for (let r = 0; r < SIDE; r++) {
      for (let c = 0; c < SIDE; c++) {
        const d = Math.hypot(r + 0.5 - 14, c + 0.5 - 14);
        if (d >= 7 && d <= 9) ring[indexOf(r, c)] = 1;
        if (d <= 9) blob[indexOf(r, c)] = 1;
      }
    }
    expect(weightedSum(preset("ring"), ring)).toBeGreaterThan(weightedSum(preset("ring"), blob));
  });

  test("blank is all zeros", () => {
    expect(painted(preset("blank"))).toEqual([]);
  });
});

describe("the neuron", () => {
  test.each<[string, number[], number[], number, number, number]>([
    ["sum only", [1, 2, 3], [1, 1, 1], 0, 6, 6],
    ["a threshold of 10 holds back a sum of 6", [1, 2, 3], [1, 1, 1], -10, 6, -4],
    ["negative weights pull down", [1, -1, 0.5], [1, 1, 1], 0, 0.5, 0.5],
  ])("%s", (_, w, x, b, sum, z) => {
    const r = respond(w, x, b);
    expect(r.sum).toBeCloseTo(sum);
    expect(r.z).toBeCloseTo(z);
    expect(r.activation).toBeCloseTo(1 / (1 + Math.exp(-z)));
  });

  test("contributions add up to the weighted sum", () => {
    const w = preset("vertical");
    const x = block([0, 27], [10, 14]);
    const parts = contributions(w, x);
    expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(weightedSum(w, x));
  });

  test("mismatched lengths are an error, not a NaN", () => {
    expect(() => weightedSum([1, 2], [1])).toThrow("weightedSum: 2 weights but 1 pixels");
  });

  test("the starting bias is −10, inside the slider's range", () => {
    expect(BIAS.initial).toBe(-10);
    expect(BIAS.min).toBeLessThan(BIAS.initial);
    expect(BIAS.max).toBeGreaterThan(BIAS.initial);
  });
});

describe("helpers", () => {
  test.each<[number, number, string]>([
    [-4.25, 1, "−4.3"],
    [-0.01, 1, "0.0"],
    [12, 0, "12"],
    [0.5, 2, "0.50"],
  ])("fmt(%d, %d) is %s", (v, digits, expected) => {
    expect(fmt(v, digits)).toBe(expected);
  });

  test.each<[string, [number, number, number]]>([
    ["#3451b2", [52, 81, 178]],
    [" #fff ", [255, 255, 255]],
    ["rgb(1, 2, 3)", [1, 2, 3]],
    ["rgba(10 20 30 / 0.5)", [10, 20, 30]],
    ["tomato", [9, 9, 9]],
  ])("parseColour(%s)", (css, expected) => {
    expect(parseColour(css, [9, 9, 9])).toEqual(expected);
  });

  test.each<[number, [number, number, number, number]]>([
    [1, [0, 0, 255, 1]],
    [-0.5, [255, 0, 0, 0.5]],
    [0, [0, 0, 255, 0]],
    [-3, [255, 0, 0, 1]],
  ])("weightColour(%d)", (w, expected) => {
    expect(weightColour(w, [0, 0, 255], [255, 0, 0])).toEqual(expected);
  });

  test("mostTypical picks, per class, the example nearest its class's average", () => {
    // Three 2-pixel images of class 0 (average [1, 1]) and two of class 1 (average [0, 3]).
    const X = [0, 0, 1, 1, 2, 2, 0, 2, 0, 4];
    const y = [0, 0, 0, 1, 1];
    expect(mostTypical(X, y, 2, 2)).toEqual([1, 3]);
    expect(mostTypical(X, y, 2, 3)).toEqual([1, 3]); // a class with no examples is left out
  });

  test("describeWeights counts signs", () => {
    expect(describeWeights([1, -1, 0, 0.5])).toBe("2 positive and 1 negative weights; the other 1 are zero.");
  });
});
