/**
 * Error positions, checked against the TypeScript compiler itself. Each case
 * runs on the cells' own path (worker/run-cell.ts); the expected position
 * comes from TypeScript: for a syntax error, the position of its first
 * syntax diagnostic; for an error while running, the cells are compiled by
 * `ts.transpileModule` as one file with a source map, run, and the engine's
 * position in that JavaScript is mapped back through TypeScript's source map.
 */
import { describe, expect, test } from "vitest";
import ts from "typescript";
import { TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";
import { Notebook, measureHeaderLines } from "../../components/cell/worker/notebook-scope.ts";
import { runCell } from "../../components/cell/worker/run-cell.ts";
import { capturingConsole } from "../../components/cell/worker/run-cells.ts";

interface Position {
  /** 0-based index of the cell holding the line. */
  cell: number;
  line: number;
  column: number;
}

const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, sourceMap: true };
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => () => Promise<void>;

/** Which cell and line of `cells` a line of their concatenation is. */
function split(cells: string[], line: number, column: number): Position {
  for (const [cell, code] of cells.entries()) {
    const n = code.split("\n").length;
    if (line <= n) return { cell, line, column };
    line -= n;
  }
  throw new Error(`line ${line} is past the last cell`);
}

/** Where TypeScript places the error of running `cells` in order. */
async function typescriptSays(cells: string[]): Promise<Position> {
  const source = cells.join("\n");
  const out = ts.transpileModule(source, { compilerOptions: options, reportDiagnostics: true, fileName: "oracle.ts" });
  const syntax = out.diagnostics?.[0];
  if (syntax?.file && syntax.start !== undefined) {
    const at = syntax.file.getLineAndCharacterOfPosition(syntax.start);
    return split(cells, at.line + 1, at.character + 1);
  }
  const js = out.outputText.replace(/^\/\/# sourceMappingURL=.*$/m, "");
  try {
    await new AsyncFunction(`${js}\n//# sourceURL=oracle.js`)();
  } catch (e) {
    const m = /oracle\.js:(\d+):(\d+)/.exec((e as Error).stack ?? "");
    if (!m) throw new Error(`the oracle's error has no position: ${String(e)}`);
    const original = originalPositionFor(new TraceMap(out.sourceMapText!), { line: Number(m[1]) - measureHeaderLines(), column: Number(m[2]) - 1 });
    return split(cells, original.line!, original.column! + 1);
  }
  throw new Error("the oracle ran without an error");
}

/** Where the cells report it: the last cell runs after the others, in one notebook. */
async function cellsSay(cells: string[]): Promise<Position & { text: string }> {
  const notebook = new Notebook({});
  for (const [i, code] of cells.entries()) {
    const { error } = await runCell(notebook, { code, sourceName: `pos-${i + 1}.ts`, label: `Cell ${i + 1}` }, capturingConsole([]));
    if (!error) continue;
    if (i !== cells.length - 1) throw new Error(`cell ${i + 1} failed: ${error.text}`);
    const cell = error.cell === null ? i : Number(error.cell.replace("Cell ", "")) - 1;
    return { cell, line: error.line!, column: error.column!, text: error.text };
  }
  throw new Error("the cells ran without an error");
}

const one = (name: string, code: string) => ({ name, cells: [code] });

const cases = [
  // Thrown errors
  one("a throw on line 1", "throw new Error('x');"),
  one("a throw after two blank lines", "\n\nthrow new Error('x');"),
  one("an indented throw after blank lines", "\n\n\n  throw new Error('deep');"),
  one("a throw after a `// comment` line", "// set up\nthrow new Error('c');"),
  one("code after a comment on line 1", "const a = 1; // note\nconst b = 2; throw new Error('after');"),
  one("a throw after a type annotation on line 1", "const a: number = 1; throw new Error('typed');"),
  one("a throw after a declaration rewritten on line 1", "const a = 1, b = 2; throw new Error('two');"),
  one("a throw inside a loop", "for (let i: number = 0; i < 3; i++) {\n  if (i === 2) throw new Error('loop ' + i);\n}"),
  one("a throw in an async arrow that is awaited", "const f = async (): Promise<void> => {\n  throw new Error('async');\n};\nawait f();"),
  one("a throw after top-level await", "await Promise.resolve();\nthrow new Error('after await');"),
  one("a throw in a method", "class K {\n  m(): void { throw new TypeError('in method'); }\n}\nnew K().m();"),
  one("a throw in a callback", "const arr: number[] = [1, 2];\narr.forEach((v: number) => { if (v > 1) throw new Error('in callback'); });"),
  one("a throw in a generic function", "const fn = function <T>(v: T): T {\n  throw new Error('generic');\n};\nfn<number>(1);"),
  // Errors of the engine
  one("a property of null", "const o: any = null; o.x;"),
  one("a non-null assertion that lies", "const o: { x: number } | null = null;\nconst v: number = o!.x;"),
  one("after an interface", "interface P { x: number }\nconst p: P = { x: 1 };\n(p as any).y.z;"),
  one("after a type alias", "type T = { a: string };\nconst t: T = { a: 's' };\n(t.a as any).foo();"),
  one("after a multi-line string", "const s = `a\nb\nc`;\nconst n: any = null; n.go();"),
  one("inside a template literal", "const o: any = null;\nconsole.log(`${o.x}`);"),
  one("on the second line of a template literal", "const t = `line one\n${(null as any).y}`;"),
  one("inside a function", "function f(x: number): number {\n  return (null as any).deep + x;\n}\nf(1);"),
  one("in an object literal", "const o = {\n  a: 1,\n  b: (null as any).c,\n};"),
  one("a computed access after two declarations", "const x = 1, y: number = 2; const z = (null as any)[x + y];"),
  one("an unknown name", "const k: number = 2;\nundefinedName + k;"),
  one("an invalid array length", "const n: number = -1;\nconst big = new Array(n);"),
  one("tabs before the code", "\tconst q: string = 'a';\n\t\t(q as any).nope();"),
  one("a call through a cast", "let a = 1;\na = (a as unknown as { b: () => number }).b();"),
  one("after an arrow with typed parameters on the same line", "const add = (a: number, b: number): number => a + b; const r: any = add(1, 2); r.x.y;"),
  // Errors raised in an earlier cell, from a later one
  { name: "a function of cell 1 called from cell 2", cells: ["function boom(): never {\n  throw new Error('b');\n}", "boom();"] },
  { name: "an arrow of cell 1 with blank lines, called from cell 2", cells: ["const thrower = (n: number) => {\n\n  return (null as any)[n].x;\n};", "thrower(1);"] },
  { name: "a method of a class of cell 1, called from cell 3", cells: ["class A {\n  go(): void { (null as any).x; }\n}", "const a = new A();", "a.go();"] },
  // Syntax errors
  one("a missing expression", "const a = 1;\nconst b = ;"),
  one("a missing name after blank lines", "\n\nconst = 3;"),
  one("a missing value after a comment and a type", "// c\nlet x: number = ;"),
  one("a dangling operator", "const x = 1 +;\nconsole.log(x);"),
  one("a missing parenthesis", "const ok = true;\nif (ok {\n}"),
];

describe("error positions match what TypeScript says", () => {
  test("there are at least 30 cases", () => expect(cases.length).toBeGreaterThanOrEqual(30));

  test.each(cases)("$name", async ({ cells }) => {
    const expected = await typescriptSays(cells);
    const got = await cellsSay(cells);
    expect({ cell: got.cell, line: got.line, column: got.column }, got.text).toEqual(expected);
  });
});
