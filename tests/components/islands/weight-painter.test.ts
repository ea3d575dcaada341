import { beforeAll, describe, expect, test } from "vitest";
import { loadMnist, type Mnist } from "nnfs";
import {
  BIAS,
  GHOST,
  ghostNote,
  PIXELS,
  PRESETS,
  SIDE,
  cellAt,
  contributions,
  describeWeights,
  indexOf,
  moveCursor,
  mostTypical,
  paint,
  paintLine,
  preset,
  respond,
  weightColour,
  weightedSum,
  type Brush,
  type Cell,
} from "../../../components/islands/weight-painter/weight-painter.ts";

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
  test.each([
    ["vertical", "80 positive and 160 negative weights; the other 544 are zero."],
    ["ring", "208 positive and 52 negative weights; the other 524 are zero."],
    ["blank", "0 positive and 0 negative weights; the other 784 are zero."],
  ])("%s: %s", (id, counts) => {
    const w = preset(id);
    expect(describeWeights(w)).toBe(counts);
    expect(w.every((v) => v === -1 || v === 0 || v === 1)).toBe(true);
  });

  test("every preset is listed once, and each call gives a fresh copy", () => {
    expect(PRESETS.map((p) => p.id)).toEqual(["vertical", "ring", "blank"]);
    const a = preset("ring");
    a[0] = 5;
    expect(preset("ring")[0]).toBe(0);
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

  test("contributions are each pixel times its weight, and add up to the weighted sum", () => {
    expect(Array.from(contributions([2, -1, 0.5, 1], [1, 3, 0, 0.25]))).toEqual([2, -3, 0, 0.25]);
    const w = preset("vertical");
    const x = block([0, 27], [10, 14]);
    const parts = contributions(w, x);
    expect(weightedSum(w, x)).toBe(40); // 20 rows × columns 12–14 (+1) and column 10 (−1)
    expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(40);
  });

  test("mismatched lengths are an error, not a NaN", () => {
    expect(() => weightedSum([1, 2], [1])).toThrow("weightedSum: 2 weights but 1 pixels");
  });

});

describe("with real digits (the most typical training example of each)", () => {
  let mnist: Mnist;
  let typical: Float32Array[];
  beforeAll(async () => {
    mnist = await loadMnist();
    const { X, y } = mnist.train;
    typical = mostTypical(X.data, y, X.cols).map((i) => X.data.subarray(i * X.cols, (i + 1) * X.cols));
  });
  const sums = (id: string) => typical.map((pixels) => weightedSum(preset(id), pixels));

  test("there is one of each digit, in order", () => {
    const { y } = mnist.train;
    expect(mostTypical(mnist.train.X.data, y, 784).map((i) => y[i])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  test.each([
    ["vertical", 1],
    ["ring", 0],
  ])("%s scores its own digit, %i, highest of the ten", (id, digit) => {
    const s = sums(id);
    expect(s.indexOf(Math.max(...s))).toBe(digit);
  });

  test.each([
    ["vertical", 1, 0],
    ["ring", 0, 1],
  ])("at the starting bias, %s lights up for the %i and stays dark for the %i", (id, on, off) => {
    expect(respond(preset(id), typical[on], BIAS.initial).activation).toBeGreaterThan(0.5);
    expect(respond(preset(id), typical[off], BIAS.initial).activation).toBeLessThan(0.5);
  });

  test("the bias slider reaches far enough to put out the neuron for every digit and preset", () => {
    for (const id of PRESETS.map((p) => p.id)) {
      for (const sum of sums(id)) expect(sum + BIAS.min, `${id}: sum ${sum}`).toBeLessThan(0);
    }
    expect((BIAS.initial - BIAS.min) % BIAS.step).toBe(0); // the start is on the slider's grid
  });
});

describe("helpers", () => {
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

  test("the chosen digit shows faintly: the grid's name says which, and only when it shows", () => {
    expect(ghostNote(7)).toBe(" The handwritten 7 shows faintly through the grid, so you can paint where its ink is.");
    expect(ghostNote(null)).toBe("");
    expect(GHOST).toBeGreaterThan(0.15);
    expect(GHOST).toBeLessThan(0.5);
  });

  test("describeWeights counts signs", () => {
    expect(describeWeights([1, -1, 0, 0.5])).toBe("2 positive and 1 negative weights; the other 1 are zero.");
  });
});
