import { describe, expect, test } from "vitest";
import { Notebook, locateError } from "../../components/cell/worker/notebook-scope.ts";
import { jsColumn, prepareCell, tsPosition } from "../../components/cell/worker/transpile.ts";
import { capturingConsole, errorText } from "../../components/cell/worker/run-cells.ts";

async function runAll(cells: string[], modules: Record<string, unknown> = { nnfs: { twice: (x: number) => 2 * x } }) {
  const notebook = new Notebook(modules);
  const out: string[][] = [];
  for (const [i, code] of cells.entries()) {
    const lines: string[] = [];
    const name = `nb-cell-${i + 1}.ts`;
    let prologue = 0;
    try {
      const prepared = prepareCell(code);
      prologue = prepared.prologueLength;
      await notebook.runPrepared(prepared, capturingConsole(lines), name);
    } catch (e) {
      lines.push(errorText(locateError(e, name, prologue)));
    }
    out.push(lines);
  }
  return out;
}

describe("a notebook", () => {
  test("later cells see earlier cells' names, and can change them", async () => {
    const out = await runAll(["let n = 1;\nfunction inc() { n++; }", "inc();\ninc();\nconsole.log(n);", "n = 10;\ninc();\nconsole.log(n);"]);
    expect(out).toEqual([[], ["3"], ["11"]]);
  });

  test("re-running a declaration redefines it", async () => {
    const out = await runAll(["const a = 1;", "const a = 2;\nconsole.log(a);"]);
    expect(out[1]).toEqual(["2"]);
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

  test.each([
    { code: "const a = 1;\nnull.x;", text: /^TypeError: .* \(line 2\)$/ },
    { code: "\n\nthrow new RangeError('r');", text: "RangeError: r (line 3)" },
    { code: "throw 'plain';", text: "Error: Uncaught plain" },
  ])("errors read with the reader's line: $code", async ({ code, text }) => {
    const [lines] = await runAll([code]);
    if (typeof text === "string") expect(lines).toEqual([text]);
    else expect(lines[0]).toMatch(text);
  });

  test.each([
    { code: "const o: any = null; o.x;", at: "x;" },
    { code: "const a = 1, b: number = 2; const c = (null as any).y;", at: "y;" },
    { code: 'import { twice } from "nnfs";\nlet q: number[] = [1]; const r = twice(q.length) + (null as any).z;', at: "z;" },
    { code: "function f(n: number): number {\n  return (null as any).deep;\n}\nconst k = f(1);", at: "deep;" },
  ])("the error's column points into the reader's TypeScript: $code", async ({ code, at }) => {
    const notebook = new Notebook({ nnfs: { twice: (x: number) => 2 * x } });
    const prepared = prepareCell(code);
    try {
      await notebook.runPrepared(prepared, capturingConsole([]), "col.ts");
      expect.fail("no error");
    } catch (e) {
      const info = locateError(e, "col.ts", prepared.prologueLength);
      const column = tsPosition(code, prepared.js, info.line, jsColumn(prepared, info.line, info.column))!;
      const line = code.split("\n")[info.line! - 1];
      expect(line.slice(column - 1)).toBe(at);
    }
  });
});
