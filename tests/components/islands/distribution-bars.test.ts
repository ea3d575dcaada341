import { describe, expect, test } from "vitest";
import { N, PRESETS, answerOf, barAt, describe as describeBars, keyBar, keyValue, setProbability, verdict } from "../../../components/islands/distribution-bars/distribution-bars.ts";

const total = (ps: number[]) => ps.reduce((s, p) => s + p, 0);

describe("setProbability", () => {
  test("sets one bar and rescales the others in proportion, keeping the total at 1", () => {
    const ps = setProbability(PRESETS.even.probs, 3, 0.55);
    expect(ps[3]).toBe(0.55);
    for (const [j, p] of ps.entries()) if (j !== 3) expect(p).toBeCloseTo(0.05, 9);
    expect(total(ps)).toBeCloseTo(1, 8);
  });

  test("keeps the other bars' proportions", () => {
    const ps = setProbability([0.5, 0.3, 0.2], 0, 0.8);
    expect(ps[1] / ps[2]).toBeCloseTo(1.5, 9);
    expect(ps).toEqual([0.8, 0.12, 0.08]);
  });

  test.each([
    [1.7, 1],
    [-0.2, 0],
    [Number.NaN, 0],
  ])("clamps %f to %f", (p, expected) => {
    const ps = setProbability(PRESETS.unsure.probs, 5, p);
    expect(ps[5]).toBe(expected);
    expect(total(ps)).toBeCloseTo(1, 8);
  });

  test("when every other bar is 0, what is left is shared evenly", () => {
    const all = setProbability(PRESETS.even.probs, 0, 1);
    expect(all.slice(1).every((p) => p === 0)).toBe(true);
    const ps = setProbability(all, 0, 0.1);
    for (const p of ps.slice(1)) expect(p).toBeCloseTo(0.1, 9);
  });

  test("a bar that does not exist is an error naming it", () => {
    expect(() => setProbability(PRESETS.even.probs, 10, 0.5)).toThrow(/bar 10 is not one of 0…9/);
  });
});

describe("verdict", () => {
  test("an even guess costs ln 10 and 0.09", () => {
    const v = verdict(PRESETS.even.probs, 3);
    expect(v.crossEntropy).toBeCloseTo(Math.log(10), 6);
    expect(v.mse).toBeCloseTo((0.9 ** 2 + 9 * 0.01) / 10, 6);
    expect(v.answer).toBe(0); // a tie goes to the first
    expect(v.right).toBe(false);
  });

  test("confident and right: small loss, right answer", () => {
    const v = verdict(PRESETS.right.probs, 3);
    expect(v.crossEntropy).toBeCloseTo(-Math.log(0.85), 6);
    expect(v.right).toBe(true);
  });

  test("confident and wrong: a probability of 0 is clipped to 1e-7", () => {
    const ps = setProbability(PRESETS.wrong.probs, 3, 0);
    const v = verdict(ps, 3);
    expect(v.crossEntropy).toBeCloseTo(-Math.log(1e-7), 5);
    expect(v.answer).toBe(8);
    expect(v.right).toBe(false);
    expect(v.mse).toBeCloseTo(0.177, 3); // the chapter: "the MSE stops at about 0.18"
  });

  test("the presets are distributions", () => {
    for (const p of Object.values(PRESETS)) {
      expect(p.probs).toHaveLength(N);
      expect(total([...p.probs])).toBeCloseTo(1, 8);
    }
  });

  test("answerOf picks the first of equal largest", () => {
    expect(answerOf([0.2, 0.4, 0.4])).toBe(1);
  });
});

describe("keyboard and pointer", () => {
  test.each([
    ["ArrowUp", 0.1, 0.11],
    ["ArrowDown", 0.1, 0.09],
    ["PageUp", 0.95, 1],
    ["PageDown", 0.05, 0],
    ["Home", 0.4, 0],
    ["End", 0.4, 1],
    ["a", 0.4, null],
  ])("%s from %f gives %s", (key, p, expected) => {
    expect(keyValue(key, p)).toBe(expected);
  });

  test.each([
    ["ArrowLeft", 0, 0],
    ["ArrowLeft", 4, 3],
    ["ArrowRight", 9, 9],
    ["ArrowRight", 2, 3],
    ["ArrowUp", 2, null],
  ])("%s from bar %d goes to %s", (key, k, expected) => {
    expect(keyBar(key, k)).toBe(expected);
  });

  test.each([
    [0, 0, 0, 1],
    [0.999, 1, 9, 0],
    [0.35, 0.25, 3, 0.75],
    [-1, 2, 0, 0],
  ])("a pointer at (%f, %f) sets bar %d to %f", (fx, fy, k, p) => {
    expect(barAt(fx, fy)).toEqual({ k, p });
  });
});

test("the description says what the readout shows", () => {
  expect(describeBars(PRESETS.right.probs, 3)).toBe(
    "The answer, 3, is right. The true digit gets a probability of 0.85, so the cross-entropy is 0.163 and the mean squared error 0.003.",
  );
  expect(describeBars(PRESETS.wrong.probs, 3)).toMatch(/^The answer is 8, but the true digit is 3\./);
});
