/** What a cell defines and uses, read without running it. */
import { describe, expect, test } from "vitest";
import { prepareCell } from "../../components/cell/worker/transpile.ts";

describe("defines and references", () => {
  test.each([
    { code: "const q = 1;", defines: ["q"], uses: [] },
    { code: "console.log(zq);", defines: [], uses: ["console", "zq"] },
    { code: "const a = b + c.d;", defines: ["a"], uses: ["b", "c"] },
    { code: "const o = { k: v, [w]: 1, s };", defines: ["o"], uses: ["s", "v", "w"] },
    { code: "function f(x: number) { const y = x * z; return y; }", defines: ["f"], uses: ["z"] },
    { code: "class K { m() { return this.p + outer; } p = 1; }", defines: ["K"], uses: ["outer"] },
    { code: "try { risky(); } catch (e) { log(e); }", defines: [], uses: ["log", "risky"] },
    { code: 'import { dot } from "nnfs";\nconsole.log(dot(a, a));', defines: ["dot"], uses: ["a", "console"] },
    { code: "let n = 0;\nn = n + m;\nlabel: for (const i of xs) { if (i) break label; }", defines: ["n"], uses: ["m", "xs"] },
    { code: "const f = (a: number) => a + 1;\nconst t: Matrix = make();", defines: ["f", "t"], uses: ["make"] },
  ])("$code", ({ code, defines, uses }) => {
    const prepared = prepareCell(code);
    expect(prepared.names.sort()).toEqual([...defines].sort());
    expect(prepared.references.sort()).toEqual([...uses].sort());
  });
});

test("a parameter binds its name only inside its function: the cell still uses the outer name", () => {
  const code = "function weightedSum(inputs: number[], weights: number[]): number {\n  return inputs[0] * weights[0];\n}\nconsole.log(weightedSum(inputs, weights));";
  expect(prepareCell(code).references.sort()).toEqual(["console", "inputs", "weights"]);
});
