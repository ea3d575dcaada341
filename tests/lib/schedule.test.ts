import { describe, expect, test } from "vitest";
import { Dense, Matrix, SGD, Sequential, Softmax, inverseTimeDecay, stepDecay, train } from "nnfs";

describe("learning-rate schedules", () => {
  test.each([
    { step: 0, lr: 0.1 },
    { step: 1000, lr: 0.05 },
    { step: 3000, lr: 0.025 },
  ])("inverseTimeDecay(0.1, 1e-3) at step $step is $lr", ({ step, lr }) => {
    expect(inverseTimeDecay(0.1, 1e-3)(step)).toBeCloseTo(lr, 12);
  });

  test.each([
    { step: 0, lr: 0.1 },
    { step: 249, lr: 0.1 },
    { step: 250, lr: 0.05 },
    { step: 500, lr: 0.025 },
  ])("stepDecay(0.1, 0.5, 250) at step $step is $lr", ({ step, lr }) => {
    expect(stepDecay(0.1, 0.5, 250)(step)).toBeCloseTo(lr, 12);
  });

  test.each([
    { make: () => inverseTimeDecay(-1, 0), message: "inverseTimeDecay: lr is -1" },
    { make: () => inverseTimeDecay(0.1, Number.NaN), message: "inverseTimeDecay: decay is NaN" },
    { make: () => stepDecay(0.1, 2, 10), message: "stepDecay: factor is 2; it must be in [0, 1]" },
    { make: () => stepDecay(0.1, 0.5, 0), message: "stepDecay: every must be a whole number > 0, got 0" },
  ])("bad settings are refused: $message", ({ make, message }) => {
    expect(make).toThrow(message);
  });

  test("train sets the optimiser's rate before every step, counting steps across epochs", async () => {
    const optimizer = new SGD({ lr: 1 });
    const rates: number[] = [];
    const X = Matrix.from([[0, 1], [1, 0], [1, 1]]);
    await train(new Sequential([new Dense(2, 2), new Softmax()]), X, [0, 1, 1], {
      epochs: 2, batchSize: 2, optimizer, lrSchedule: (step) => 1 / (step + 1), onBatch: () => void rates.push(optimizer.lr),
    });
    expect(rates).toEqual([1, 1 / 2, 1 / 3, 1 / 4]);
  });
});
