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

/** How many characters of a text result or an error cross to the page; the rest is counted, not sent. */
export const TEXT_LIMIT = 2_000;

/** `text` cut to TEXT_LIMIT characters, saying how long it was: a 20M-character string must not cross whole. */
export function cap(text: string, limit = TEXT_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length.toLocaleString("en-US")} characters in all)`;
}

/** A result for the page: numbers, booleans, lists of them and matrices as they are; anything else as text (cut to TEXT_LIMIT). */
export function describe(v: unknown, depth = 0): CallValue {
  if (typeof v === "number" || typeof v === "boolean" || v === null) return v;
  if (v instanceof Matrix) return { matrix: { rows: v.rows, cols: v.cols, data: Array.from(v.data) } };
  if (Array.isArray(v) && depth < 2 && v.every((x) => typeof x === "number" || Array.isArray(x))) return v.map((x) => describe(x, depth + 1));
  let kind: string = typeof v;
  try {
    const name: unknown = v && typeof v === "object" ? v.constructor?.name : undefined;
    if (typeof v === "object" && v !== null) kind = typeof name === "string" ? cap(name, 100) : "object";
  } catch {
    kind = "object";
  }
  let text: string;
  try {
    text = typeof v !== "string"
      ? cap(formatValue(v))
      : v.length <= TEXT_LIMIT ? JSON.stringify(v) : `${JSON.stringify(v.slice(0, TEXT_LIMIT))}… (${v.length.toLocaleString("en-US")} characters in all)`;
  } catch (e) {
    text = `(a value that cannot be shown: ${errorText(e)})`;
  }
  return { text, kind };
}

/** What a thrown value says, even when its toString or message itself throws. */
function errorText(e: unknown): string {
  try {
    if (e instanceof Error) return cap(`${String(e.name)}: ${String(e.message)}`, 300);
    return cap(String(e), 300);
  } catch {
    return "something whose toString throws";
  }
}

/** A throw, placed in the reader's code when it can be; a value that cannot be turned into text is named as such. */
function thrown(e: unknown, notebook: Notebook): string {
  try {
    return cap(locateError(e, notebook.sources, "").text, 2 * TEXT_LIMIT); // its message is cut already
  } catch (inner) {
    return `it threw ${e instanceof Error ? "an error" : `a ${typeof e}`} that cannot be shown: turning it into text threw too (${errorText(inner)})`;
  }
}

export function callInNotebook(notebook: Notebook, name: string, args: CallValue[][]): CallAnswer {
  if (!(name in notebook.scope) || notebook.scope[name] === undefined) {
    return { kind: "missing", defined: false, why: `${name} is not in the notebook yet: run the cell that defines it.` };
  }
  const fn = notebook.scope[name];
  if (typeof fn !== "function") {
    let shown: string;
    try {
      shown = cap(formatValue(fn), 200);
    } catch {
      shown = `a ${typeof fn}`;
    }
    return { kind: "missing", defined: true, why: `${name} is not a function here: it is ${shown}.` };
  }
  const values: CallValue[] = [];
  for (let i = 0; i < args.length; i++) {
    try {
      values.push(describe((fn as (...a: unknown[]) => unknown)(...args[i].map(revive))));
    } catch (e) {
      return { kind: "threw", index: i, error: thrown(e, notebook) };
    }
  }
  return { kind: "values", values };
}

/**
 * The answer to a call as the worker posts it: `post` is tried, and if the
 * answer cannot be sent (a value the browser cannot clone), a plain sentence
 * saying so is sent instead, so the worker and its notebook live on.
 */
export function answerCall(post: (answer: CallAnswer) => void, name: string, answer: () => CallAnswer): void {
  let a: CallAnswer;
  try {
    a = answer();
  } catch (e) {
    a = { kind: "threw", index: 0, error: `${name} could not be called: ${errorText(e)}` };
  }
  try {
    post(a);
  } catch (e) {
    post({ kind: "threw", index: 0, error: `${name} returned a value the page cannot receive (${errorText(e)})` });
  }
}
