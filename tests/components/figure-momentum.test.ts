import { describe, expect, test } from "vitest";
import { FIGURE, contourRadii, valley, valleyPath } from "../../components/figures/momentum.ts";

describe("valleyPath: the library's SGD on x² + 10y²", () => {
  test("without momentum, each step multiplies x by 1 − 2·lr and y by 1 − 20·lr", () => {
    const path = valleyPath(0.03, 0, 5);
    expect(path).toHaveLength(6);
    path.forEach(([x, y], t) => {
      expect(x).toBeCloseTo(-5 * (1 - 0.06) ** t, 4);
      expect(y).toBeCloseTo(2 * (1 - 0.6) ** t, 4);
    });
  });

  test("momentum's first step is the plain one, its second adds μ times the first", () => {
    const [, p1, p2] = valleyPath(0.03, 0.5, 2);
    expect(p1[0]).toBeCloseTo(-5 + 0.03 * 10, 5);
    const v1 = 0.03 * 10; // along x
    const v2 = 0.5 * v1 - 0.03 * 2 * p1[0];
    expect(p2[0]).toBeCloseTo(p1[0] + v2, 5);
  });

  test("what the figure shows: momentum 0.5 ends far lower than plain steps; 0.9 swings past the minimum", () => {
    const { lr, steps } = FIGURE;
    const plain = valleyPath(lr, 0, steps);
    const half = valleyPath(lr, 0.5, steps).at(-1)!;
    expect(valley(half)).toBeLessThan(valley(plain.at(-1)!) / 10);
    expect(plain.at(-1)![0]).toBeLessThan(-1.5); // plain steps stop well short of the centre
    expect(plain.every(([x]) => x < 0)).toBe(true); // and never pass it
    const heavy = valleyPath(lr, 0.9, steps);
    expect(Math.max(...heavy.map(([x]) => x))).toBeGreaterThan(1); // overshoots x = 0
  });

  test("bad input is named", () => {
    expect(() => valleyPath(0.03, 0, -1)).toThrow("valleyPath: steps is -1");
    expect(() => contourRadii(0)).toThrow("contourRadii: level is 0");
  });

  test("contour radii", () => {
    expect(contourRadii(10)).toEqual({ rx: Math.sqrt(10), ry: 1 });
  });
});

test("chapter 11 says what the figure draws", async () => {
  const { readFileSync } = await import("node:fs");
  const text = readFileSync(new URL("../../chapters/11-training-better/index.mdx", import.meta.url), "utf8").replace(/\s+/g, " ");
  expect(text).toContain(`${FIGURE.steps} steps of $\\eta = ${FIGURE.lr}$ from the same point`);
  expect(text).toContain(`Twenty-five steps of learning rate ${FIGURE.lr}`);
  expect(FIGURE.steps).toBe(25);
  expect(FIGURE.momenta).toEqual([0, 0.5, 0.9]);
});
