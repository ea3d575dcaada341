import { describe, expect, test } from "vitest";
import { Dense } from "nnfs";
import {
  INK_SIZE,
  PEN_STEP,
  SIDE,
  SIZES,
  activations,
  answer,
  blank,
  boundingBox,
  centreOfMass,
  COLUMNS,
  columnYs,
  describeOutputs,
  inkedCount,
  movePen,
  penStatus,
  RADIUS,
  verdict,
  VIEW,
  wires,
  createNetwork,
  fromMnist,
  penKey,
  resample,
  stamp,
  startPen,
  strongest,
  stroke,
  toInk,
  toMnist,
  type Pen,
  type Rect,
} from "../../../components/islands/draw-digit/draw-digit.ts";

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

/** A `size`² image with ink 1 on the rectangle. */
function rect(size: number, r: Rect): Float32Array {
  const img = new Float32Array(size * size);
  for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) img[y * size + x] = 1;
  return img;
}

describe("drawing", () => {
  test("a stamp inks a disc of the brush's radius, darkest in the middle", () => {
    const ink = blank(40);
    stamp(ink, 40, { x: 20, y: 20 }, 5);
    expect(ink[20 * 40 + 20]).toBe(1);
    expect(ink[20 * 40 + 26]).toBe(0); // 6.5 px from the centre: outside
    expect(sum(ink)).toBeGreaterThan(Math.PI * 25 * 0.9);
    expect(sum(ink)).toBeLessThan(Math.PI * 36);
  });

  test("ink never goes above 1, however often a spot is stamped", () => {
    const ink = blank(20);
    for (let i = 0; i < 5; i++) stamp(ink, 20, { x: 10, y: 10 }, 3);
    expect(Math.max(...ink)).toBe(1);
  });

  test("a stroke leaves no gaps between its ends", () => {
    const ink = blank(100);
    stroke(ink, 100, { x: 10, y: 50 }, { x: 90, y: 50 }, 3);
    for (let x = 10; x < 90; x++) expect(ink[50 * 100 + x]).toBe(1);
  });

  test("a brush near the edge is clipped, not wrapped", () => {
    const ink = blank(20);
    stamp(ink, 20, { x: 0, y: 10 }, 4);
    expect(ink[10 * 20 + 19]).toBe(0);
    expect(ink[9 * 20 + 19]).toBe(0);
  });
});

describe("boundingBox", () => {
  test.each<[string, Rect | null]>([
    ["a rectangle", { x: 3, y: 5, w: 4, h: 2 }],
    ["one pixel", { x: 9, y: 0, w: 1, h: 1 }],
    ["nothing", null],
  ])("of %s", (_, r) => {
    const img = r ? rect(10, r) : new Float32Array(100);
    expect(boundingBox(img, 10, 10)).toEqual(r);
  });
});

describe("resample", () => {
  test.each<[string, number, Rect, number, number]>([
    ["shrinks by a whole factor", 8, { x: 0, y: 0, w: 8, h: 8 }, 4, 4],
    ["shrinks by a fractional factor", 10, { x: 0, y: 0, w: 10, h: 10 }, 3, 3],
    ["stretches", 4, { x: 0, y: 0, w: 4, h: 4 }, 6, 6],
    ["crops a region", 10, { x: 2, y: 3, w: 5, h: 4 }, 2, 2],
  ])("a uniform image stays uniform when it %s", (_, size, box, w, h) => {
    const img = new Float32Array(size * size).fill(0.75);
    const out = resample(img, size, box, w, h);
    expect(out.length).toBe(w * h);
    for (const v of out) expect(v).toBeCloseTo(0.75);
  });

  test("keeps the mean ink of the region", () => {
    const img = rect(12, { x: 0, y: 0, w: 5, h: 12 }); // the left 5 of 12 columns
    const out = resample(img, 12, { x: 0, y: 0, w: 12, h: 12 }, 5, 5);
    expect(sum(out) / 25).toBeCloseTo(5 / 12);
  });

  test("averages 2×2 blocks when halving", () => {
    const img = Float32Array.from([1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1]);
    expect(Array.from(resample(img, 4, { x: 0, y: 0, w: 4, h: 4 }, 2, 2))).toEqual([0.75, 0, 0, 1]);
  });
});

describe("centreOfMass", () => {
  test.each<[string, Float32Array, number, { x: number; y: number } | null]>([
    ["one pixel", rect(4, { x: 1, y: 2, w: 1, h: 1 }), 4, { x: 1.5, y: 2.5 }],
    ["a full square", new Float32Array(16).fill(1), 4, { x: 2, y: 2 }],
    ["a left column", rect(4, { x: 0, y: 0, w: 1, h: 4 }), 4, { x: 0.5, y: 2 }],
    ["nothing", new Float32Array(16), 4, null],
  ])("of %s", (_, img, size, expected) => {
    expect(centreOfMass(img, size, size)).toEqual(expected);
  });

  test("weights pixels by their ink", () => {
    const img = new Float32Array(4);
    img[0] = 1;
    img[1] = 3; // a 2×2 image, ink on the top row
    expect(centreOfMass(img, 2, 2)).toEqual({ x: 0.5 * 0.25 + 1.5 * 0.75, y: 0.5 });
  });
});

describe("toMnist", () => {
  test("a blank drawing is 784 zeros", () => {
    const out = toMnist(blank());
    expect(out.length).toBe(784);
    expect(sum(out)).toBe(0);
  });

  // Wherever and however big the reader draws, the digit arrives the same size and centred.
  test.each<[string, Rect]>([
    ["small, top left", { x: 10, y: 10, w: 30, h: 60 }],
    ["large, centred", { x: 40, y: 20, w: 120, h: 240 }],
    ["bottom right", { x: 200, y: 150, w: 50, h: 100 }],
  ])("a tall bar drawn %s fills 20 rows and is centred", (_, r) => {
    const out = toMnist(rect(INK_SIZE, r));
    const box = boundingBox(out, SIDE, SIDE)!;
    expect(box.h).toBe(20);
    expect(box.w).toBe(10);
    const com = centreOfMass(out, SIDE, SIDE)!;
    expect(Math.abs(com.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - 14)).toBeLessThanOrEqual(0.5);
  });

  test("a wide stroke fills 20 columns", () => {
    const box = boundingBox(toMnist(rect(INK_SIZE, { x: 20, y: 100, w: 200, h: 20 })), SIDE, SIDE)!;
    expect(box.w).toBe(20);
    expect(box.h).toBe(2);
  });

  test("centres by mass, not by box: an L leans toward its heavy corner", () => {
    const ink = rect(INK_SIZE, { x: 50, y: 50, w: 20, h: 150 }); // the upright
    const foot = rect(INK_SIZE, { x: 50, y: 180, w: 150, h: 20 }); // the foot
    for (let i = 0; i < ink.length; i++) ink[i] = Math.max(ink[i], foot[i]);
    const out = toMnist(ink);
    const box = boundingBox(out, SIDE, SIDE)!;
    const com = centreOfMass(out, SIDE, SIDE)!;
    expect(Math.abs(com.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - 14)).toBeLessThanOrEqual(0.5);
    // Its mass sits low and to the left of the box's middle, so the box ends up right of and above the centre.
    expect(box.x + box.w / 2).toBeGreaterThan(14);
    expect(box.y + box.h / 2).toBeLessThan(14);
  });

  test("values stay in [0, 1] and the darkest pixel is 1", () => {
    const ink = blank();
    stroke(ink, INK_SIZE, { x: 140, y: 40 }, { x: 140, y: 240 });
    const out = toMnist(ink);
    expect(Math.max(...out)).toBe(1);
    expect(Math.min(...out)).toBe(0);
  });

  test("a real digit survives the trip to the canvas and back", () => {
    const digit = toMnist(rect(INK_SIZE, { x: 100, y: 40, w: 60, h: 200 }));
    const back = toMnist(fromMnist(digit));
    let diff = 0;
    for (let i = 0; i < 784; i++) diff += Math.abs(back[i] - digit[i]);
    expect(diff / sum(digit)).toBeLessThan(0.35);
  });
});

describe("the keyboard pen", () => {
  const at = (x: number, y: number, down = false): Pen => ({ x, y, down });
  test.each<[Pen, string, boolean, Pen | null]>([
    [at(140, 140), "ArrowRight", false, at(140 + PEN_STEP, 140)],
    [at(140, 140), "ArrowLeft", true, at(140 - 3 * PEN_STEP, 140)],
    [at(140, 140, true), "ArrowUp", false, at(140, 140 - PEN_STEP, true)],
    [at(140, 275), "ArrowDown", false, at(140, 279)],
    [at(0, 0), "ArrowLeft", false, at(0, 0)],
    [at(5, 5), " ", false, at(5, 5, true)],
    [at(5, 5, true), "Enter", false, at(5, 5, false)],
    [at(5, 5), "x", false, null],
  ])("%o + %s (shift %s)", (pen, key, shift, expected) => {
    expect(penKey(pen, key, shift)).toEqual(expected);
  });

  test("starts lifted in the middle", () => {
    expect(startPen()).toEqual({ x: INK_SIZE / 2, y: INK_SIZE / 2, down: false });
  });
});

test.each<[number, number, { left: number; top: number; width: number }, { x: number; y: number }]>([
  [10, 20, { left: 10, top: 20, width: 140 }, { x: 0, y: 0 }],
  [80, 90, { left: 10, top: 20, width: 140 }, { x: 140, y: 140 }],
  [300, 300, { left: 0, top: 0, width: 280 }, { x: 300, y: 300 }],
])("toInk(%d, %d) on %o", (cx, cy, r, expected) => {
  expect(toInk(cx, cy, r)).toEqual(expected);
});

describe("the network", () => {
  const digit = toMnist(rect(INK_SIZE, { x: 120, y: 40, w: 40, h: 200 }));

  test("has the sizes 784 → 16 → 16 → 10", () => {
    const net = createNetwork(1);
    expect(net.layers.map((l) => [l.nIn, l.nOut])).toEqual([[784, 16], [16, 16], [16, 10]]);
    expect(SIZES).toEqual([784, 16, 16, 10]);
  });

  test("seed 1 is chapter 6's network: Dense layers seeded 1, 2 and 3", () => {
    const net = createNetwork(1);
    const chapter = [new Dense(784, 16, { seed: 1 }), new Dense(16, 16, { seed: 2 }), new Dense(16, 10, { seed: 3 })];
    net.layers.forEach((layer, i) => expect(layer.W.data).toEqual(chapter[i].W.data));
  });

  test("activations flow layer by layer, each in (0, 1)", () => {
    const acts = activations(createNetwork(1), digit);
    expect(acts.map((a) => a.length)).toEqual([784, 16, 16, 10]);
    for (const layer of acts.slice(1)) for (const a of layer) expect(a > 0 && a < 1).toBe(true);
  });

  test("the same seed gives the same answer; the answer is the brightest output", () => {
    const a = activations(createNetwork(7), digit);
    const b = activations(createNetwork(7), digit);
    expect(a).toEqual(b);
    const out = a[3];
    expect(out[answer(a)]).toBe(Math.max(...out));
  });

  test("a different seed is a different network", () => {
    expect(activations(createNetwork(1), digit)[3]).not.toEqual(activations(createNetwork(2), digit)[3]);
  });

  test("each layer depends only on the one before it", () => {
    const net = createNetwork(3);
    const acts = activations(net, digit);
    const again = net.layers[2].forward(acts[2]).map((z) => 1 / (1 + Math.exp(-z)));
    for (let i = 0; i < 10; i++) expect(again[i]).toBeCloseTo(acts[3][i], 6);
  });

  test("strongest picks the largest weights into each neuron", () => {
    const net = createNetwork(1);
    const lines = strongest(net.layers[2], 3);
    expect(lines.length).toBe(30);
    const into0 = lines.filter((l) => l.to === 0).map((l) => Math.abs(l.w));
    const all0 = Array.from({ length: 16 }, (_, i) => Math.abs(net.layers[2].W.get(i, 0))).sort((a, b) => b - a);
    expect(into0).toEqual(all0.slice(0, 3));
  });
});

describe("the keyboard pen draws", () => {
  const at = (x: number, y: number, down: boolean) => ({ x, y, down });
  test("putting it down stamps one dot where it is", () => {
    const ink = blank();
    expect(movePen(ink, at(100, 100, false), at(100, 100, true))).toBe(true);
    expect(ink[100 * INK_SIZE + 100]).toBe(1);
    expect(ink[100 * INK_SIZE + 140]).toBe(0);
  });
  test("moving it while down draws the stroke between", () => {
    const ink = blank();
    expect(movePen(ink, at(100, 100, true), at(160, 100, true))).toBe(true);
    for (const x of [100, 120, 140, 160]) expect(ink[100 * INK_SIZE + x], `x = ${x}`).toBe(1);
  });
  test.each([
    ["moving it lifted", at(100, 100, false), at(160, 100, false)],
    ["lifting it", at(100, 100, true), at(100, 100, false)],
  ])("%s draws nothing", (_, pen, next) => {
    const ink = blank();
    expect(movePen(ink, pen, next)).toBe(false);
    expect(ink.some((v) => v > 0)).toBe(false);
  });
});

describe("what the island says", () => {
  test("inkedCount counts pixels at least half dark", () => {
    expect(inkedCount([0, 0.49, 0.5, 1, 0.7])).toBe(3);
  });
  test.each([
    [[0.1, 0.9, 0.2], null, false, "The network says 1. Its outputs: 0: 0.10, 1: 0.90, 2: 0.20."],
    [[0.7, 0.3], 1, false, "The network says 0; the digit is a 1. Its outputs: 0: 0.70, 1: 0.30."],
    [[0.5, 0.5], null, true, "Nothing drawn yet: every output sits near one half."],
  ])("describeOutputs(%j, %j, %j)", (out, label, empty, text) => {
    expect(describeOutputs(out, label, empty)).toBe(text);
  });
  test.each([
    [true, true, null, "Pen down: the arrow keys draw."],
    [true, false, 3, "Pen up: the arrow keys move it; Space puts it down."],
    [false, false, 3, "A real handwritten 3, from the training digits."],
    [false, true, null, " "],
  ])("penStatus(focused %j, down %j, label %j)", (focused, down, label, text) => {
    expect(penStatus(focused, { x: 0, y: 0, down }, label)).toBe(text);
  });
  test("a right answer is luck; a wrong one a guess", () => {
    expect(verdict(4, 4)).toMatch(/^Right, but only by luck/);
    expect(verdict(4, 5)).toMatch(/this is a guess/);
    expect(verdict(4, null)).toMatch(/this is a guess/);
  });
});

describe("the network picture", () => {
  test("columnYs spreads neurons evenly between the margins, one alone in the middle", () => {
    const ys = columnYs(10);
    const top = VIEW.pad + RADIUS[2];
    expect(ys[0]).toBe(top);
    expect(ys[9]).toBe(VIEW.h - top);
    expect(ys[5] - ys[4]).toBeCloseTo(ys[1] - ys[0], 12);
    expect(columnYs(1)).toEqual([VIEW.h / 2]);
  });

  test("wires: a fan into each first-layer neuron, and each later neuron's three strongest weights, the strongest most opaque", () => {
    const net = createNetwork(1);
    const { fan, lines } = wires(net);
    expect(fan).toHaveLength(SIZES[1]);
    expect(fan.every((l) => l.x2 === COLUMNS[0] - RADIUS[0])).toBe(true);
    expect(lines).toHaveLength(3 * (SIZES[2] + SIZES[3]));
    const weights = [...strongest(net.layers[1], 3), ...strongest(net.layers[2], 3)];
    const strongestAt = weights.reduce((best, w, k) => (Math.abs(w.w) > Math.abs(weights[best].w) ? k : best), 0);
    expect(lines[strongestAt].opacity).toBeCloseTo(0.75, 12);
    expect(Math.min(...lines.map((l) => l.opacity))).toBeGreaterThanOrEqual(0.15);
    lines.forEach((l, k) => expect(l.positive, `line ${k}`).toBe(weights[k].w >= 0));
    // The first hidden layer's lines start at its column and end at the second's.
    expect(lines[0].x1).toBe(COLUMNS[0] + RADIUS[0]);
    expect(lines[0].x2).toBe(COLUMNS[1] - RADIUS[1]);
    expect(lines.at(-1)!.x2).toBe(COLUMNS[2] - RADIUS[2]);
  });
});
