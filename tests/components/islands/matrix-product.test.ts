import { describe, expect, test } from "vitest";
import {
  EXAMPLE,
  SPARE_SAMPLE,
  clampSelection,
  withNeurons,
  withSamples,
  describeExpansion,
  example,
  expand,
  factor,
  formatNumber,
  move,
  parseEntry,
  product,
  setEntry,
  shapeOf,
  type Grid,
} from "../../../components/islands/matrix-product/matrix-product.ts";
import { clean } from "../../../components/islands/shared/numbers.ts";

describe("the chapter's example", () => {
  test("X·W plus the biases gives the layer's outputs for the first sample, [4.8, 1.21, 2.385]", () => {
    const { X, W } = example();
    const Z = product(X, W);
    const b = [2, 3, 0.5];
    expect(Z[0].map((z, j) => clean((z as number) + b[j]))).toEqual([4.8, 1.21, 2.385]);
  });

  test("X is [3×4], W is [4×3], and so Z is [3×3]", () => {
    const { X, W } = example();
    expect([shapeOf(X), shapeOf(W), shapeOf(product(X, W))]).toEqual(["[3×4]", "[4×3]", "[3×3]"]);
  });

  test("example() hands out a copy: editing it leaves EXAMPLE alone", () => {
    const copy = example();
    copy.X[0][0] = 99;
    expect(EXAMPLE.X[0][0]).toBe(1);
  });
});

describe("parseEntry", () => {
  test.each([
    ["1", 1],
    [" 2.5 ", 2.5],
    ["-0.91", -0.91],
    ["−0.5", -0.5],
    ["2,5", 2.5],
    [".5", 0.5],
    ["3.", 3],
    ["1e2", 100],
    ["", null],
    ["-", null],
    ["abc", null],
    ["1.2.3", null],
    ["Infinity", null],
    ["1e9", null],
  ])("%j → %j", (text, expected) => {
    expect(parseEntry(text)).toBe(expected);
  });
});

describe("expand", () => {
  const X: Grid = [
    [1, 2],
    [3, 4],
  ];
  const W: Grid = [
    [5, 6],
    [7, -8],
  ];
  test.each([
    { i: 0, j: 0, products: [5, 14], sum: 19 },
    { i: 0, j: 1, products: [6, -16], sum: -10 },
    { i: 1, j: 0, products: [15, 28], sum: 43 },
    { i: 1, j: 1, products: [18, -32], sum: -14 },
  ])("Z($i, $j) is row $i of X times column $j of W = $sum", ({ i, j, products, sum }) => {
    const e = expand(X, W, { i, j });
    expect(e.terms.map((t) => t.product)).toEqual(products);
    expect(e.sum).toBe(sum);
  });

  test("an unreadable entry makes only the outputs that use it unknown", () => {
    const Z = product(setEntry(X, 0, 1, null), W);
    expect(Z).toEqual([
      [null, null],
      [43, -14],
    ]);
  });

  test("floating-point noise is rounded away: 0.1·1 + 0.2·1 = 0.3", () => {
    expect(expand([[0.1, 0.2]], [[1], [1]], { i: 0, j: 0 }).sum).toBe(0.3);
  });

  test("shapes that do not agree fail the way the library's matmul does", () => {
    expect(() => product([[1, 2, 3]], [[1], [2]])).toThrow("matmul: [1×3]·[2×1]: inner sizes 3 and 2 differ");
  });
});

describe("describeExpansion", () => {
  test.each([
    [{ X: [[1, 2]], W: [[0.2], [-0.5]] }, "1 × 0.2 + 2 × (−0.5) = −0.8"],
    [{ X: [[1, null]], W: [[3], [4]] }, "1 × 3 + — × 4 = —"],
  ])("%j", ({ X, W }, text) => {
    expect(describeExpansion(expand(X as Grid, W as Grid, { i: 0, j: 0 }))).toBe(text);
  });
});

describe("formatNumber", () => {
  test.each([
    [2.8, "2.8"],
    [-1.79, "−1.79"],
    [1 / 3, "0.3333"],
    [-0, "0"],
    [null, "—"],
    [Number.NaN, "—"],
  ])("%s → %s", (v, s) => {
    expect(formatNumber(v)).toBe(s);
  });
});

describe("move", () => {
  test.each([
    ["ArrowRight", { i: 1, j: 1 }, { i: 1, j: 2 }],
    ["ArrowLeft", { i: 1, j: 1 }, { i: 1, j: 0 }],
    ["ArrowUp", { i: 1, j: 1 }, { i: 0, j: 1 }],
    ["ArrowDown", { i: 1, j: 1 }, { i: 2, j: 1 }],
    ["ArrowDown", { i: 2, j: 0 }, { i: 2, j: 0 }],
    ["ArrowLeft", { i: 0, j: 0 }, { i: 0, j: 0 }],
    ["Home", { i: 2, j: 2 }, { i: 2, j: 0 }],
    ["End", { i: 2, j: 0 }, { i: 2, j: 2 }],
    ["a", { i: 0, j: 0 }, null],
  ])("%s from %j in a 3×3 output → %j", (key, from, to) => {
    expect(move(from, key, 3, 3)).toEqual(to);
  });
});

describe("adding and removing samples and neurons", () => {
  const { X, W } = example();
  test.each([
    [1, 1],
    [2, 2],
    [4, 4],
    [0, 1], // never fewer than one sample
    [9, 4], // never more than four
  ])("asking for %d samples gives %d rows of X", (n, rows) => {
    expect(withSamples(X, n, Number)).toHaveLength(rows);
  });

  test("a removed sample comes back as it was; a fourth is the spare one", () => {
    expect(withSamples(withSamples(X, 1, Number), 3, Number)).toEqual(EXAMPLE.X);
    expect(withSamples(X, 4, Number)[3]).toEqual(SPARE_SAMPLE);
  });

  test("edited samples are kept when another is added", () => {
    const edited = setEntry(X, 0, 0, 7) as number[][];
    expect(withSamples(edited, 4, Number)[0][0]).toBe(7);
  });

  test.each([
    [1, [[0.2], [0.8], [-0.5], [1]]],
    [2, EXAMPLE.W.map((r) => r.slice(0, 2))],
    [3, EXAMPLE.W],
    [5, EXAMPLE.W],
  ])("asking for %d neurons keeps the first columns of W", (n, expected) => {
    expect(withNeurons(W, n, Number)).toEqual(expected);
  });

  test("a removed neuron comes back with its weights", () => {
    expect(withNeurons(withNeurons(W, 1, Number), 3, Number)).toEqual(EXAMPLE.W);
  });

  test("the texts the view keeps resize the same way", () => {
    const texts = X.map((r) => r.map(String));
    expect(withSamples(texts, 4, String)[3]).toEqual(["0.5", "-1", "1.5", "3"]);
  });

  test.each([
    [{ i: 3, j: 2 }, 2, 2, { i: 1, j: 1 }],
    [{ i: 0, j: 0 }, 1, 1, { i: 0, j: 0 }],
    [{ i: 1, j: 1 }, 4, 3, { i: 1, j: 1 }],
  ])("selection %j in a %d×%d output → %j", (sel, rows, cols, expected) => {
    expect(clampSelection(sel, rows, cols)).toEqual(expected);
  });
});

describe("factor", () => {
  test.each([
    [2, "2"],
    [-0.5, "(−0.5)"],
    [0, "0"],
    [null, "—"],
  ])("%s → %s", (v, s) => expect(factor(v)).toBe(s));
});
