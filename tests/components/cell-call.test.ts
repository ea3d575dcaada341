/**
 * The notebook side of the island bridge: calling a function the reader
 * defined (components/cell/worker/call.ts), and finding the cell that
 * declares a name (components/cell/notebook/declares.ts).
 */
import { describe, expect, test } from "vitest";
import * as nnfs from "nnfs";
import { Notebook } from "../../components/cell/worker/notebook-scope.ts";
import { runCells } from "../../components/cell/worker/run-cells.ts";
import { answerCall, callInNotebook, describe as describeResult, revive } from "../../components/cell/worker/call.ts";
import type { CallAnswer } from "../../components/cell/protocol.ts";
import { declaringCell } from "../../components/cell/notebook/declares.ts";

const cell = (index: number, code: string) => ({ index, code, output: null, outputForm: false, options: { throws: false, timeoutMs: null }, line: 1 });

async function notebookWith(...codes: string[]) {
  const notebook = new Notebook({ nnfs });
  await runCells(codes.map((c, i) => cell(i, c)), { nnfs }, "ch", notebook);
  return notebook;
}

describe("callInNotebook", () => {
  test("calls the reader's function once per argument list", async () => {
    const nb = await notebookWith("const sigma = (z: number) => 1 / (1 + Math.exp(-z));");
    expect(callInNotebook(nb, "sigma", [[0], [100]])).toEqual({ kind: "values", values: [0.5, 1] });
  });

  test("a name not run yet, or not a function, is missing, and says so", async () => {
    const nb = await notebookWith("const sigma = 3;");
    expect(callInNotebook(nb, "nothing", [[0]])).toEqual({ kind: "missing", defined: false, why: "nothing is not in the notebook yet: run the cell that defines it." });
    expect(callInNotebook(nb, "sigma", [[0]])).toEqual({ kind: "missing", defined: true, why: "sigma is not a function here: it is 3." });
  });

  test("a throw names the call and the reader's cell and line", async () => {
    const nb = await notebookWith('function sigma(z: number) {\n  if (z > 1) throw new RangeError("too big");\n  return z;\n}');
    expect(callInNotebook(nb, "sigma", [[0], [2]])).toEqual({ kind: "threw", index: 1, error: "RangeError: too big (Cell 1, line 2)" });
  });

  test("matrices cross both ways; anything else comes back as text", async () => {
    const nb = await notebookWith('import { Matrix } from "nnfs";\nconst twice = (m: Matrix) => Matrix.from(m.toArray().map((r) => r.map((v) => 2 * v)));\nconst word = () => "hi";');
    const answer = callInNotebook(nb, "twice", [[{ matrix: { rows: 1, cols: 2, data: [1, 2] } }]]);
    expect(answer).toEqual({ kind: "values", values: [{ matrix: { rows: 1, cols: 2, data: [2, 4] } }] });
    expect(callInNotebook(nb, "word", [[]])).toEqual({ kind: "values", values: [{ text: '"hi"', kind: "string" }] });
    expect(describeResult(undefined)).toEqual({ text: "undefined", kind: "undefined" });
    expect(revive([[1, 2]])).toEqual([[1, 2]]);
  });
});

test("declaringCell finds the last cell that declares a name at its top level", () => {
  const codes = ["const sigma = 1;", "console.log(sigma);", "function sigma(z: number) {\n  return z;\n}", "  const sigma = 2; // indented: not top level"];
  expect(declaringCell(codes, "sigma")).toBe(2);
  expect(declaringCell(codes, "sig")).toBeNull();
  expect(declaringCell(["let $x = 1;"], "$x")).toBe(0);
});

describe("a hostile function keeps the worker alive and is named for what it did", () => {
  test("throwing an object whose toString throws: named, not a crash", async () => {
    const nb = await notebookWith('const sigma = (z: number) => { throw { toString() { throw new Error("no text for you"); } }; };');
    const answer = callInNotebook(nb, "sigma", [[0]]);
    expect(answer).toEqual({ kind: "threw", index: 0, error: "it threw a object that cannot be shown: turning it into text threw too (Error: no text for you)" });
  });

  test("a 20M-character string comes back as its first 2,000 characters and its length", async () => {
    const nb = await notebookWith('const sigma = (z: number) => "x".repeat(20_000_000);');
    const answer = callInNotebook(nb, "sigma", [[0]]) as Extract<CallAnswer, { kind: "values" }>;
    const text = (answer.values[0] as { text: string }).text;
    expect(text).toMatch(/^"x{2000}"… \(20,000,000 characters in all\)$/);
  });

  test("a 20M-character error is cut the same way", async () => {
    const nb = await notebookWith('const sigma = (z: number) => { throw new Error("e".repeat(20_000_000)); };');
    const answer = callInNotebook(nb, "sigma", [[0]]) as Extract<CallAnswer, { kind: "threw" }>;
    expect(answer.error).toMatch(/^Error: e{2000}… \(20,000,000 characters in all\)( \(Cell 1, line 1\))?$/);
    expect(answer.error.length).toBeLessThan(2_100);
  });

  test("a result whose constructor name is not text crosses as text", async () => {
    const nb = await notebookWith("const sigma = (z: number) => { const o = Object.create({ constructor: { name: Symbol(\"odd\") } }); return o; };");
    const answer = callInNotebook(nb, "sigma", [[0]]) as Extract<CallAnswer, { kind: "values" }>;
    expect(structuredClone(answer)).toEqual(answer);
  });

  test("an answer the page cannot receive is replaced by a sentence saying so", () => {
    const sent: CallAnswer[] = [];
    const post = (a: CallAnswer) => {
      structuredClone(a); // throws as postMessage would
      sent.push(a);
    };
    answerCall(post, "sigma", () => ({ kind: "values", values: [{ text: "f", kind: (() => 1) as never }] }));
    expect(sent).toEqual([{ kind: "threw", index: 0, error: expect.stringMatching(/^sigma returned a value the page cannot receive \(DataCloneError: /) }]);
  });
});
