import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { CACHE_LINE_BYTES, LOOP_ORDER_FIGURE, curvePath, innerLoopReads, networkLayout, shownIndices, toBox } from "../../components/figures/figures.ts";

describe("shownIndices", () => {
  test.each([
    { size: 4, max: 6, indices: [0, 1, 2, 3], gapAfter: null },
    { size: 6, max: 6, indices: [0, 1, 2, 3, 4, 5], gapAfter: null },
    { size: 784, max: 6, indices: [0, 1, 2, 782, 783], gapAfter: 2 },
    { size: 16, max: 7, indices: [0, 1, 2, 13, 14, 15], gapAfter: 2 },
  ])("$size neurons, at most $max drawn", ({ size, max, indices, gapAfter }) => {
    expect(shownIndices(size, max)).toEqual({ indices, gapAfter });
  });

  test.each([
    { size: 0, max: 6, message: "shownIndices: size 0 must be a whole number of neurons, at least 1" },
    { size: 2.5, max: 6, message: "shownIndices: size 2.5 must be a whole number of neurons, at least 1" },
    { size: 10, max: 2, message: "shownIndices: maxShown 2 must be a whole number, at least 3" },
  ])("refuses size $size, max $max", ({ size, max, message }) => {
    expect(() => shownIndices(size, max)).toThrow(message);
  });
});

describe("networkLayout", () => {
  const layout = networkLayout(
    [
      { name: "input", size: 784 },
      { name: "hidden", size: 3 },
      { name: "output", size: 10 },
    ],
    { width: 480, maxShown: 6, step: 40, radius: 10, top: 10, bottom: 50 },
  );

  test("columns are evenly spaced across the width, inside the margins", () => {
    const xs = layout.layers.map((l) => l.x);
    expect(xs[1] - xs[0]).toBeCloseTo(xs[2] - xs[1]);
    expect(xs[0]).toBeGreaterThan(0);
    expect(xs[2]).toBeLessThan(480);
  });

  test("a long layer draws its first and last neurons and a gap between them", () => {
    const input = layout.layers[0];
    expect(input.nodes.map((n) => n.index)).toEqual([0, 1, 2, 782, 783]);
    expect(input.gap).not.toBeNull();
    expect(input.gap!.y).toBeGreaterThan(input.nodes[2].y);
    expect(input.gap!.y).toBeLessThan(input.nodes[3].y);
    expect(layout.layers[1].gap).toBeNull();
  });

  test("every column is centred on the same middle line, and the picture is tall enough for the tallest", () => {
    const middles = layout.layers.map((l) => {
      const ys = [...l.nodes.map((n) => n.y), ...(l.gap ? [l.gap.y] : [])];
      return (Math.min(...ys) + Math.max(...ys)) / 2;
    });
    for (const m of middles) expect(m).toBeCloseTo(middles[0]);
    const lowest = Math.max(...layout.layers.flatMap((l) => l.nodes.map((n) => n.y)));
    expect(layout.height).toBeGreaterThanOrEqual(lowest + layout.radius + 50);
  });

  test("a network needs two layers", () => {
    expect(() => networkLayout([{ name: "input", size: 3 }])).toThrow("networkLayout: 1 layers; a network diagram needs at least 2");
  });
});

describe("curvePath", () => {
  const domain = { x0: 0, x1: 2, y0: 0, y1: 1 };
  const box = { left: 10, top: 20, width: 100, height: 50 };

  test("toBox maps the domain's corners to the box's corners, y upwards", () => {
    expect(toBox(0, 0, domain, box)).toEqual([10, 70]);
    expect(toBox(2, 1, domain, box)).toEqual([110, 20]);
    expect(toBox(1, 0.5, domain, box)).toEqual([60, 45]);
  });

  test("a straight line through three samples", () => {
    expect(curvePath((x) => x / 2, domain, box, 3)).toBe("M10.0 70.0 L60.0 45.0 L110.0 20.0");
  });

  test.each([
    { f: (x: number) => 1 / (x - 1), message: "curvePath: f(1) is Infinity, not a finite number" },
    { f: () => Number.NaN, message: "curvePath: f(0) is NaN, not a finite number" },
  ])("refuses a function that is not finite: $message", ({ f, message }) => {
    expect(() => curvePath(f, domain, box, 3)).toThrow(message);
  });

  test("refuses an empty domain and too few samples", () => {
    expect(() => curvePath((x) => x, { x0: 1, x1: 1, y0: 0, y1: 1 }, box)).toThrow("curvePath: the domain [1, 1] × [0, 1] is empty");
    expect(() => curvePath((x) => x, domain, box, 1)).toThrow("curvePath: 1 samples; at least 2 are needed");
  });
});

describe("innerLoopReads", () => {
  test("i-j-k reads down a column of B: one cache line per number", () => {
    const reads = innerLoopReads("ijk", 6, 1, 3);
    expect(reads.map((r) => [r.row, r.col])).toEqual([[0, 1], [1, 1], [2, 1], [3, 1], [4, 1], [5, 1]]);
    expect(reads.map((r) => r.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(reads.map((r) => r.line)).size).toBe(6);
  });

  test("i-k-j reads along a row of B: every number of two cache lines", () => {
    const reads = innerLoopReads("ikj", 6, 2, 3);
    expect(reads.map((r) => [r.row, r.col])).toEqual([[2, 0], [2, 1], [2, 2], [2, 3], [2, 4], [2, 5]]);
    expect(reads.map((r) => r.line)).toEqual([4, 4, 4, 5, 5, 5]);
  });

  test("chapter 12's figure cuts B into lines of as many numbers as its text says a 64-byte line holds", () => {
    // The loops the figure stands for use arrays of rows: 64-bit numbers, eight to a 64-byte line.
    expect(CACHE_LINE_BYTES).toBe(64);
    expect(LOOP_ORDER_FIGURE.lineLength).toBe(CACHE_LINE_BYTES / 8);
    expect(LOOP_ORDER_FIGURE.n % LOOP_ORDER_FIGURE.lineLength).toBe(0);
    const chapter = readFileSync(new URL("../../chapters/12-making-it-fast/index.mdx", import.meta.url), "utf8");
    expect(chapter).toMatch(/usually of 64 bytes: eight 64-bit numbers/);
    const caption = chapter.match(/<LoopOrderFigure caption="([^"]*)"/)?.[1] ?? "";
    expect(caption).toContain("eight");
    expect(caption).not.toMatch(/\bsix\b/);
    // Down a column every number costs a line of its own; along a row, one line holds them all.
    const { n, lineLength } = LOOP_ORDER_FIGURE;
    expect(new Set(innerLoopReads("ijk", n, 1, lineLength).map((r) => r.line)).size).toBe(n);
    expect(new Set(innerLoopReads("ikj", n, 2, lineLength).map((r) => r.line)).size).toBe(n / lineLength);
  });

  test.each([
    { n: 0, at: 0, line: 1, message: "innerLoopReads: n 0 must be a whole number, at least 1" },
    { n: 6, at: 6, line: 3, message: "innerLoopReads: at 6 must be a row or column of an 6 × 6 matrix" },
    { n: 6, at: 0, line: 4, message: "innerLoopReads: lineLength 4 must divide n = 6" },
  ])("refuses n $n, at $at, lineLength $line", ({ n, at, line, message }) => {
    expect(() => innerLoopReads("ijk", n, at, line)).toThrow(message);
  });
});
