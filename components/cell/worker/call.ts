/**
 * Calls a function the reader defined in the notebook, for an island that
 * offers "use my code": once per argument list, in the worker (the reader's
 * code never runs in the page). Matrices cross as their shape and entries.
 * A throw is placed in the reader's code like any cell error.
 */
import { Matrix } from "nnfs";
import type { CallAnswer, CallValue } from "../protocol.ts";
import type { Notebook } from "./notebook-scope.ts";
import { locateError } from "./locate.ts";
import { formatValue } from "./format.ts";

/** A value from the page, with matrices made Matrix again. */
export function revive(v: CallValue): unknown {
  if (Array.isArray(v)) return v.map(revive);
  if (v && typeof v === "object" && "matrix" in v) return new Matrix(v.matrix.rows, v.matrix.cols, Float32Array.from(v.matrix.data));
  return v;
}

/** A result for the page: numbers, booleans, lists of them and matrices as they are; anything else as text. */
export function describe(v: unknown, depth = 0): CallValue {
  if (typeof v === "number" || typeof v === "boolean" || v === null) return v;
  if (v instanceof Matrix) return { matrix: { rows: v.rows, cols: v.cols, data: Array.from(v.data) } };
  if (Array.isArray(v) && depth < 2 && v.every((x) => typeof x === "number" || Array.isArray(x))) return v.map((x) => describe(x, depth + 1));
  const kind = v === undefined ? "undefined" : typeof v === "object" ? (v.constructor?.name ?? "object") : typeof v;
  return { text: typeof v === "string" ? JSON.stringify(v) : formatValue(v), kind };
}

export function callInNotebook(notebook: Notebook, name: string, args: CallValue[][]): CallAnswer {
  if (!(name in notebook.scope) || notebook.scope[name] === undefined) {
    return { kind: "missing", defined: false, why: `${name} is not in the notebook yet: run the cell that defines it.` };
  }
  const fn = notebook.scope[name];
  if (typeof fn !== "function") {
    return { kind: "missing", defined: true, why: `${name} is not a function here: it is ${formatValue(fn)}.` };
  }
  const values: CallValue[] = [];
  for (let i = 0; i < args.length; i++) {
    try {
      values.push(describe((fn as (...a: unknown[]) => unknown)(...args[i].map(revive))));
    } catch (e) {
      return { kind: "threw", index: i, error: locateError(e, notebook.sources, "").text };
    }
  }
  return { kind: "values", values };
}
