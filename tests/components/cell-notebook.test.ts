import { describe, expect, test } from "vitest";
import { Notebook } from "../../components/cell/worker/notebook-scope.ts";
import { runCell, runExercise } from "../../components/cell/worker/run-cell.ts";
import { capturingConsole } from "../../components/cell/worker/run-cells.ts";

const modules = { nnfs: { twice: (x: number) => 2 * x } };

/** Runs cells in order in one notebook, on the path the worker uses; each cell's lines, its error last. */
async function runAll(cells: string[], notebook = new Notebook(modules)) {
  const out: string[][] = [];
  for (const [i, code] of cells.entries()) {
    const lines: string[] = [];
    const { error } = await runCell(notebook, { code, sourceName: `nb-cell-${i + 1}.ts`, label: `Cell ${i + 1}` }, capturingConsole(lines));
    if (error) lines.push(error.text);
    out.push(lines);
  }
  return out;
}

describe("a notebook", () => {
  test("later cells see earlier cells' names, and can change them", async () => {
    const out = await runAll(["let n = 1;\nfunction inc() { n++; }", "inc();\ninc();\nconsole.log(n);", "n = 10;\ninc();\nconsole.log(n);"]);
    expect(out).toEqual([[], ["3"], ["11"]]);
  });

  test("a function of an earlier cell prints under the cell that calls it", async () => {
    const out = await runAll(["function hello(who: string) { console.log(`hi ${who}`); }", "hello(\"there\");\nconsole.log(\"done\");"]);
    expect(out).toEqual([[], ["hi there", "done"]]);
  });

  test("re-running a declaration redefines it", async () => {
    const out = await runAll(["const a = 1;", "const a = 2;\nconsole.log(a);"]);
    expect(out[1]).toEqual(["2"]);
  });

  test("a function of an earlier cell sees a name defined again at once, even while the cell that redefines it runs", async () => {
    const out = await runAll(["let lr = 0.1;", "function rate() { return lr; }", "let lr = 0.5;\nconsole.log(rate());\nlr = 0.7;\nconsole.log(rate());", "console.log(rate());"]);
    expect(out.slice(2)).toEqual([["0.5", "0.7"], ["0.7"]]);
  });

  test("a function may use a name a later cell defines, and sees it while that cell runs", async () => {
    const out = await runAll(["function show() { return later; }", "let later = 3;\nconsole.log(show());", "const fixed = 4;\nlater = fixed;\nconsole.log(show());"]);
    expect(out.slice(1)).toEqual([["3"], ["4"]]);
  });

  test("a top-level variable no function uses is shared when its cell ends, also when the cell throws", async () => {
    const out = await runAll(["let s = 0;\nfor (let i = 1; i <= 4; i++) s += i;", "console.log(s);", "let t = 1;\nt += 1;\nthrow new Error('stop');", "console.log(t);"]);
    expect(out).toEqual([[], ["10"], ["Error: stop (line 3)"], ["2"]]);
  });

  test("an error quotes the reader's names, not the notebook's rewrite of them", async () => {
    const out = await runAll(["const notFn = 1;", "notFn();", "const o = { notFn };\nconsole.log(o.notFn);\nmissing();"]);
    expect(out.slice(1)).toEqual([["TypeError: notFn is not a function (line 1)"], ["1", "ReferenceError: missing is not defined (line 3)"]]);
  });

  test("imports come from the modules given; others get a friendly message", async () => {
    const out = await runAll(['import { twice } from "nnfs";\nconsole.log(twice(21));', 'import { x } from "left-pad";']);
    expect(out[0]).toEqual(["42"]);
    expect(out[1]).toEqual(['Error: Cannot import "left-pad": a cell can import only "nnfs" (the book\'s library) (line 1)']);
  });

  test("top-level await works", async () => {
    const out = await runAll(["const v = await Promise.resolve(5);\nconsole.log(v);"]);
    expect(out[0]).toEqual(["5"]);
  });

  test("an error inside a function of an earlier cell is placed in that cell", async () => {
    const out = await runAll(["function f(n: number) {\n  if (n > 1) throw new RangeError('too big');\n  return n;\n}", "const k = 2;\nf(k);"]);
    expect(out[1]).toEqual(["RangeError: too big (Cell 1, line 2)"]);
  });

  test("runCell reports what a cell defines and uses", async () => {
    const notebook = new Notebook(modules);
    const r = await runCell(notebook, { code: "const a = b + 1;\nfunction g(x: number) { return x * c; }", sourceName: "d.ts", label: "Cell 1" }, capturingConsole([]));
    expect(r.defines.sort()).toEqual(["a", "g"]);
    expect(r.references.filter((n) => n !== "Math").sort()).toEqual(["b", "c"]);
    expect(r.error?.text).toBe("ReferenceError: b is not defined (line 1)");
  });
});

describe("an exercise on the same path", () => {
  test("the checks see the reader's names; `check` exists for them alone", async () => {
    const notebook = new Notebook(modules);
    const lines: string[] = [];
    const ok = await runExercise(notebook, { code: "const sq = (x: number) => x * x;", sourceName: "ex.ts", label: "Exercise 1" }, 'check("4", () => sq(2), 4);\ncheck("bad", () => sq(3), 8);', capturingConsole(lines));
    expect(ok.results.map((r) => [r.name, r.pass])).toEqual([["4", true], ["bad", false]]);
    expect("check" in notebook.scope).toBe(false);
    const failing = await runExercise(notebook, { code: "throw new Error('no');", sourceName: "ex.ts", label: "Exercise 1" }, 'check("x", () => 1, 1);', capturingConsole(lines));
    expect(failing).toMatchObject({ results: [], error: { text: "Error: no (line 1)" } });
  });
});
