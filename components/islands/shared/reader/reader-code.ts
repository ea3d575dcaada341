/**
 * Islands that draw with the reader's own function ("use my code"): what a
 * call of it gave, judged. An island needs finite numbers; anything else —
 * a throw, NaN, Infinity, undefined, a string, a matrix — is said plainly,
 * naming the call (`sigma(-10)`), so the reader knows what to fix. Used by
 * the sigmoid plot (chapter 4) and the neuron (chapter 2); chapters 7–11's
 * islands can judge a loss or a gradient step the same way.
 */
import { stuckWhy, type CallAnswer, type CallValue } from "../../../cell/protocol.ts";
import { fmt } from "../numbers.ts";

export type Judged = { ok: true; values: number[] } | { ok: false; problem: string };

/** How a value the reader's function returned reads in a sentence. */
export function describeValue(v: CallValue): string {
  if (typeof v === "number") return Number.isNaN(v) ? "NaN" : String(v);
  if (typeof v === "boolean" || v === null) return String(v);
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if ("matrix" in v) return `a matrix [${v.matrix.rows}×${v.matrix.cols}]`;
  if (v.kind === "undefined") return "undefined (did it forget to `return`?)";
  if (v.kind === "Promise") return "a Promise (the island needs the number itself, not `async`)";
  return `${v.kind === "string" ? "a string" : v.kind === "function" ? "a function" : `a ${v.kind}`}: ${v.text}`;
}

/**
 * Finite numbers, one per call, or the first problem. `call(i)` writes the
 * i-th call as the reader would (`sigma(-10)`).
 */
export function finiteNumbers(answer: CallAnswer, call: (i: number) => string): Judged {
  if (answer.kind === "missing") return { ok: false, problem: answer.why };
  if (answer.kind === "stuck") return { ok: false, problem: stuckWhy(call(0).replace(/\(.*$/, ""), answer.seconds) };
  if (answer.kind === "threw") return { ok: false, problem: `${call(answer.index)} threw ${answer.error}.` };
  for (let i = 0; i < answer.values.length; i++) {
    const v = answer.values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) return { ok: false, problem: `${call(i)} returned ${describeValue(v)}, not a finite number.` };
  }
  return { ok: true, values: answer.values as number[] };
}

/** A call written out with its arguments: `weightedSum([1, 2, 3], [3, 4, 5], 3)`. */
export function callText(name: string, args: CallValue[]): string {
  const arg = (a: CallValue): string => (typeof a === "number" ? fmt(a, 2).replace("−", "-") : Array.isArray(a) ? `[${a.map(arg).join(", ")}]` : describeValue(a));
  return `${name}(${args.map(arg).join(", ")})`;
}
