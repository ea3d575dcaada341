/**
 * Chapter 3: a matrix of 32-bit floats, stored row after row in one
 * `Float32Array`. Element (r, c) of an R×C matrix lives at `data[r * cols + c]`.
 * One flat typed array (rather than `number[][]`) keeps the numbers next to each
 * other in memory, which is what makes the matrix product in `matmul.ts` fast.
 */
import { firstNonFinite } from "./kernels/finite.ts";
import type { RowLength } from "./sizes.ts";

/**
 * The largest number of elements a matrix may have: 2^26 (64 Mi floats, 256 MB).
 * Anything larger is almost certainly a typo (say `zeros(784 * 784, 784)`), and
 * refusing it is kinder than letting the browser tab run out of memory.
 *
 * @chapter 3
 * @example
 * Matrix.zeros(10_000, 10_000); // throws: 100000000 elements is more than MAX_ELEMENTS
 */
export const MAX_ELEMENTS = 2 ** 26;

/**
 * A shape written the way errors write it: `[3×4]`.
 *
 * @chapter 3
 * @example
 * formatShape(Matrix.zeros(3, 4)); // "[3×4]"
 */
export function formatShape(m: { rows: number; cols: number }): string {
  return `[${m.rows}×${m.cols}]`;
}

function checkDims(op: string, rows: number, cols: number): void {
  for (const [name, n] of [["rows", rows], ["cols", cols]] as const) {
    if (!Number.isInteger(n) || n < 0) {
      throw new RangeError(`${op}: ${name} must be a whole number ≥ 0, got ${String(n)}`);
    }
  }
  if (rows * cols > MAX_ELEMENTS) {
    throw new RangeError(
      `${op}: [${rows}×${cols}] is ${rows * cols} elements, more than MAX_ELEMENTS (${MAX_ELEMENTS}); ` +
        "is one of the sizes a typo?",
    );
  }
}

// A finite number too large for a 32-bit float, which would store it as ±Infinity.
function beyondFloat32(op: string, r: number, c: number, v: number): RangeError {
  return new RangeError(`${op}: value at (${r}, ${c}) is ${v}, beyond float32's range (±3.4·10³⁸)`);
}

/**
 * A float32 value as a plain number rounded to 7 significant digits, the
 * precision a 32-bit float actually has. The float32 sum that should be 1.21
 * comes out as 1.2099999189…; shown to 7 digits it is `1.21`, as it should read.
 * (`Matrix.data` keeps the exact values; `toJSON` of a layer saves those.)
 *
 * @chapter 3
 * @example
 * float32ToNumber(1.2099999189376831); // 1.21
 * float32ToNumber(Math.fround(0.1));   // 0.1
 */
export function float32ToNumber(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(7));
}

// The key of the type-only member that carries a matrix's sizes (nothing at run time).
declare const sizes: unique symbol;

/**
 * A matrix of `rows × cols` 32-bit floats, row-major in `data`. Its type
 * carries its shape where the code knows it: `Matrix.zeros(3, 4)` is a
 * `Matrix<3, 4>`, so the editor underlines a product whose inner sizes
 * differ before the code runs. A size known only at run time is `number`,
 * and `Matrix` alone is `Matrix<number, number>`: then the run-time checks
 * find the mistake.
 *
 * @chapter 3
 * @example
 * const X = Matrix.from([[1, 2, 3], [4, 5, 6]]); // Matrix<2, 3>
 * X.shape;     // [2, 3]
 * X.get(1, 0); // 4
 */
export class Matrix<R extends number = number, C extends number = number> {
  /** Number of rows. */
  readonly rows: number;
  /** Number of columns. */
  readonly cols: number;
  /** The elements, row after row: element (r, c) is `data[r * cols + c]`. */
  readonly data: Float32Array;
  /** The shape as the type checker sees it, never set: `Matrix<3, 4>` fits `Matrix` both ways, not `Matrix<5, 2>`. */
  declare readonly [sizes]?: { shape(rows: R, cols: C): void };

  /**
   * Wraps `data` (not copied) as a `rows × cols` matrix, or allocates zeros.
   * Every value of `data` must be finite.
   *
   * @example
   * new Matrix(2, 2, new Float32Array([1, 2, 3, 4])); // [2, 2]
   */
  constructor(rows: R, cols: C, data?: Float32Array) {
    checkDims("Matrix", rows, cols);
    if (data !== undefined) {
      if (!(data instanceof Float32Array)) {
        throw new TypeError(`Matrix: data must be a Float32Array, got ${Object.prototype.toString.call(data)}`);
      }
      if (data.length !== rows * cols) {
        throw new RangeError(
          `Matrix: [${rows}×${cols}] needs ${rows * cols} elements, but data has ${data.length}`,
        );
      }
      const bad = firstNonFinite(data);
      if (bad >= 0) throw new RangeError(`Matrix: data[${bad}] is ${data[bad]}, not a finite number`);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data ?? new Float32Array(rows * cols);
  }

  /**
   * A `rows × cols` matrix of zeros.
   *
   * @example
   * Matrix.zeros(2, 3).toArray(); // [[0, 0, 0], [0, 0, 0]]
   */
  static zeros<R extends number, C extends number>(rows: R, cols: C): Matrix<R, C> {
    checkDims("Matrix.zeros", rows, cols);
    return new Matrix(rows, cols); // [rows, cols]
  }

  /**
   * A matrix from nested arrays, one inner array per row. All rows must have the
   * same length and every value must be finite. Written out in the code, the
   * arrays give the type its sizes: `Matrix.from([[1, 2, 3]])` is a `Matrix<1, 3>`.
   *
   * @example
   * Matrix.from([[1, 2], [3, 4]]).shape; // [2, 2]
   */
  static from<const T extends readonly (readonly number[])[]>(values: T): Matrix<T["length"], RowLength<T>> {
    if (!Array.isArray(values)) {
      throw new TypeError(`Matrix.from: expected an array of rows (number[][]), got ${typeof values}`);
    }
    const rows = values.length;
    if (rows > 0 && !Array.isArray(values[0])) {
      throw new TypeError(
        "Matrix.from: expected an array of rows (number[][]); for a single row write Matrix.from([[…]])",
      );
    }
    const cols = rows === 0 ? 0 : values[0].length;
    checkDims("Matrix.from", rows, cols);
    const m = new Matrix(rows, cols); // [rows, cols]
    for (let r = 0; r < rows; r++) {
      const row = values[r];
      if (!Array.isArray(row) || row.length !== cols) {
        const got = Array.isArray(row) ? `${row.length} values` : typeof row;
        throw new RangeError(`Matrix.from: row 0 has ${cols} values but row ${r} has ${got}`);
      }
      for (let c = 0; c < cols; c++) {
        const v = row[c];
        if (typeof v !== "number" || !Number.isFinite(v)) {
          throw new RangeError(`Matrix.from: value at (${r}, ${c}) is ${String(v)}, not a finite number`);
        }
        m.data[r * cols + c] = v;
        if (!Number.isFinite(m.data[r * cols + c])) throw beyondFloat32("Matrix.from", r, c, v);
      }
    }
    return m;
  }

  /** `[rows, cols]`. */
  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  private checkIndex(op: string, r: number, c: number): void {
    if (!Number.isInteger(r) || !Number.isInteger(c) || r < 0 || c < 0 || r >= this.rows || c >= this.cols) {
      throw new RangeError(`Matrix.${op}: (${r}, ${c}) is outside ${formatShape(this)}`);
    }
  }

  /**
   * The element in row `r`, column `c` (both counted from 0).
   *
   * @example
   * Matrix.from([[1, 2], [3, 4]]).get(0, 1); // 2
   */
  get(r: number, c: number): number {
    this.checkIndex("get", r, c);
    return this.data[r * this.cols + c];
  }

  /**
   * Sets the element in row `r`, column `c`, rounded to a 32-bit float.
   *
   * @example
   * const m = Matrix.zeros(2, 2);
   * m.set(1, 1, 5); // m.get(1, 1) === 5
   */
  set(r: number, c: number, value: number): void {
    this.checkIndex("set", r, c);
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new RangeError(`Matrix.set: value at (${r}, ${c}) is ${String(value)}, not a finite number`);
    }
    this.data[r * this.cols + c] = value;
    if (!Number.isFinite(this.data[r * this.cols + c])) {
      this.data[r * this.cols + c] = 0;
      throw beyondFloat32("Matrix.set", r, c, value);
    }
  }

  /**
   * Row `r` as a new `number[]`, each value rounded to float32's 7 significant digits.
   *
   * @example
   * Matrix.from([[1, 2], [3, 4]]).row(1); // [3, 4]
   */
  row(r: number): number[] {
    if (!Number.isInteger(r) || r < 0 || r >= this.rows) {
      throw new RangeError(`Matrix.row: row ${r} is outside ${formatShape(this)}`);
    }
    const out: number[] = new Array(this.cols);
    for (let c = 0; c < this.cols; c++) out[c] = float32ToNumber(this.data[r * this.cols + c]);
    return out;
  }

  /**
   * The rows as nested arrays, each value rounded to the 7 significant digits a
   * float32 holds (so `1.21`, not `1.2100000381469727`); `data` has the exact values.
   *
   * @example
   * Matrix.from([[1.21, 2]]).toArray(); // [[1.21, 2]]
   */
  toArray(): number[][] {
    const out: number[][] = [];
    for (let r = 0; r < this.rows; r++) out.push(this.row(r));
    return out;
  }

  /**
   * A copy with its own data.
   *
   * @example
   * const copy = X.clone(); // [rows, cols]
   */
  clone(): Matrix<R, C> {
    return new Matrix(this.rows, this.cols, this.data.slice()); // [rows, cols]
  }

  /**
   * A small aligned table: a shape header, then the rows. Large matrices show
   * their first and last rows and columns with `…` between.
   *
   * @example
   * String(Matrix.from([[1, -2.5], [30, 4]]));
   * // Matrix [2×2]
   * //  1  -2.5
   * // 30   4
   */
  toString(): string {
    const keep = (n: number): number[] => {
      if (n <= 8) return Array.from({ length: n }, (_, i) => i);
      return [0, 1, 2, -1, n - 3, n - 2, n - 1]; // -1 marks the elided middle
    };
    const rowIdx = keep(this.rows);
    const colIdx = keep(this.cols);
    const cell = (r: number, c: number): string => {
      if (r < 0) return c < 0 ? "⋱" : "⋮";
      if (c < 0) return "…";
      return String(float32ToNumber(this.data[r * this.cols + c]));
    };
    const table = rowIdx.map((r) => colIdx.map((c) => cell(r, c)));
    const widths = colIdx.map((_, j) => Math.max(...table.map((row) => row[j].length)));
    // Align numbers on the decimal point: pad the integer part left, the rest right.
    const intWidths = colIdx.map((_, j) =>
      Math.max(...table.map((row) => (row[j].includes(".") ? row[j].indexOf(".") : row[j].length))),
    );
    const fracWidths = colIdx.map((_, j) =>
      Math.max(...table.map((row) => (row[j].includes(".") ? row[j].length - row[j].indexOf(".") : 0))),
    );
    const lines = table.map((row) =>
      row
        .map((s, j) => {
          const intLen = s.includes(".") ? s.indexOf(".") : s.length;
          const padded = " ".repeat(intWidths[j] - intLen) + s;
          return padded.padEnd(Math.max(widths[j], intWidths[j] + fracWidths[j]));
        })
        .join("  ")
        .trimEnd(),
    );
    return [`Matrix ${formatShape(this)}`, ...lines].join("\n");
  }

  /** Node's `console.log` shows the same table as `toString`. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}
