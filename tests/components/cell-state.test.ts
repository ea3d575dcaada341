/** Notebook semantics without a browser: what a Run must run first, what a re-run makes stale, and what the notes claim. */
import { describe, expect, test } from "vitest";
import { NotebookState } from "../../components/cell/notebook/state.ts";
import { describeCells, ranNote, staleNote } from "../../components/cell/notebook/plan.ts";

/** Cells 1–4 of a notebook and their code on the screen. */
function notebook(codes: string[]) {
  const state = new NotebookState(codes.length);
  return { state, codes, code: (i: number) => codes[i] };
}

describe("plan: what runs is the code on the screen", () => {
  test("cells never run come first, in order", () => {
    const { state, code } = notebook(["a", "b", "c", "d"]);
    expect(state.plan(3, code)).toEqual([0, 1, 2]);
    state.ran(0, "a", [], []);
    expect(state.plan(3, code)).toEqual([1, 2]);
  });

  test("a cell edited since it ran runs again (the stale-notebook bug: `const q` edited to `const zq`)", () => {
    const { state, codes, code } = notebook(["const q = 1", "console.log(zq)"]);
    state.ran(0, codes[0], ["q"], []);
    codes[0] = "const zq = 5";
    expect(state.plan(1, code)).toEqual([0]);
  });

  test("a stale cell above runs again", () => {
    const { state, code } = notebook(["a", "b", "c"]);
    state.ran(0, "a", ["x"], []);
    state.ran(1, "b", ["y"], ["x"]);
    state.ran(0, "a", ["x"], []);
    expect(state.plan(2, code)).toEqual([1]);
  });

  test("a failed cell runs again; after a reset every cell does", () => {
    const { state, code } = notebook(["a", "b"]);
    state.ran(0, "a", [], []);
    state.failed(0);
    expect(state.plan(1, code)).toEqual([0]);
    state.ran(0, "a", [], []);
    state.ran(1, "b", [], []);
    state.reset();
    expect(state.plan(2, code)).toEqual([0, 1]);
  });
});

describe("stale: a re-run marks the cells below that use its names", () => {
  test.each([
    { name: "a user of a redefined name", defines: ["q"], refs: [["q"], []], stale: [1] },
    { name: "a name the cell no longer defines", defines: [], refs: [["q"], []], stale: [1] },
    { name: "nobody uses it", defines: ["q"], refs: [["w"], ["console"]], stale: [] },
    { name: "every user below", defines: ["q", "r"], refs: [["r"], ["q"]], stale: [1, 2] },
  ])("$name", ({ defines, refs, stale }) => {
    const { state } = notebook(["c0", "c1", "c2"]);
    state.ran(0, "c0", ["q"], []);
    state.ran(1, "c1", [], refs[0]);
    state.ran(2, "c2", [], refs[1]);
    expect(state.ran(0, "c0 again", defines, [])).toEqual(stale);
    expect(state.stale()).toEqual(stale);
    for (const i of stale) expect(state.cells[i].stale?.by).toBe(0);
  });

  test("cells that have not run are not stale; re-running a stale cell clears it", () => {
    const { state } = notebook(["c0", "c1", "c2"]);
    state.ran(0, "c0", ["q"], []);
    state.ran(1, "c1", [], ["q"]);
    expect(state.ran(0, "c0", ["q"], [])).toEqual([1]);
    state.ran(1, "c1", [], ["q"]);
    expect(state.stale()).toEqual([]);
  });
});

describe("notes say only what is true", () => {
  test("ranNote names the cells whose names the cell uses", () => {
    const { state } = notebook(["a", "b", "c", "d", "e", "f"]);
    state.ran(0, "a", ["x"], []);
    state.ran(1, "b", ["y"], []);
    state.ran(2, "c", [], []);
    expect(ranNote([0, 1, 2], state.providers([0, 1, 2], ["x", "y"]))).toBe("Ran cells 1–3 first: this cell uses what cells 1 and 2 define.");
    expect(ranNote([0, 1], state.providers([0, 1], ["x", "y"]))).toBe("Ran cells 1 and 2 first: this cell uses what they define.");
    expect(ranNote([0, 1, 2], state.providers([0, 1, 2], ["console"]))).toBe("Ran cells 1–3 first (the code above runs before a cell, in order).");
    expect(ranNote([], [])).toBe("");
  });

  test("staleNote says which cell and which names", () => {
    expect(staleNote(0, ["zq"])).toBe("Stale: cell 1 ran again after this cell ran, and this cell uses `zq` from it. Its output may no longer match.");
    expect(staleNote(2, ["a", "b", "c", "d", "e"])).toMatch(/cell 3 ran again .* `a`, `b`, `c` and 2 more from it/);
  });

  test.each([
    { cells: [0], text: "cell 1" },
    { cells: [0, 1], text: "cells 1 and 2" },
    { cells: [0, 1, 2], text: "cells 1–3" },
    { cells: [2, 0, 3], text: "cells 1, 3 and 4" },
  ])("describeCells $cells → $text", ({ cells, text }) => expect(describeCells(cells)).toBe(text));
});
