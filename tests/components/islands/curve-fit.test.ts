import { describe, expect, test } from "vitest";
import { Random } from "nnfs";
import {
  createNet,
  curve,
  gradients,
  AXIS_LABELS,
  keyMove,
  loss,
  moveTo,
  nearestIndex,
  pathOf,
  PLOT,
  predict,
  preset,
  SHAPES,
  SIZES,
  snap,
  toSvg,
  train,
  yFromClient,
  type Shape,
} from "../../../components/islands/curve-fit/curve-fit.ts";

describe("createNet", () => {
  test.each([
    { hidden: [1], sizes: [1, 1, 1] },
    { hidden: [16], sizes: [1, 16, 1] },
    { hidden: [8, 8], sizes: [1, 8, 8, 1] },
  ])("hidden $hidden has sizes $sizes", ({ hidden, sizes }) => {
    const net = createNet(hidden);
    expect(net.sizes).toEqual(sizes);
    expect(net.layers.map((l) => [l.W.length, l.b.length])).toEqual(sizes.slice(1).map((n, k) => [sizes[k] * n, n]));
  });

  test.each([[[]], [[0]], [[2.5]]])("rejects hidden sizes %j", (hidden) => {
    expect(() => createNet(hidden)).toThrow(/createNet: hidden sizes/);
  });

  test("draws its first weights from the library's Random with the seed, scaled by 3", () => {
    const rng = new Random(7);
    const expected = Array.from({ length: 4 }, () => rng.uniform(-1, 1) * 3);
    expect(Array.from(createNet([4], 7).layers[0].W)).toEqual(expected);
  });

  test("is deterministic for a seed", () => {
    expect(predict(createNet([16], 3), 0.3)).toBe(predict(createNet([16], 3), 0.3));
    expect(predict(createNet([16], 3), 0.3)).not.toBe(predict(createNet([16], 4), 0.3));
  });
});

describe("gradients", () => {
  // Every analytic gradient agrees with a finite difference of the loss.
  test.each([{ hidden: [3] }, { hidden: [4, 3] }])("match finite differences for hidden $hidden", ({ hidden }) => {
    const net = createNet(hidden, 5);
    const points = preset("wave", 5);
    const { grads, loss: l } = gradients(net, points);
    expect(l).toBeCloseTo(loss(net, points), 12);
    const params = net.layers.flatMap((layer) => [layer.W, layer.b]);
    const h = 1e-6;
    params.forEach((p, k) => {
      for (let i = 0; i < p.length; i++) {
        const old = p[i];
        p[i] = old + h;
        const up = loss(net, points);
        p[i] = old - h;
        const down = loss(net, points);
        p[i] = old;
        expect(grads[k][i]).toBeCloseTo((up - down) / (2 * h), 6);
      }
    });
  });

  test("no points: zero loss and zero gradients", () => {
    const { grads, loss: l } = gradients(createNet([2]), []);
    expect(l).toBe(0);
    expect(grads.every((g) => g.every((v) => v === 0))).toBe(true);
  });
});

describe("training", () => {
  test.each(["wave", "line", "step", "bump"] as Shape[])("16 neurons fit the %s closely", (shape) => {
    const points = preset(shape);
    const net = createNet([16]);
    const before = loss(net, points);
    const after = train(net, points, 1500);
    expect(after).toBeLessThan(before);
    expect(after).toBeLessThan(1e-3);
  });

  // The chapter's point: a network too small cannot bend enough.
  test.each(["wave", "bump"] as Shape[])("one neuron cannot fit the %s, sixteen can", (shape) => {
    const points = preset(shape);
    expect(train(createNet([1]), points, 1500)).toBeGreaterThan(0.02);
    expect(train(createNet([16]), points, 1500)).toBeLessThan(1e-3);
  });

  test("the curve runs from -1 to 1 and follows the network", () => {
    const net = createNet([3]);
    const c = curve(net, 5);
    expect(c.map((p) => p.x)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(c[2].y).toBe(predict(net, 0));
  });
});

describe("points", () => {
  test.each([
    { shape: "line" as Shape, ys: [-0.55, -0.4, -0.25, -0.15, 0, 0.15, 0.25, 0.4, 0.55] },
    { shape: "step" as Shape, ys: [-0.6, -0.6, -0.6, -0.6, 0.6, 0.6, 0.6, 0.6, 0.6] },
  ])("preset $shape", ({ shape, ys }) => {
    const points = preset(shape);
    expect(points.map((p) => p.x)).toEqual([-0.9, -0.675, -0.45, -0.225, 0, 0.225, 0.45, 0.675, 0.9]);
    expect(points.map((p) => p.y)).toEqual(ys);
  });

  test("every preset stays inside the plot", () => {
    for (const shape of Object.keys(SHAPES) as Shape[]) {
      expect(preset(shape).every((p) => Math.abs(p.y) <= 1)).toBe(true);
    }
  });

  test.each([
    [0.51, 0.5],
    [0.53, 0.55],
    [-0.024, 0],
    [2, 1],
    [-7, -1],
  ])("snap(%d) = %d", (y, expected) => expect(snap(y)).toBe(expected));

  test.each([
    ["ArrowUp", 0.5, 0.55],
    ["ArrowRight", 0.5, 0.55],
    ["ArrowDown", 0.5, 0.45],
    ["ArrowLeft", -1, -1],
    ["PageUp", 0.5, 0.75],
    ["PageDown", 0, -0.25],
    ["Home", 0, 1],
    ["End", 0, -1],
    ["a", 0, null],
    ["Tab", 0, null],
  ])("key %s from %d goes to %s", (key, y, expected) => expect(keyMove(key as string, y as number)).toBe(expected));

  test.each([
    { sx: 0, i: 0 },
    { sx: PLOT.width / 2, i: 1 },
    { sx: PLOT.width / 2 + 10, i: 1 },
    { sx: PLOT.width * 0.8, i: 2 },
    { sx: PLOT.width, i: 2 },
  ])("a press at sx = $sx grabs point $i", ({ sx, i }) => {
    expect(nearestIndex(preset("line", 3), sx)).toBe(i);
  });

  test("moveTo changes one point and keeps the others", () => {
    const points = preset("line", 3);
    const moved = moveTo(points, 1, 0.72);
    expect(moved[1]).toEqual({ x: 0, y: 0.7 });
    expect(moved[0]).toBe(points[0]);
    expect(points[1].y).toBe(0);
  });
});

describe("the axis labels", () => {
  // A label's box at the largest size the page gives it (26 units on a phone), a letter
  // about 0.6 em wide; a dot's at its largest (18 units, focused on a phone).
  const size = 26;
  const dotR = 18;
  const box = (l: (typeof AXIS_LABELS)["x"]) => {
    const w = 0.6 * size;
    const left = l.anchor === "end" ? l.sx - w : l.sx;
    return { left, right: left + w, top: l.sy - size / 2, bottom: l.sy + size / 2 };
  };
  // Every column a dot can stand in, at any height.
  const columns = preset("wave").map((p) => toSvg({ x: p.x, y: 0 }).sx);

  test.each(["x", "y"] as const)("the %s label lies beside every column of dots, never under one", (axis) => {
    const b = box(AXIS_LABELS[axis]);
    for (const sx of columns) expect(b.right < sx - dotR || b.left > sx + dotR).toBe(true);
  });

  test.each(["x", "y"] as const)("the %s label stays inside the picture", (axis) => {
    const b = box(AXIS_LABELS[axis]);
    expect(b.left).toBeGreaterThanOrEqual(0);
    expect(b.right).toBeLessThanOrEqual(PLOT.width);
    expect(b.top).toBeGreaterThanOrEqual(0);
  });

  test("the x label sits past the end of the x axis, where the curve never goes", () => {
    expect(box(AXIS_LABELS.x).left).toBeGreaterThan(toSvg({ x: 1, y: 0 }).sx);
  });
});

describe("the plot", () => {
  const { width, height, pad } = PLOT;
  test.each([
    { p: { x: -1, y: 1 }, svg: { sx: pad, sy: pad } },
    { p: { x: 1, y: -1 }, svg: { sx: width - pad, sy: height - pad } },
    { p: { x: 0, y: 0 }, svg: { sx: width / 2, sy: height / 2 } },
  ])("toSvg($p)", ({ p, svg }) => expect(toSvg(p)).toEqual(svg));

  test.each([
    // The plot drawn at half size, 100 px from the top of the window.
    { clientY: 100 + pad / 2, y: 1 },
    { clientY: 100 + height / 4, y: 0 },
    { clientY: 100 + height / 2 - pad / 2, y: -1 },
    { clientY: 0, y: 1 },
    { clientY: 1000, y: -1 },
  ])("the pointer at clientY $clientY is y = $y", ({ clientY, y }) => {
    expect(yFromClient(clientY, 100, height / 2)).toBe(y);
  });

  test("pathOf draws through the points, keeping wild values near the plot", () => {
    expect(pathOf([{ x: -1, y: 1 }, { x: 1, y: -1 }])).toBe(`M${pad}.0,${pad}.0 L${width - pad}.0,${height - pad}.0`);
    expect(pathOf([{ x: 0, y: 1e9 }])).toBe(pathOf([{ x: 0, y: 3 }]));
  });

  test("the sizes grow from one neuron to two layers", () => {
    expect(SIZES.map((s) => s.hidden)).toEqual([[1], [3], [16], [8, 8]]);
  });
});
