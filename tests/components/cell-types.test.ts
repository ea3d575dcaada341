/**
 * The editor's language service (components/cell/types/service.ts), in Node
 * with the same files the page's worker bundles: problems of a cell, the
 * type and doc comment under the pointer, and completions with signatures,
 * all knowing the names of the cells above.
 */
import { describe, expect, test } from "vitest";
import { fileURLToPath } from "node:url";
import { CellTypes } from "../../components/cell/types/service.ts";
import { cellTypeFiles } from "../../components/cell/types/type-files.ts";
import { declaredNames, unitText } from "../../components/cell/types/notebook-files.ts";

const files = cellTypeFiles(fileURLToPath(new URL("../../lib/index.ts", import.meta.url)));
const types = new CellTypes(files);
const cell1 = { file: "/book/cell-1.ts", code: 'import { sigmoid, Matrix } from "nnfs";\nlet count = 1;\nfunction twice(x: number) { return 2 * x; }' };

describe("the language service", () => {
  test("bundles TypeScript's lib files for ES2023 and nnfs's declarations, and nothing of the DOM", () => {
    expect(Object.keys(files)).toContain("/ts-lib/lib.es5.d.ts");
    expect(Object.keys(files)).toContain("/ts-lib/lib.es2023.array.d.ts");
    expect(Object.keys(files)).toContain("/node_modules/nnfs/index.d.ts");
    expect(Object.keys(files).some((f) => /lib\.dom/.test(f))).toBe(false);
  });

  test("finds a type error in a cell, with its place in the cell's code", () => {
    const code = 'const n: number = "five";\nconst m = twice(count);';
    types.set([cell1, { file: "/book/cell-2.ts", code }]);
    expect(types.problems("/book/cell-2.ts")).toEqual([
      { from: 6, to: 7, line: 1, column: 7, message: "Type 'string' is not assignable to type 'number'.", severity: "error" },
    ]);
  });

  test("sees the cells above as they are now, and a later change to them", () => {
    types.set([cell1, { file: "/book/cell-2.ts", code: "count = twice(count);" }]);
    expect(types.problems("/book/cell-2.ts")).toEqual([]);
    types.set([{ ...cell1, code: cell1.code.replace("x: number", "x: string") }, { file: "/book/cell-2.ts", code: "count = twice(count);" }]);
    expect(types.problems("/book/cell-2.ts").map((p) => p.message)).toEqual(["Argument of type 'number' is not assignable to parameter of type 'string'."]);
  });

  test("shows the type and the nnfs doc comment under the pointer", () => {
    const code = "const a = sigmoid(0.5);";
    types.set([cell1, { file: "/book/cell-2.ts", code }]);
    const hover = types.hover("/book/cell-2.ts", code.indexOf("sigmoid") + 2)!;
    expect(hover.type).toBe("sigmoid(x: number): number (+1 overload)");
    expect(hover.doc).toMatch(/@chapter 4/);
    expect(hover.from).toBe(code.indexOf("sigmoid"));
  });

  test("completes names of nnfs and of the cells above, with their signatures", () => {
    const code = "tw";
    types.set([cell1, { file: "/book/cell-2.ts", code }]);
    const found = types.completions("/book/cell-2.ts", 2)!;
    expect(found.from).toBe(0);
    expect(found.options[0]).toEqual({ label: "twice", kind: "alias", detail: expect.stringMatching(/twice\(x: number\): number/) });
    const methods = types.completions("/book/cell-2.ts", 0);
    expect(methods!.options.map((o) => o.label)).toContain("sigmoid");
  });
});

describe("a cell as a module of the notebook", () => {
  test("its own names, let and var assignable", () => {
    expect(declaredNames('import { a as b } from "nnfs";\nlet [x, { y }] = f;\nconst z = 1;\nclass C {}\ninterface I {}\ntype T = 1;')).toEqual([
      { name: "b", assignable: false },
      { name: "x", assignable: true },
      { name: "y", assignable: true },
      { name: "z", assignable: false },
      { name: "C", assignable: false },
      { name: "I", assignable: false },
      { name: "T", assignable: false },
    ]);
  });

  test("the code first, unchanged; then the names of the units above (the latest that declares each) and its own", () => {
    const above = [
      { file: "/book/cell-1.ts", code: "const a = 1;\nlet b = 2;" },
      { file: "/book/cell-2.ts", code: "const a = 3;" },
    ];
    expect(unitText({ file: "/book/cell-3.ts", code: "const c = a + b;" }, above)).toBe(
      'const c = a + b;\n;\ndeclare var b: typeof import("./cell-1.js").b;\nimport { a } from "./cell-2.js";\nexport { c };\n',
    );
  });
});
