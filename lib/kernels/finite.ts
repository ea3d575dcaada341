/**
 * The non-finite guard: every operation that could turn finite numbers into NaN
 * or ±Infinity passes its result through `finiteResult`, so a bad number is
 * explained where it appears instead of travelling on silently. The scan costs
 * one pass over the result; the inputs are scanned only when the result is bad,
 * to tell "an input was already bad" from "the numbers grew too large".
 */

import { kernelSlot } from "./slot.ts";

/** Numbers laid out row after row: a matrix, or a vector (an array, one row). */
export type Numbers = { readonly rows: number; readonly cols: number; readonly data: ArrayLike<number> } | readonly number[];

/** The index of the first NaN or ±Infinity in `data`, or −1 if all are finite. */
export function firstNonFinite(data: ArrayLike<number>): number {
  return data instanceof Float32Array ? firstNonFinite32(data) : firstNonFiniteAny(data);
}

// x · 0 is 0 for every finite x and NaN for NaN and ±Infinity, so a sum of
// them is 0 exactly when all are finite. Four sums side by side keep the
// processor busy (one sum would wait for each addition); only when the answer
// is "not all finite" does a second pass find where.
function firstNonFinite32(data: Float32Array): number {
  if (kernelSlot.fast?.allFinite(data) === true) return -1; // in WebAssembly memory: scanned there, with SIMD
  const n = data.length, n4 = n - (n % 4);
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (let i = 0; i < n4; i += 4) {
    s0 += data[i] * 0;
    s1 += data[i + 1] * 0;
    s2 += data[i + 2] * 0;
    s3 += data[i + 3] * 0;
  }
  for (let i = n4; i < n; i++) s0 += data[i] * 0;
  return s0 + s1 + s2 + s3 === 0 ? -1 : firstNonFiniteAny(data);
}

function firstNonFiniteAny(data: ArrayLike<number>): number {
  for (let i = 0; i < data.length; i++) {
    const x = data[i];
    // x − x is 0 for every finite number and NaN for NaN and ±Infinity.
    if (x - x !== 0) return i;
  }
  return -1;
}

const isVector = (A: Numbers): A is readonly number[] => Array.isArray(A);

/** `[2×3]` for a matrix, `[length 3]` for a vector. */
export function shapeOf(A: Numbers): string {
  return isVector(A) ? `[length ${A.length}]` : `[${A.rows}×${A.cols}]`;
}

/** `(row, col)` of element i of a matrix, `[i]` of a vector. */
export function positionOf(A: Numbers, i: number): string {
  if (isVector(A)) return `[${i}]`;
  const r = Math.floor(i / A.cols);
  return `(${r}, ${i - r * A.cols})`;
}

function valuesOf(A: Numbers): ArrayLike<number> {
  return isVector(A) ? A : A.data;
}

/**
 * Throws a RangeError if `A` holds a NaN or ±Infinity: "op: what [r×c] has NaN
 * at (i, j)", and the hint, if given.
 */
export function assertFiniteNumbers(op: string, A: Numbers, what: string, hint = ""): void {
  const values = valuesOf(A);
  const i = firstNonFinite(values);
  if (i >= 0) {
    throw new RangeError(`${op}: ${what} ${shapeOf(A)} has ${values[i]} at ${positionOf(A, i)}${hint ? `; ${hint}` : ""}`);
  }
}

/**
 * Returns `result` (a matrix, a vector or one number) if it is finite.
 * Otherwise throws, naming the first bad input (if an input held NaN or
 * ±Infinity), or else the first bad element of the result and why: by
 * default, that finite numbers grew past the range of the floats that hold
 * them; `cause(i)` may say better (`map`: what f returned).
 */
export function finiteResult<T extends Numbers | number>(
  op: string, result: T, inputs: Record<string, Numbers | number>, cause?: (i: number) => string,
): T {
  const values = typeof result === "number" ? [result] : valuesOf(result as Numbers);
  const i = firstNonFinite(values);
  if (i < 0) return result;
  for (const [name, input] of Object.entries(inputs)) {
    if (typeof input !== "number") assertFiniteNumbers(op, input, name);
    else if (!Number.isFinite(input)) throw new RangeError(`${op}: ${name} is ${input}, not a finite number`);
  }
  const where = typeof result === "number" ? "" : ` ${shapeOf(result as Numbers)}`;
  const at = typeof result === "number" ? "" : ` at ${positionOf(result as Numbers, i)}`;
  const range = typeof result === "number" || Array.isArray(result) ? "±1.8·10³⁰⁸ (float64)" : "±3.4·10³⁸ (float32)";
  const why = cause?.(i) ?? `the inputs are finite but the numbers grew beyond ${range}`;
  throw new RangeError(`${op}: the result${where} is ${values[i]}${at}: ${why}`);
}
