import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { MAX_ELEMENTS, Matrix, formatShape, float32ToNumber } from "nnfs";

describe("Matrix.from / get / toArray", () => {
  test.each([
    { values: [[1, 2, 3], [4, 5, 6]], shape: [2, 3] },
    { values: [[1.21, -0.5]], shape: [1, 2] },
    { values: [[7]], shape: [1, 1] },
    { values: [], shape: [0, 0] },
  ])("$values has shape $shape and round-trips", ({ values, shape }) => {
    const m = Matrix.from(values);
    expect(m.shape).toEqual(shape);
    expect(m.toArray()).toEqual(values);
    values.forEach((row, r) => row.forEach((v, c) => expect(m.get(r, c)).toBe(Math.fround(v))));
  });

  test.each([
    { values: [[1, 2], [3]], message: "Matrix.from: row 0 has 2 values but row 1 has 1 values" },
    { values: [[1, NaN]], message: "Matrix.from: value at (0, 1) is NaN, not a finite number" },
    { values: [1, 2, 3], message: "Matrix.from: expected an array of rows (number[][])" },
  ])("Matrix.from($values) throws", ({ values, message }) => {
    expect(() => Matrix.from(values as number[][])).toThrow(message);
  });
});

describe("Matrix layout", () => {
  test("row-major: element (r, c) is data[r * cols + c]", () => {
    const m = Matrix.from([[1, 2, 3], [4, 5, 6]]);
    for (let r = 0; r < 2; r++) for (let c = 0; c < 3; c++) expect(m.data[r * 3 + c]).toBe(m.get(r, c));
  });

  test("set writes and get reads back", () => {
    const m = Matrix.zeros(2, 3);
    m.set(1, 2, 9.5);
    expect(m.get(1, 2)).toBe(9.5);
    expect(m.data[5]).toBe(9.5);
  });

  test("clone does not share data", () => {
    const m = Matrix.from([[1, 2]]);
    const c = m.clone();
    c.set(0, 0, 5);
    expect(m.get(0, 0)).toBe(1);
  });
});

describe("Matrix errors", () => {
  test.each([
    { name: "get out of range", run: () => Matrix.zeros(2, 2).get(2, 0), message: "Matrix.get: (2, 0) is outside [2×2]" },
    { name: "set NaN", run: () => Matrix.zeros(2, 2).set(0, 0, NaN), message: "Matrix.set: value at (0, 0) is NaN" },
    { name: "negative size", run: () => Matrix.zeros(-1, 2), message: "Matrix.zeros: rows must be a whole number ≥ 0, got -1" },
    { name: "fractional size", run: () => Matrix.zeros(2, 1.5), message: "Matrix.zeros: cols must be a whole number ≥ 0, got 1.5" },
    {
      name: "too large",
      run: () => Matrix.zeros(10_000, 10_000),
      message: `Matrix.zeros: [10000×10000] is 100000000 elements, more than MAX_ELEMENTS (${MAX_ELEMENTS})`,
    },
    { name: "NaN in data", run: () => new Matrix(1, 2, new Float32Array([1, NaN])), message: "Matrix: data[1] is NaN, not a finite number" },
    {
      name: "data of the wrong length",
      run: () => new Matrix(2, 2, new Float32Array(3)),
      message: "Matrix: [2×2] needs 4 elements, but data has 3",
    },
  ])("$name", ({ run, message }) => {
    expect(run).toThrow(message);
  });
});

describe("formatShape and float32ToNumber", () => {
  test.each([
    { rows: 3, cols: 4, want: "[3×4]" },
    { rows: 1, cols: 10, want: "[1×10]" },
  ])("formatShape($rows, $cols) = $want", ({ rows, cols, want }) => {
    expect(formatShape(Matrix.zeros(rows, cols))).toBe(want);
  });

  test.each([1.21, 0.1, 2.385, -4.8, 1e-7, 123456.7, 0, 3])("float32ToNumber(fround(%d)) is %d", (x) => {
    expect(float32ToNumber(Math.fround(x))).toBe(x);
  });

  test.each([
    { x: 1.2099999189376831, want: 1.21 },
    { x: 4.800000190734863, want: 4.8 },
    { x: 0.123456789, want: 0.1234568 },
  ])("float32ToNumber($x) = $want (7 significant digits)", ({ x, want }) => {
    expect(float32ToNumber(x)).toBe(want);
  });
});

describe("Matrix.toString", () => {
  test("a small matrix: header and aligned rows", () => {
    const lines = String(Matrix.from([[1, -2.5], [30, 4]])).split("\n");
    expect(lines[0]).toBe("Matrix [2×2]");
    expect(lines).toHaveLength(3);
    // Decimal points (or the ends of integers) line up in each column.
    expect(lines[1].indexOf("1")).toBe(lines[2].indexOf("0"));
  });

  test("Node's console.log shows the same table", () => {
    const m = Matrix.from([[1, 2], [3, 4.5]]);
    expect(inspect(m)).toBe(String(m));
  });

  test.each([
    { rows: 20, cols: 3 },
    { rows: 3, cols: 20 },
    { rows: 100, cols: 100 },
  ])("a $rows×$cols matrix is shortened", ({ rows, cols }) => {
    const text = String(Matrix.zeros(rows, cols));
    expect(text.split("\n").length).toBeLessThanOrEqual(8);
    expect(text).toMatch(/[…⋮]/);
  });
});
