import { expect, test } from "vitest";
import { Matrix, transpose } from "nnfs";

test.each([
  { M: [[1, 2, 3], [4, 5, 6]], T: [[1, 4], [2, 5], [3, 6]] },
  { M: [[7]], T: [[7]] },
  { M: [[1, 2]], T: [[1], [2]] },
])("transpose($M)", ({ M, T }) => {
  expect(transpose(Matrix.from(M)).toArray()).toEqual(T);
});

test("twice is the matrix itself, and an empty matrix keeps its swapped shape", () => {
  const M = Matrix.from([[1, 2, 3], [4, 5, 6]]);
  expect(transpose(transpose(M)).toArray()).toEqual(M.toArray());
  expect(transpose(Matrix.zeros(0, 3)).shape).toEqual([3, 0]);
});

test("not a matrix: an error", () => {
  expect(() => transpose([[1]] as unknown as Matrix)).toThrow("transpose: A must be a Matrix");
});
