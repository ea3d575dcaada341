import { describe, expect, test } from "vitest";
import { Dense, Dropout, Matrix, Random, Sequential, Softmax, gradcheck, softmaxCrossEntropy, train } from "nnfs";

const ones = (rows: number, cols: number) => Matrix.from(Array.from({ length: rows }, () => new Array(cols).fill(1)));

describe("Dropout", () => {
  test("not training: passes its input through, and the gradient too", () => {
    const drop = new Dropout(0.5);
    const X = ones(2, 3);
    expect(drop.forward(X)).toBe(X);
    const dY = ones(2, 3);
    expect(drop.backward(dY)).toBe(dY);
  });

  test.each([0.1, 0.5, 0.8])("training with rate %f: drops that fraction and scales the rest by 1/(1 − rate)", (rate) => {
    const drop = new Dropout(rate, { seed: 3 });
    drop.training = true;
    const Y = drop.forward(ones(200, 100)); // [200, 100]
    const kept = Array.from(Y.data).filter((v) => v !== 0);
    expect(Math.abs(1 - kept.length / Y.data.length - rate)).toBeLessThan(0.02);
    for (const v of kept) expect(v).toBeCloseTo(1 / (1 - rate), 5);
    const mean = Array.from(Y.data).reduce((s, v) => s + v, 0) / Y.data.length;
    expect(Math.abs(mean - 1)).toBeLessThan(0.05); // the expected value is unchanged
  });

  test("a new mask on every forward pass; the same seed, the same masks", () => {
    const a = new Dropout(0.5, { seed: 1 }), b = new Dropout(0.5, { seed: 1 });
    a.training = b.training = true;
    const first = a.forward(ones(4, 8)).data, second = a.forward(ones(4, 8)).data;
    expect(second).not.toEqual(first);
    expect(b.forward(ones(4, 8)).data).toEqual(first);
  });

  test("backward lets the gradient through where forward kept the value, scaled the same", () => {
    const drop = new Dropout(0.25, { rng: new Random(2) });
    drop.training = true;
    const Y = drop.forward(ones(5, 6));
    const dX = drop.backward(ones(5, 6).clone());
    expect(dX.data).toEqual(Y.data);
  });

  test("the gradient through a fixed mask passes gradcheck (the layer before it learns through it)", () => {
    const X = Matrix.from([[0.5, -1, 2, 0.3], [1.5, 0.2, -0.7, 1]]); // [2, 4]
    const first = new Dense(4, 6, { seed: 4 }), last = new Dense(6, 3, { seed: 5 });
    const drop = new Dropout(0.5, { seed: 9 });
    drop.training = true;
    const y = [2, 0];
    const model = new Sequential([first, drop, last, new Softmax()]);
    model.backward(softmaxCrossEntropy.backward(model.forward(X), y), { from: 2 });
    expect(first.dW.data.some((g) => g !== 0)).toBe(true);
    // The loss as a function of the first layer's weights, through the mask forward drew
    // (drop.backward(H) is H ⊙ mask).
    const loss = () => softmaxCrossEntropy.forward(new Softmax().forward(last.forward(drop.backward(first.forward(X)))), y);
    const result = gradcheck(loss, first.params());
    expect(result.checked).toBe(30);
    expect(result.ok).toBe(true);
  });

  test("training turns it on for the batches and off afterwards; it saves and loads", async () => {
    const drop = new Dropout(0.3);
    const seen: boolean[] = [];
    const model = new Sequential([new Dense(2, 3, { seed: 1 }), drop, new Dense(3, 2, { seed: 2 }), new Softmax()]);
    const forward = drop.forward.bind(drop);
    drop.forward = (X: Matrix) => (seen.push(drop.training), forward(X));
    const X = Matrix.from([[0, 1], [1, 0], [1, 1], [0, 0]]);
    await train(model, X, [0, 1, 1, 0], { epochs: 1, batchSize: 2, validation: { X, y: [0, 1, 1, 0] } });
    expect(seen).toEqual([true, true, false]); // two batches, then validation
    expect(drop.training).toBe(false);
    const copy = Sequential.fromJSON(JSON.stringify(model));
    expect(copy.layers[1]).toBeInstanceOf(Dropout);
    expect((copy.layers[1] as Dropout).rate).toBe(0.3);
    expect(copy.predict(X)).toEqual(model.predict(X));
  });

  test.each([-0.1, 1, Number.NaN])("rate %f is refused", (rate) => {
    expect(() => new Dropout(rate)).toThrow("Dropout: rate is");
  });

  test("backward before forward, or of the wrong shape, is an error", () => {
    const drop = new Dropout(0.5);
    expect(() => drop.backward(ones(1, 1))).toThrow("Dropout.backward: call forward first");
    drop.forward(ones(2, 2));
    expect(() => drop.backward(ones(2, 3))).toThrow("Dropout.backward: dY is [2×3] but the last forward output was [2×2]");
  });
});
