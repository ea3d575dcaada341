import { describe, expect, test } from "vitest";
import { Matrix } from "nnfs";
import { describeReading, readDigit } from "../../../components/islands/draw-digit/trained-reader.ts";
import { DEFAULTS, buildModel } from "../../../components/islands/trainer/settings.ts";

describe("the trained network reads a drawing", () => {
  const network = buildModel({ ...DEFAULTS, hidden: 16 });
  const pixels = Array.from({ length: 784 }, (_, i) => (i % 28 > 10 && i % 28 < 14 ? 1 : 0));

  test("ten outputs that add up to 1, the same as the network's forward pass", () => {
    const out = readDigit(network, pixels);
    expect(out).toHaveLength(10);
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const yHat = network.forward(new Matrix(1, 784, Float32Array.from(pixels))); // [1, 10]
    expect(out).toEqual(Array.from(yHat.data));
  });

  test("a drawing of the wrong size is refused, naming the sizes", () => {
    expect(() => readDigit(network, [1, 2, 3])).toThrow(/readDigit: expected 784 pixels, got 3/);
  });

  test.each([
    [[0.9, 0.05, 0.05, 0, 0, 0, 0, 0, 0, 0], null, "It reads a 0 (90 %)."],
    [[0.1, 0, 0, 0, 0, 0, 0, 0.6, 0, 0.3], 7, "It reads a 7 (60 %), or perhaps a 9 (30 %). Right: the digit is a 7."],
    [[0, 0, 0, 0.55, 0, 0.45, 0, 0, 0, 0], 5, "It reads a 3 (55 %), or perhaps a 5 (45 %). Wrong: the digit is a 5."],
  ] as [number[], number | null, string][])("%j, label %s", (outputs, label, text) => {
    expect(describeReading(outputs, label)).toBe(text);
  });
});
