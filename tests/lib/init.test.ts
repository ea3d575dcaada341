import { describe, expect, test } from "vitest";
import { Dense, Random, he, initWeights, small, xavier } from "nnfs";

const stats = (d: Float32Array) => {
  const mean = d.reduce((s, x) => s + x, 0) / d.length;
  return { mean, std: Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / d.length), max: Math.max(...d.map(Math.abs)) };
};

describe("chapter 11's initialisations", () => {
  test.each([
    { name: "xavier", init: xavier, std: Math.sqrt(6 / 400) / Math.sqrt(3), max: Math.sqrt(6 / 400) },
    { name: "he", init: he, std: Math.sqrt(2 / 300), max: Infinity },
    { name: "small", init: small, std: 0.01, max: Infinity },
  ])("$name: [300, 100], mean 0, spread $std", ({ init, std, max }) => {
    const W = init(300, 100, new Random(1));
    expect(W.shape).toEqual([300, 100]);
    const s = stats(W.data);
    expect(Math.abs(s.mean)).toBeLessThan(std / 10);
    expect(s.std / std).toBeGreaterThan(0.97);
    expect(s.std / std).toBeLessThan(1.03);
    expect(s.max).toBeLessThanOrEqual(max);
  });

  test.each(["xavier", "he", "small", "normal"] as const)("Dense knows %s by name, and initWeights does too", (name) => {
    const byName = new Dense(20, 5, { init: name, seed: 4 }).W.data;
    expect(initWeights(20, 5, name, new Random(4)).data).toEqual(byName);
  });

  test("a function and its name give the same weights", () => {
    expect(new Dense(20, 5, { init: he, seed: 2 }).W.data).toEqual(new Dense(20, 5, { init: "he", seed: 2 }).W.data);
  });

  test("an unknown scheme is named", () => {
    expect(() => initWeights(2, 2, "lecun" as never, new Random(0))).toThrow('initWeights: unknown scheme "lecun"');
  });
});
