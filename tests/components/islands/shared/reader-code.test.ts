/** Judging what a reader's function gave an island (components/reader-code.ts). */
import { describe, expect, test } from "vitest";
import { callText, describeValue, finiteNumbers } from "../../../../components/islands/shared/reader/reader-code.ts";

const call = (i: number) => `sigma(${i})`;

describe("finiteNumbers", () => {
  test("finite numbers pass through, one per call", () => {
    expect(finiteNumbers({ kind: "values", values: [0.5, 1, 0] }, call)).toEqual({ ok: true, values: [0.5, 1, 0] });
  });

  test("NaN, Infinity, undefined, a string or a matrix is named with the call that gave it", () => {
    expect(finiteNumbers({ kind: "values", values: [0.5, NaN] }, call)).toEqual({ ok: false, problem: "sigma(1) returned NaN, not a finite number." });
    expect(finiteNumbers({ kind: "values", values: [Infinity] }, call)).toEqual({ ok: false, problem: "sigma(0) returned Infinity, not a finite number." });
    expect(finiteNumbers({ kind: "values", values: [{ text: "undefined", kind: "undefined" }] }, call)).toEqual({
      ok: false,
      problem: "sigma(0) returned undefined (did it forget to `return`?), not a finite number.",
    });
    expect(finiteNumbers({ kind: "values", values: [1, { text: '"0.5"', kind: "string" }] }, call)).toEqual({ ok: false, problem: 'sigma(1) returned a string: "0.5", not a finite number.' });
    expect(finiteNumbers({ kind: "values", values: [{ matrix: { rows: 1, cols: 2, data: [1, 2] } }] }, call)).toEqual({ ok: false, problem: "sigma(0) returned a matrix [1×2], not a finite number." });
  });

  test("a throw and a missing name say why", () => {
    expect(finiteNumbers({ kind: "threw", index: 2, error: "RangeError: no (Cell 3, line 2)" }, call)).toEqual({ ok: false, problem: "sigma(2) threw RangeError: no (Cell 3, line 2)." });
    expect(finiteNumbers({ kind: "missing", defined: false, why: "`sigma` is not in the notebook yet." }, call)).toEqual({ ok: false, problem: "`sigma` is not in the notebook yet." });
  });

  test("a function that never returned is one sentence naming it, the time and the restart", () => {
    const judged = finiteNumbers({ kind: "stuck", seconds: 3 }, (i) => `sigma(${-10 + i})`);
    expect(judged).toEqual({ ok: false, problem: "sigma ran for 3 s without returning (a loop that never ends?), so the notebook restarted." });
    const problem = (judged as { problem: string }).problem;
    expect(problem.match(/[.!?](\s|$)/g)).toHaveLength(1); // one sentence
    expect(problem).not.toMatch(/threw|\.\./);
  });
});

test("describeValue and callText write values and calls as code reads", () => {
  expect(describeValue(true)).toBe("true");
  expect(describeValue([1, 2])).toBe("a list of 2");
  expect(describeValue({ text: "Promise {}", kind: "Promise" })).toMatch(/^a Promise/);
  expect(callText("weightedSum", [[1, 2, -3.5], [3, 4, 5], -3])).toBe("weightedSum([1, 2, -3.5], [3, 4, 5], -3)");
});
