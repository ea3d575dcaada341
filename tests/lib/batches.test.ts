import { describe, expect, test } from "vitest";
import { Matrix, checkSamples, gatherBatch, identityOrder } from "nnfs";

const X = Matrix.from([[0, 0], [1, 1], [2, 2], [3, 3]]); // [4, 2]

describe("minibatches", () => {
  test("identityOrder(n) is 0…n−1", () => {
    expect(Array.from(identityOrder(4))).toEqual([0, 1, 2, 3]);
    expect(identityOrder(0).length).toBe(0);
  });

  test("gatherBatch copies the samples of order[from…to), with their labels", () => {
    const order = Int32Array.from([3, 1, 0, 2]);
    const { Xb, yb } = gatherBatch(X, [10, 11, 12, 13], order, 1, 3);
    expect(Xb.toArray()).toEqual([[1, 1], [0, 0]]);
    expect(Array.from(yb as Int32Array)).toEqual([11, 10]);
  });

  test("and one-hot rows, reusing the previous batch's memory when the size is the same", () => {
    const Y = Matrix.from([[1, 0], [0, 1], [1, 0], [0, 1]]);
    const first = gatherBatch(X, Y, identityOrder(4), 0, 2);
    const second = gatherBatch(X, Y, identityOrder(4), 2, 4, first);
    expect(second.Xb).toBe(first.Xb);
    expect(second.Xb.toArray()).toEqual([[2, 2], [3, 3]]);
    expect((second.yb as Matrix).toArray()).toEqual([[1, 0], [0, 1]]);
    const last = gatherBatch(X, Y, identityOrder(4), 3, 4, second);
    expect(last.Xb).not.toBe(second.Xb); // a smaller last batch gets its own
  });

  test("checkSamples wants one target per row", () => {
    expect(() => checkSamples("train", X, [1, 2, 3])).toThrow("train: X is [4×2] but y has 3 labels");
    expect(() => checkSamples("train", X, Matrix.zeros(3, 2))).toThrow("train: X is [4×2] but y has 3 rows");
    expect(() => checkSamples("train", [[1]] as unknown as Matrix, [1])).toThrow("train: X must be a Matrix");
  });
});
