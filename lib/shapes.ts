/**
 * Chapter 3: shapes in the types. A `Matrix<R, C>` carries its sizes in its
 * type where the code knows them, so the editor can underline a product whose
 * inner sizes differ before the code runs. These are the checks the library's
 * signatures share. None of them does arithmetic on sizes or recurses: each is
 * a few conditional types deep, whatever the sizes, so the compiler in the
 * page's worker never runs out of stack. A size known only at run time is
 * `number`, which fits any size and leaves the check to run time.
 */
import type { Matrix } from "./matrix.ts";
import type { SizesFit } from "./sizes.ts";

/**
 * The second operand of an element-wise operation: a `Matrix<R2, C2>` when its
 * shape can be the first one's, else the message the editor shows.
 *
 * @chapter 3
 * @example
 * add(Matrix.zeros(2, 3), Matrix.zeros(3, 2)); // underlined: shapes differ: Matrix<2, 3> and Matrix<3, 2>
 */
export type SameShape<R extends number, C extends number, R2 extends number, C2 extends number> =
  [SizesFit<R, R2>, SizesFit<C, C2>] extends [true, true] ? Matrix<R2, C2> : `shapes differ: Matrix<${R}, ${C}> and Matrix<${R2}, ${C2}>`;

/**
 * What `Dense.forward` gives for its input: a `number[]` for one sample, a
 * `Matrix<B, Out>` for a batch of B samples.
 *
 * @chapter 3
 * @example
 * type Z = DenseOutput<Matrix<32, 784>, 128>; // Matrix<32, 128>
 */
export type DenseOutput<X, Out extends number> = X extends readonly number[] ? number[] : X extends Matrix<infer B, number> ? Matrix<B, Out> : never;
