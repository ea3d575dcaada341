import { describe, expect, test } from "vitest";
import { CellSyntaxError, prepareCell, stripTypes } from "../../components/cell/worker/transpile.ts";
import { mapColumn } from "../../components/cell/worker/positions.ts";
import { patternNames } from "../../components/cell/worker/analyse.ts";
import { parse } from "acorn";

describe("stripTypes", () => {
  test("removes types and keeps every line where it was", () => {
    const ts = "const a: number = 1;\ninterface P { x: number }\nfunction f(x: P): number {\n  return x.x as number;\n}";
    const js = stripTypes(ts);
    expect(js.split("\n")).toHaveLength(ts.split("\n").length);
    expect(js).not.toMatch(/: number|interface|as number/);
    expect(js.split("\n")[3]).toMatch(/return x\.x/);
  });

  test("a TypeScript syntax error carries line and column", () => {
    try {
      stripTypes("const a = 1;\nconst b: = 2;");
      expect.fail("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(CellSyntaxError);
      expect((e as CellSyntaxError).line).toBe(2);
      expect((e as CellSyntaxError).column).toBeGreaterThan(0);
    }
  });
});

describe("patternNames", () => {
  test.each([
    { code: "const a = 1;", names: ["a"] },
    { code: "const { a, b: [c, ...d], e = 1, ...f } = o;", names: ["a", "c", "d", "e", "f"] },
    { code: "const [x, , [y]] = o;", names: ["x", "y"] },
  ])("$code → $names", ({ code, names }) => {
    const program = parse(code, { ecmaVersion: "latest" }) as unknown as { body: { declarations: { id: never }[] }[] };
    expect(program.body[0].declarations.flatMap((d) => patternNames(d.id))).toEqual(names);
  });
});

describe("prepareCell", () => {
  test.each([
    { code: "const a = 1;\nlet b;\nvar c = 2, d = 3;", names: ["a", "b", "c", "d"] },
    { code: "function f() {}\nclass K {}", names: ["f", "K"] },
    { code: 'import { dot, neuron as n } from "nnfs";\nimport * as all from "nnfs";', names: ["dot", "n", "all"] },
    { code: "export const shared = 1;", names: ["shared"] },
    { code: "for (let i = 0; i < 3; i++) {}\n{ const inner = 1; }", names: [] },
  ])("top-level names of $code", ({ code, names }) => {
    expect(prepareCell(code).names.sort()).toEqual([...names].sort());
  });

  test("keeps the line count, so errors point at the reader's lines", () => {
    const code = 'import {\n  dot,\n} from "nnfs";\nconst x = 1;\nconsole.log(x);';
    const { body } = prepareCell(code);
    expect(body.split("\n")).toHaveLength(code.split("\n").length + 1); // + the closing line of the function
  });

  test.each([
    { code: "export default 1;", line: 1, message: /cells do not export/ },
    { code: "let a = 1;\nlet a = 2;", line: 2, message: /already been declared/ },
    { code: "const x = 1;\nreturn x;", line: 2, message: /return/ },
    { code: "const = 3;", line: 1, message: /Unexpected token/ },
  ])("syntax error in $code at line $line", ({ code, line, message }) => {
    try {
      prepareCell(code);
      expect.fail("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(CellSyntaxError);
      expect((e as CellSyntaxError).line).toBe(line);
      expect((e as CellSyntaxError).message).toMatch(message);
    }
  });
});

describe("mapColumn", () => {
  test.each([
    { ts: "const o: any = null; o.x;", js: "const o = null; o.x;", at: "o.x" },
    { ts: "function f(a: number, b: string): void { a.b(); }", js: "function f(a, b) { a.b(); }", at: "a.b()" },
    { ts: "let x = y as number;", js: "let x = y ;", at: "y" },
    { ts: "same line", js: "same line", at: "line" },
  ])("$at in $ts", ({ ts, js, at }) => {
    const jsCol = js.indexOf(at) + 1;
    expect(mapColumn(ts, js, jsCol)).toBe(ts.indexOf(at) + 1);
  });

  test("keeps the column when the line was not only shortened", () => {
    expect(mapColumn("abc", "xyz", 2)).toBe(2);
  });
});

test("a syntax error found after stripping types points at the reader's column", () => {
  try {
    prepareCell("const a: number = 1; let a = 2;");
    expect.fail("no error");
  } catch (e) {
    const code = "const a: number = 1; let a = 2;";
    expect((e as CellSyntaxError).column).toBe(code.indexOf("a = 2") + 1);
  }
});
