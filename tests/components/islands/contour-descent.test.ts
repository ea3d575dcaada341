import { describe, expect, test } from "vitest";
import { gradient } from "nnfs";
import {
  LEVELS,
  MAP,
  MAX_STEPS,
  PRESETS,
  RANGES,
  START,
  contour,
  descend,
  arrows,
  describe as describePath,
  lrChanges,
  stepWalk,
  stepsText,
  walkPath,
  walkSteps,
  type Walk,
  fmt,
  fromMap,
  g,
  gradG,
  lossPath,
  tickLabel,
  pathPoints,
  snap,
  toMap,
  trend,
} from "../../../components/islands/contour-descent/contour-descent.ts";

describe("the valley", () => {
  test.each([
    [[0, 0], 0],
    [[5, 1], 35],
    [[-2, 0.5], 6.5],
  ])("g(%j) = %d", (v, value) => {
    expect(g(v)).toBe(value);
  });

  test.each([[[5, 1]], [[-2, 0.3]], [[0.1, -2]]])("the exact gradient at %j agrees with the numerical one", (v) => {
    const numeric = gradient((p) => g(p), v);
    gradG(v).forEach((d, i) => expect(d).toBeCloseTo(numeric[i], 4));
  });
});

describe("descend", () => {
  test("step 0 is the start; each step is x ← x − lr·∇g", () => {
    const path = descend({ x: 5, y: 1 }, 0.05, 2);
    expect(path).toHaveLength(3);
    expect(path[0]).toEqual({ step: 0, x: 5, y: 1, value: 35 });
    expect(path[1].x).toBeCloseTo(4.5, 12);
    expect(path[1].y).toBeCloseTo(0, 12);
    expect(path[2].x).toBeCloseTo(4.05, 12);
  });

  test("never more than MAX_STEPS steps, and no negative ones", () => {
    expect(descend(START, 0.05, 1000)).toHaveLength(MAX_STEPS + 1);
    expect(descend(START, 0.05, -3)).toHaveLength(1);
  });

  test.each([
    [0.01, 100, "descending"],
    [0.05, 100, "arrived"],
    [0.09, 100, "arrived"],
    [0.105, 10, "diverging"],
    [0.05, 0, "start"],
  ])("lr = %f, %d steps from the start: %s", (lr, steps, expected) => {
    expect(trend(descend(START, lr, steps))).toBe(expected);
  });

  test("the zig-zag preset changes the sign of y every step", () => {
    const ys = descend(START, 0.09, 4).map((p) => Math.sign(p.y));
    expect(ys).toEqual([1, -1, 1, -1, 1]);
  });

  test("on the long axis (y = 0) every learning rate on the slider converges, Diverges included", () => {
    for (let lr = RANGES.lr.min; lr <= RANGES.lr.max; lr += RANGES.lr.step) {
      expect(trend(descend({ x: -5, y: 0 }, lr, MAX_STEPS)), `lr = ${lr}`).not.toBe("diverging");
    }
    expect(trend(descend({ x: -5, y: 0 }, PRESETS[3].lr, MAX_STEPS))).toBe("arrived");
  });

  test("the presets are on the slider's steps, and the last one diverges", () => {
    for (const p of PRESETS) expect(snap(p.lr, RANGES.lr)).toBe(p.lr);
    expect(trend(descend(START, PRESETS[3].lr, 20))).toBe("diverging");
  });
});

describe("drawing", () => {
  test.each([
    [MAP.xMin, MAP.yMax, 0, 0],
    [MAP.xMax, MAP.yMin, MAP.width, MAP.height],
    [0, 0, MAP.width / 2, MAP.height / 2],
  ])("(%d, %d) is drawn at (%d, %d)", (x, y, px, py) => {
    expect(toMap(x, y)).toEqual([px, py]);
  });

  test.each([
    [-5, 2],
    [0.5, -1.25],
    [6, 3],
  ])("fromMap undoes toMap at (%d, %d)", (x, y) => {
    const [px, py] = toMap(x, y);
    expect(fromMap(px, py)).toEqual({ x, y });
  });

  test("a click off the map is clamped to the sliders' ranges", () => {
    expect(fromMap(-100, 1000)).toEqual({ x: RANGES.x.min, y: RANGES.y.min });
  });

  test("the contours are ellipses √10 times wider than tall, through the points where g = c", () => {
    for (const c of LEVELS) {
      const e = contour(c);
      expect(e.rx / e.ry).toBeCloseTo(Math.sqrt(10), 6);
      const [px] = toMap(Math.sqrt(c), 0);
      expect(e.cx + e.rx).toBeCloseTo(px, 6);
    }
  });

  test("a diverging path is cut once it is far off the map", () => {
    const path = descend(START, 0.12, 100);
    const pts = pathPoints(path);
    expect(pts.length).toBeLessThan(path.length);
    expect(pts.length).toBeGreaterThan(2);
  });

  test("the loss curve has one point per step and ticks at powers of ten", () => {
    const { d, ticks } = lossPath(descend(START, 0.05, 30));
    expect(d.split(" ")).toHaveLength(31);
    expect(ticks.map((t) => t.value)).toEqual([1e-4, 1e-2, 1, 100]);
  });

  test("a diverging walk's ticks are written as powers of ten, short enough for the axis margin", () => {
    const { ticks } = lossPath(descend(START, 0.105, 100));
    const labels = ticks.map((t) => tickLabel(t.value));
    expect(labels).toEqual(["1e−4", "1", "1e4", "1e8"]);
    expect(Math.max(...labels.map((l) => l.length))).toBeLessThanOrEqual(4);
    expect([1e-2, 1, 10, 100].map(tickLabel)).toEqual(["1e−2", "1", "10", "100"]);
  });
});

describe("words", () => {
  test.each([
    [0.05, 0, /^The ball is at \(−5, 2\), where g = 65\. Press Step/],
    [0.05, 100, /^After 100 steps the ball is at the bottom/],
    [0.01, 5, /^After 5 steps the ball is at .*still going down\.$/],
    [0.105, 20, /^After 20 steps g has grown to .*learning rate 0\.105 is too large\.$/],
  ])("lr = %f after %d steps", (lr, steps, pattern) => {
    expect(describePath(descend(START, lr, steps), lr)).toMatch(pattern);
  });

  test.each([
    [-1.25, 2, "−1.25"],
    [123456, 2, "1.2e+5"],
    [-0.0001, 2, "0"],
  ])("fmt(%f, %d) = %s", (v, d, s) => {
    expect(fmt(v, d)).toBe(s);
  });
});

describe("a walk whose learning rate changes", () => {
  const start = { x: -5, y: 2 };
  const empty: Walk = { start, legs: [] };

  test("steps with one learning rate are the plain descent", () => {
    const w = stepWalk(stepWalk(empty, 0.05, 1), 0.05, 10);
    expect(w.legs).toEqual([{ lr: 0.05, steps: 11 }]);
    expect(walkPath(w)).toEqual(descend(start, 0.05, 11));
  });

  test("a new learning rate goes on from where the ball is: the steps taken stay as they were", () => {
    const before = walkPath(stepWalk(empty, 0.01, 5));
    const w = stepWalk(stepWalk(empty, 0.01, 5), 0.09, 3);
    const path = walkPath(w);
    expect(path.slice(0, 6)).toEqual(before);
    expect(path).toHaveLength(9);
    expect(path.map((p) => p.step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const end = before[5];
    expect(path[6].x).toBeCloseTo(end.x - 0.09 * 2 * end.x, 12);
    expect(path[6].y).toBeCloseTo(end.y - 0.09 * 20 * end.y, 12);
    expect(lrChanges(w)).toEqual([{ step: 0, lr: 0.01 }, { step: 5, lr: 0.09 }]);
    expect(describePath(path, 0.09, lrChanges(w))).toMatch(/Learning rates: 0\.01 from step 0, 0\.09 from step 5\.$/);
  });

  test("never more than MAX_STEPS in all", () => {
    const w = stepWalk(stepWalk(empty, 0.05, 95), 0.01, 10);
    expect(walkSteps(w)).toBe(MAX_STEPS);
    expect(stepWalk(w, 0.05, 1)).toBe(w);
  });
});

describe("the words", () => {
  test("one step is singular", () => {
    expect(stepsText(1)).toBe("1 step");
    expect(stepsText(2)).toBe("2 steps");
    expect(describePath(descend(START, 0.05, 1), 0.05)).toMatch(/^After 1 step the ball/);
  });
});

describe("the downhill arrows", () => {
  const all = arrows();

  test("there are arrows, all starting on the map", () => {
    expect(all.length).toBeGreaterThan(20);
    for (const a of all) expect(a.x1 >= 0 && a.x1 <= MAP.width && a.y1 >= 0 && a.y1 <= MAP.height).toBe(true);
  });

  test("each is perpendicular to its contour and points downhill", () => {
    for (const a of all) {
      // Back from map units to the plane: the contour's tangent at (x, y) is (−10y, x)·k for x² + 10y² = c.
      const unit = MAP.width / (MAP.xMax - MAP.xMin);
      const x = a.x1 / unit + MAP.xMin;
      const y = MAP.yMax - a.y1 / unit;
      const dx = (a.x2 - a.x1) / unit;
      const dy = -(a.y2 - a.y1) / unit;
      const tangent = [-10 * y, x];
      const cos = (dx * tangent[0] + dy * tangent[1]) / (Math.hypot(dx, dy) * Math.hypot(tangent[0], tangent[1]));
      expect(Math.abs(cos)).toBeLessThan(1e-6);
      expect(g([x + dx * 0.01, y + dy * 0.01])).toBeLessThan(g([x, y]));
    }
  });

  test("where the valley is narrow, they point across it more than along it", () => {
    const steep = all.filter((a) => Math.abs(a.y2 - a.y1) > Math.abs(a.x2 - a.x1));
    expect(steep.length).toBeGreaterThan(all.length / 2);
  });
});
