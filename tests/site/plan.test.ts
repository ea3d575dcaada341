import { expect, test } from "vitest";
import { PLAN, bookMap, type PlannedChapter } from "../../src/lib/plan.ts";

const plan: PlannedChapter[] = [
  { number: 1, title: "One", blurb: "first" },
  { number: 2, title: "Two", blurb: "second" },
  { number: 3, title: "Three", blurb: "third" },
];

test("a planned chapter with a folder links to it and keeps its own title; one without is coming", () => {
  const map = bookMap(plan, [{ id: "01-one", number: 1, title: "One, as written", summary: "s" }]);
  expect(map).toEqual([
    { number: 1, title: "One, as written", blurb: "first", id: "01-one" },
    { number: 2, title: "Two", blurb: "second", id: null },
    { number: 3, title: "Three", blurb: "third", id: null },
  ]);
});

test("a written chapter the plan does not list still appears, in order", () => {
  const map = bookMap(plan.slice(0, 1), [
    { id: "04-extra", number: 4, title: "Extra", summary: "an extra chapter" },
    { id: "01-one", number: 1, title: "One", summary: "s" },
  ]);
  expect(map.map((e) => [e.number, e.id, e.blurb])).toEqual([
    [1, "01-one", "first"],
    [4, "04-extra", "an extra chapter"],
  ]);
});

test("the book's plan numbers its chapters 1, 2, 3, … without gaps", () => {
  expect(PLAN.map((p) => p.number)).toEqual(PLAN.map((_, i) => i + 1));
});
