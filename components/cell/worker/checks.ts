/**
 * The `check(name, () => actual, expected, tolerance = 1e-6)` of exercises
 * (CONVENTIONS.md, "Exercises that check themselves"). The page's worker and
 * the Node chapter tests use this same file, so an exercise passes or fails
 * the same way in both.
 *
 * Numbers are equal when |actual − expected| ≤ tolerance · max(1, |expected|)
 * (NaN equals NaN, infinities must match); arrays, typed arrays and plain
 * objects (a `Matrix` too) are compared entry by entry; anything else with `Object.is`.
 */
import type { CheckResult } from "../protocol.ts";
import { formatValue } from "./format.ts";

type Indexed = ArrayLike<unknown>;

function isListLike(v: unknown): v is Indexed {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

function numbersClose(actual: number, expected: number, tolerance: number): boolean {
  if (Number.isNaN(actual) || Number.isNaN(expected)) return Number.isNaN(actual) && Number.isNaN(expected);
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
}

const show = (v: unknown) => formatValue(v, true);

/** Null when `actual` matches `expected`, else where and how they differ. */
export function compare(actual: unknown, expected: unknown, tolerance = 1e-6, path = ""): string | null {
  const at = path ? `at ${path}: ` : "";
  if (typeof expected === "number" && typeof actual === "number") {
    return numbersClose(actual, expected, tolerance) ? null : `${at}${show(actual)} is not ${show(expected)}${tolerance ? ` (within ${tolerance})` : ""}`;
  }
  if (isListLike(expected)) {
    if (!isListLike(actual)) return `${at}expected a list, got ${describe(actual)}`;
    if (actual.length !== expected.length) return `${at}length ${actual.length}, expected ${expected.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = compare(actual[i], expected[i], tolerance, `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (expected !== null && typeof expected === "object" && !(expected instanceof Date) && !(expected instanceof RegExp)) {
    if (actual === null || typeof actual !== "object") return `${at}expected an object, got ${describe(actual)}`;
    const keys = Object.keys(expected);
    for (const k of keys) {
      if (!(k in actual)) return `${at}missing ${k}`;
      const d = compare((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], tolerance, `${path}.${k}`);
      if (d) return d;
    }
    const extra = Object.keys(actual).filter((k) => !keys.includes(k));
    return extra.length ? `${at}unexpected ${extra.join(", ")}` : null;
  }
  if (expected instanceof Date || expected instanceof RegExp) {
    return String(actual) === String(expected) ? null : `${at}${show(actual)} is not ${show(expected)}`;
  }
  return Object.is(actual, expected) ? null : `${at}${show(actual)} is not ${show(expected)}`;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? `${show(v)}` : `${typeof v} ${show(v)}`;
}

/** True when `actual` matches `expected` (see compare). */
export function approxEqual(actual: unknown, expected: unknown, tolerance = 1e-6): boolean {
  return compare(actual, expected, tolerance) === null;
}

/** Runs one check: calls `fn` (it may be async) and compares what it returns. */
export async function runCheck(name: string, fn: () => unknown, expected: unknown, tolerance = 1e-6): Promise<CheckResult> {
  const expectedText = show(expected);
  try {
    const actual = await fn();
    const reason = compare(actual, expected, tolerance);
    return { name, pass: reason === null, expected: expectedText, actual: show(actual), reason };
  } catch (e) {
    const err = e instanceof Error ? `${e.name}: ${e.message}` : `Uncaught ${show(e)}`;
    return { name, pass: false, expected: expectedText, actual: "(threw)", reason: `threw ${err}`, error: err };
  }
}

export type CheckFn = (name: string, fn: () => unknown, expected: unknown, tolerance?: number) => void;

/**
 * A `check` function for an exercise's checks code, and the results of every
 * call made to it, in call order.
 *
 * @example
 * const checker = createChecker();
 * notebook.scope.check = checker.check;
 * await runCell(notebook, { code: checksCode, sourceName: "checks.ts", label: "the checks" }, console);
 * const results = await checker.results(); // [{ name, pass, expected, actual, reason }, …]
 */
export function createChecker(): { check: CheckFn; results(): Promise<CheckResult[]> } {
  const pending: Promise<CheckResult>[] = [];
  return {
    check: (name, fn, expected, tolerance = 1e-6) => {
      if (typeof fn !== "function") {
        throw new TypeError(`check("${name}"): the second argument must be a function, as in check("${name}", () => f(2), 8)`);
      }
      pending.push(runCheck(String(name), fn, expected, tolerance));
    },
    results: () => Promise.all(pending),
  };
}
