import { describe, expect, test } from "vitest";
import { Matrix, Random, SparseRows, matmul, matmulTransA, matmulTransB, transpose } from "nnfs";

// The textbook triple loop, in 64-bit floats: the reference the fast kernels must match.
function reference(A: Matrix, B: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < A.rows; i++) {
    const row: number[] = [];
    for (let j = 0; j < B.cols; j++) {
      let s = 0;
      for (let k = 0; k < A.cols; k++) s += A.data[i * A.cols + k] * B.data[k * B.cols + j];
      row.push(s);
    }
    out.push(row);
  }
  return out;
}

function random(rows: number, cols: number, rng: Random, zeroFraction = 0): Matrix {
  const m = Matrix.zeros(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = rng.next() < zeroFraction ? 0 : rng.uniform(-1, 1);
  return m;
}

function expectClose(got: Matrix, want: number[][]): void {
  expect(got.shape).toEqual([want.length, want[0]?.length ?? 0]);
  for (let i = 0; i < got.rows; i++) {
    for (let j = 0; j < got.cols; j++) expect(got.data[i * got.cols + j]).toBeCloseTo(want[i][j], 4);
  }
}

// Sizes around multiples of 4 exercise the blocked kernel's leftovers; fewer
// than 16 columns the narrow kernel; the zero fraction picks the dense (0) or
// the sparse (0.8) kernel; 300 rows cross a row panel of the blocked kernel.
const cases = [
  [1, 1, 1], [1, 4, 3], [3, 4, 1], [4, 4, 4], [5, 7, 9], [8, 3, 12], [13, 17, 6], [32, 50, 10],
  [1, 3, 16], [4, 4, 16], [5, 7, 17], [9, 20, 33], [32, 64, 20], [300, 9, 18],
].flatMap(([m, k, n]) => [0, 0.8].map((zeros) => ({ m, k, n, zeros })));

describe("matmul", () => {
  test("the example: one sample, one neuron", () => {
    const X = Matrix.from([[1, 2, 3, 2.5]]);
    const W = Matrix.from([[0.2], [0.8], [-0.5], [1]]);
    expect(matmul(X, W).get(0, 0)).toBeCloseTo(1 * 0.2 + 2 * 0.8 + 3 * -0.5 + 2.5 * 1, 5);
  });

  test.each(cases)("[$m×$k]·[$k×$n], zeros $zeros, matches the triple loop", ({ m, k, n, zeros }) => {
    const rng = new Random(m * 100 + k * 10 + n);
    const A = random(m, k, rng, zeros);
    const B = random(k, n, rng);
    expectClose(matmul(A, B), reference(A, B));
  });

  test("writes into out and overwrites what was there", () => {
    const A = Matrix.from([[1, 2], [3, 4]]);
    const out = Matrix.from([[9, 9], [9, 9]]);
    expect(matmul(A, A, out)).toBe(out);
    expect(out.toArray()).toEqual(reference(A, A));
  });

  test.each([
    { a: [3, 4], b: [3, 4], message: "matmul: [3×4]·[3×4]: inner sizes 4 and 3 differ" },
    { a: [1, 2], b: [3, 1], message: "matmul: [1×2]·[3×1]: inner sizes 2 and 3 differ" },
  ])("[$a]·[$b] throws", ({ a, b, message }) => {
    expect(() => matmul(Matrix.zeros(a[0], a[1]), Matrix.zeros(b[0], b[1]))).toThrow(message);
  });

  test("a non-matrix argument is named", () => {
    expect(() => matmul([[1]] as unknown as Matrix, Matrix.zeros(1, 1))).toThrow(
      "matmul: A must be a Matrix (use Matrix.from(…)), got an array",
    );
  });

  test.each([
    { name: "matmul", run: () => matmul(Matrix.from([[3e38, 3e38]]), Matrix.from([[10], [10]])), message: "matmul: [1×2]·[2×1]: the result [1×1] is Infinity at (0, 0): the inputs are finite but the numbers grew beyond ±3.4·10³⁸ (float32)" },
    { name: "matmulTransB", run: () => matmulTransB(Matrix.from([[3e38]]), Matrix.from([[10]])), message: "matmulTransB: [1×1]·[1×1]ᵀ: the result [1×1] is Infinity at (0, 0)" },
  ])("$name refuses to return an overflowed product", ({ run, message }) => {
    expect(run).toThrow(message);
  });

  test("out of the wrong shape is refused", () => {
    // @ts-expect-error: the editor underlines it too; the run-time check is under test
    expect(() => matmul(Matrix.zeros(2, 3), Matrix.zeros(3, 4), Matrix.zeros(4, 2))).toThrow(
      "matmul: out is [4×2] but the result is [2×4]",
    );
  });
});

describe("matmulTransA and matmulTransB", () => {
  test.each(cases)("Aᵀ·B with A [$k×$m], zeros $zeros", ({ m, k, n, zeros }) => {
    const rng = new Random(7 + m + k + n);
    const A = random(k, m, rng, zeros); // [k, m]
    const B = random(k, n, rng); // [k, n]
    expectClose(matmulTransA(A, B), reference(transpose(A), B));
  });

  test.each(cases)("A·Bᵀ with B [$n×$k], zeros $zeros", ({ m, k, n, zeros }) => {
    const rng = new Random(11 + m + k + n);
    const A = random(m, k, rng, zeros); // [m, k]
    const B = random(n, k, rng); // [n, k]
    expectClose(matmulTransB(A, B), reference(A, transpose(B)));
  });

  test.each([
    // @ts-expect-error: the editor underlines it too; the run-time check is under test
    { run: () => matmulTransA(Matrix.zeros(3, 2), Matrix.zeros(4, 2)), message: "matmulTransA: [3×2]ᵀ·[4×2]: inner sizes 3 and 4 differ" },
    // @ts-expect-error: the editor underlines it too; the run-time check is under test
    { run: () => matmulTransB(Matrix.zeros(3, 2), Matrix.zeros(4, 3)), message: "matmulTransB: [3×2]·[4×3]ᵀ: inner sizes 2 and 3 differ" },
  ])("$message", ({ run, message }) => {
    expect(run).toThrow(message);
  });
});

describe("SparseRows", () => {
  // The lists must give exactly the numbers of the dense path (bit for bit), for
  // every kernel: the chapters print them.
  test.each(cases.filter((c) => c.zeros > 0))("[$m×$k]·[$k×$n] and its Aᵀ·B: the same bits as the matrix", ({ m, k, n, zeros }) => {
    const rng = new Random(3 + m * 7 + k + n);
    const A = random(m, k, rng, zeros); // [m, k]
    const B = random(k, n, rng); // [k, n]
    const D = random(m, n, rng); // [m, n]
    const S = SparseRows.from(A);
    expect(matmul(S, B).data).toEqual(matmul(A, B).data);
    expect(matmulTransA(S, D).data).toEqual(matmulTransA(A, D).data);
  });

  test("shapes are checked as for a matrix", () => {
    expect(() => matmul(SparseRows.from(Matrix.zeros(3, 4)), Matrix.zeros(3, 4))).toThrow(
      "matmul: [3×4]·[3×4]: inner sizes 4 and 3 differ",
    );
    expect(() => matmulTransA(SparseRows.from(Matrix.zeros(3, 2)), Matrix.zeros(4, 2))).toThrow(
      "matmulTransA: [3×2]ᵀ·[4×2]: inner sizes 3 and 4 differ",
    );
  });
});

describe("matmul, matmulTransA, matmulTransB against the reference loops, on random shapes", () => {
  test("whichever kernel they choose, within float32 rounding", async () => {
    const fc = (await import("fast-check")).default;
    const { product, close } = await import("./kernels/helpers.ts");
    const { referenceMatmul, referenceMatmulTransA, referenceMatmulTransB } = await import("../../lib/kernels/reference.ts");
    const M = (rows: number, cols: number, data: Float32Array) => new Matrix(rows, cols, data);
    fc.assert(
      fc.property(product(24), (c) => {
        const want = new Float32Array(c.M * c.N);
        referenceMatmul(c.A, c.B, want, c.M, c.K, c.N);
        expect(close(matmul(M(c.M, c.K, c.A), M(c.K, c.N, c.B)).data, want, 4 * (c.K + 1))).toBe(true);
        expect(close(matmul(SparseRows.from(M(c.M, c.K, c.A)), M(c.K, c.N, c.B)).data, want, 4 * (c.K + 1))).toBe(true);
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(product(24, (m, _, n) => [m, n]), (c) => {
        const want = new Float32Array(c.K * c.N);
        referenceMatmulTransA(c.A, c.B, want, c.M, c.K, c.N);
        expect(close(matmulTransA(M(c.M, c.K, c.A), M(c.M, c.N, c.B)).data, want, 4 * (c.M + 1))).toBe(true);
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(product(24, (_, k, n) => [n, k]), (c) => {
        const want = new Float32Array(c.M * c.N);
        referenceMatmulTransB(c.A, c.B, want, c.M, c.K, c.N);
        expect(matmulTransB(M(c.M, c.K, c.A), M(c.N, c.K, c.B)).data).toEqual(want);
      }),
      { numRuns: 150 },
    );
  });
});
