/**
 * The `check()` of self-checking exercises: compares what the reader's code
 * returns with what is expected, and records every case for the page (and
 * the tests) to list.
 */
import { formatValue } from "./format.ts";

export interface CheckResult {
  name: string;
  pass: boolean;
  expected: string;
  actual: string;
  /** Set when computing the actual value threw. */
  error?: string;
}

/** Numbers within `tolerance` (absolute or relative); arrays, typed arrays and plain objects entry by entry. */
export function approxEqual(actual: unknown, expected: unknown, tolerance = 1e-6): boolean {
  if (typeof expected === "number" && typeof actual === "number") {
    if (Number.isNaN(expected)) return Number.isNaN(actual);
    if (!Number.isFinite(expected) || !Number.isFinite(actual)) return actual === expected;
    return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
  }
  const isList = (v: unknown): v is ArrayLike<unknown> => Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
  if (isList(expected) || isList(actual)) {
    if (!isList(expected) || !isList(actual) || expected.length !== actual.length) return false;
    for (let i = 0; i < expected.length; i++) if (!approxEqual(actual[i], expected[i], tolerance)) return false;
    return true;
  }
  if (expected && actual && typeof expected === "object" && typeof actual === "object") {
    const ek = Object.keys(expected);
    const ak = Object.keys(actual);
    if (ek.length !== ak.length) return false;
    return ek.every((k) => k in actual && approxEqual((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], tolerance));
  }
  return Object.is(actual, expected);
}

export type CheckFn = (name: string, compute: () => unknown, expected: unknown, tolerance?: number) => void;

/** A fresh `check` function and a way to collect its results once the checks have run. */
export function createChecker(): { check: CheckFn; results(): Promise<CheckResult[]> } {
  const pending: Promise<CheckResult>[] = [];
  const check: CheckFn = (name, compute, expected, tolerance = 1e-6) => {
    if (typeof compute !== "function") throw new TypeError(`check("${name}"): the second argument must be a function, as in check("${name}", () => f(2), 8)`);
    pending.push(
      (async (): Promise<CheckResult> => {
        const shownExpected = formatValue(expected, true);
        try {
          const actual = await compute();
          return { name, pass: approxEqual(actual, expected, tolerance), expected: shownExpected, actual: formatValue(actual, true) };
        } catch (e) {
          const err = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
          return { name, pass: false, expected: shownExpected, actual: "(threw)", error: err };
        }
      })(),
    );
  };
  return { check, results: () => Promise.all(pending) };
}
