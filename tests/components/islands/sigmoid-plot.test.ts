import { describe, expect, test } from "vitest";
import {
  RANGES,
  VIEW,
  curvePath,
  describeCurve,
  describeValues,
  formulaRuns,
  midpoint,
  sampleXs,
  neuronOutput,
  referenceShows,
  sigmoid,
  toPx,
  xFromPx,
} from "../../../components/islands/sigmoid-plot/sigmoid-plot.ts";
import { snap } from "../../../components/islands/shared/numbers.ts";

describe("sigmoid", () => {
  test.each([
    [0, 0.5],
    [2, 0.8807970779778823],
    [-2, 0.11920292202211755],
    [10, 0.9999546021312976],
    [-10, 0.00004539786870243442],
  ])("σ(%d) = %f", (z, y) => {
    expect(sigmoid(z)).toBeCloseTo(y, 12);
  });

  test.each([1000, -1000, 710, -710])("σ(%d) is finite and inside [0, 1] (no overflow)", (z) => {
    const y = sigmoid(z);
    expect(Number.isFinite(y)).toBe(true);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(y).toBeLessThanOrEqual(1);
  });

  test("σ(−z) = 1 − σ(z)", () => {
    for (const z of [0.1, 1, 3.7, 8]) expect(sigmoid(-z)).toBeCloseTo(1 - sigmoid(z), 12);
  });

  test.each([
    { w: 1, b: 0, x: 2, y: sigmoid(2) },
    { w: 2, b: -4, x: 2, y: 0.5 },
    { w: -1, b: 0, x: 3, y: sigmoid(-3) },
    { w: 0, b: 1, x: 7, y: sigmoid(1) },
  ])("σ($w·$x + $b)", ({ w, b, x, y }) => {
    expect(neuronOutput(w, b, x)).toBeCloseTo(y, 12);
  });
});

describe("the sliders snap to their steps", () => {
  test.each([
    [0.14, RANGES.w, 0.1],
    [0.16, RANGES.w, 0.2],
    [-7, RANGES.w, -5],
    [99, RANGES.b, 10],
    [1.3, RANGES.b, 1.5],
    [Number.NaN, RANGES.x, 0],
  ])("%f in %j → %f", (v, range, expected) => {
    expect(snap(v, range)).toBe(expected);
  });
});

describe("the plot's coordinates", () => {
  test.each([
    [VIEW.xMin, 0, VIEW.left, VIEW.height - VIEW.bottom],
    [VIEW.xMax, 1, VIEW.width - VIEW.right, VIEW.top],
    [0, 0.5, (VIEW.left + VIEW.width - VIEW.right) / 2, (VIEW.top + VIEW.height - VIEW.bottom) / 2],
  ])("(%d, %d) is drawn at (%d, %d)", (x, y, px, py) => {
    expect(toPx(x, y)).toEqual([px, py]);
  });

  test.each([-10, -2.5, 0, 4, 10])("xFromPx undoes toPx at x = %d", (x) => {
    expect(xFromPx(toPx(x, 0)[0])).toBeCloseTo(x, 9);
  });

  test("xFromPx clamps a pointer outside the plot to its edges", () => {
    expect([xFromPx(-50), xFromPx(1000)]).toEqual([VIEW.xMin, VIEW.xMax]);
  });

  test("the path has one point per sample, starting with a move", () => {
    const d = curvePath(1, 0, 5);
    expect(d.split(" ")).toHaveLength(5);
    expect(d.startsWith("M")).toBe(true);
  });

  test("a steep curve is drawn near the bottom left of its midpoint and near the top right of it", () => {
    const pts = curvePath(5, 0, 3).split(" ").map((p) => p.slice(1).split(",").map(Number));
    expect(pts[0][1]).toBeCloseTo(VIEW.height - VIEW.bottom, 1);
    expect(pts[2][1]).toBeCloseTo(VIEW.top, 1);
  });
});

describe("midpoint and description", () => {
  test.each([
    [1, 0, 0],
    [2, -4, 2],
    [-0.5, 1, 2],
    [0, 3, null],
  ])("σ(%d·x + %d) crosses ½ at %s", (w, b, mid) => {
    expect(midpoint(w, b)).toBe(mid);
  });

  test.each([
    [1, 0, /rises from 0 to 1, crossing ½ at x = −b\/w = 0; an S/],
    [-1, 2, /falls from 1 to 0, crossing ½ at x = −b\/w = 2/],
    [5, 0, /almost a step/],
    [0.2, 0, /a gentle ramp/],
    [0.5, 10, /off the plot at x = −20/],
    [0, 0, /flat line at σ\(0\) = 0.5/],
  ])("w = %d, b = %d", (w, b, pattern) => {
    expect(describeCurve(w, b)).toMatch(pattern);
  });

  test.each([
    [1, "rises from 0 to 1", "going from 0.1 to 0.9 over about 4.4 units of x"],
    [-1, "falls from 1 to 0", "going from 0.9 to 0.1 over about 4.4 units of x"],
    [-2, "falls from 1 to 0", "going from 0.9 to 0.1 over about 2.2 units of x"],
  ])("w = %d: the curve %s, and the readout says which way it goes", (w, dir, span) => {
    const text = describeCurve(w, 0);
    expect(text).toContain(dir);
    expect(text).toContain(span);
  });
});

describe("the reader's curve is described from the values it drew", () => {
  const xs = sampleXs();
  const noMinus = (z: number) => 1 / (1 + Math.exp(z)); // sigma with its minus sign lost

  test("a sigma missing its minus sign falls, and the sentence says so", () => {
    const text = describeValues(xs, xs.map(noMinus), "sigma");
    expect(text).toBe("Your sigma draws a curve that falls from 1 to 0, crossing ½ at x = 0.");
    expect(text).not.toContain("rises");
  });

  test("a correct sigma rises, crossing ½ where the values do", () => {
    expect(describeValues(xs, xs.map((x) => sigmoid(x - 2)), "sigma")).toBe("Your sigma draws a curve that rises from 0 to 1, crossing ½ at x = 2.");
  });

  test("a flat answer, a bump and a curve that stays above ½ are each named", () => {
    expect(describeValues(xs, xs.map(() => 0.25), "f")).toBe("Your f draws a flat line at 0.25: the input makes no difference.");
    expect(describeValues(xs, xs.map((x) => Math.exp(-x * x)), "f")).toMatch(/^Your f draws a curve that goes up and down between 0 and 1, crossing ½ at x = −0\.8: not an S\.$/);
    expect(describeValues(xs, xs.map((x) => 0.65 + 0.01 * x), "f")).toMatch(/rises from 0\.55 to 0\.75, never crossing ½ on the plot/);
  });
});

describe("the dashed σ(x) shows, and the legend names it, only where the drawn curve leaves it", () => {
  const xs = sampleXs();
  const drawn = (w: number, b: number) => xs.map((x) => neuronOutput(w, b, x));

  test("at the start (w = 1, b = 0: also the page before it runs) the curve covers σ(x) exactly", () => {
    expect(referenceShows(xs, drawn(1, 0))).toBe(false);
  });

  test.each([
    [2, 0],
    [1, 0.5],
    [-1, 0],
    [0, 0],
  ])("w = %d, b = %d: the curves part, so the comparison shows", (w, b) => {
    expect(referenceShows(xs, drawn(w, b))).toBe(true);
  });

  test("the reader's correct sigma covers it too; one missing its minus sign does not", () => {
    expect(referenceShows(xs, xs.map((x) => 1 / (1 + Math.exp(-x))))).toBe(false);
    expect(referenceShows(xs, xs.map((x) => 1 / (1 + Math.exp(x))))).toBe(true);
  });

  test("a difference under the curve's own width stays hidden", () => {
    expect(referenceShows(xs, xs.map((x) => sigmoid(x) + 0.002))).toBe(false);
  });
});

describe("the readout never breaks a line inside a formula", () => {
  test("each formula of a description is one run, the prose around it is left free to wrap", () => {
    const text = describeCurve(1, -1.5);
    const runs = formulaRuns(text);
    expect(runs.map((r) => r.text).join("")).toBe(text);
    expect(runs.filter((r) => r.formula).map((r) => r.text)).toEqual(["x = −b/w = 1.5"]);
    expect(runs.find((r) => !r.formula && r.text.includes("units of x"))).toBeDefined();
  });

  test.each([
    [describeCurve(0.5, 10), ["x = −20"]],
    [describeCurve(0, 0), ["σ(0) = 0.5."]],
    ["Your sigma draws a curve that rises from 0 to 1, crossing ½ at x = 2.", ["x = 2."]],
    ["no formula here", []],
  ])("%s", (text, formulas) => {
    const runs = formulaRuns(text);
    expect(runs.map((r) => r.text).join("")).toBe(text);
    expect(runs.filter((r) => r.formula).map((r) => r.text)).toEqual(formulas);
  });
});
