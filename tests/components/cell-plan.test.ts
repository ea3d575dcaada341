import { describe, expect, test } from "vitest";
import { planRun, describeCells, ranNote } from "../../components/cell/notebook/plan.ts";

const cells = [0, 1, 2, 3, 4].map((index) => ({ index, throws: false }));

describe("planRun", () => {
  test.each([
    { target: 0, ran: [], plan: [0] },
    { target: 3, ran: [], plan: [0, 1, 2, 3] },
    { target: 3, ran: [0, 1, 2], plan: [3] },
    { target: 3, ran: [1], plan: [0, 2, 3] },
    { target: 1, ran: [1, 2, 3], plan: [0, 1] },
    { target: 2, ran: [0, 1, 2], plan: [2] },
  ])("cell $target with $ran run → $plan", ({ target, ran, plan }) => {
    expect(planRun(target, cells, new Set(ran))).toEqual(plan);
  });
});

describe("describeCells", () => {
  test.each([
    { cells: [0], text: "cell 1" },
    { cells: [0, 1], text: "cells 1 and 2" },
    { cells: [0, 1, 2], text: "cells 1–3" },
    { cells: [2, 0, 3], text: "cells 1, 3 and 4" },
  ])("$cells → $text", ({ cells, text }) => expect(describeCells(cells)).toBe(text));
});

test("ranNote says which cells ran first, or nothing", () => {
  expect(ranNote([0, 1, 2, 3], 3)).toBe("Ran cells 1–3 first: this cell uses what they define.");
  expect(ranNote([3], 3)).toBe("");
});
