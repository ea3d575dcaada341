/**
 * Chapter 3: sizes as types. The two checks on sizes alone that `Matrix` and
 * the shape checks of lib/shapes.ts share: whether two sizes can be the same,
 * and how long a written-out row is. They import nothing, so `Matrix` can use
 * them without an import loop; no arithmetic on sizes, no recursion.
 */

/**
 * Whether two sizes can be the same: two literal sizes must be equal, and
 * `number` (a size the code only knows when it runs) fits anything, leaving
 * the check to run time. The shape checks of `matmul`, `add`, `Dense` and
 * `Sequential` use it; no arithmetic on sizes, no recursion.
 *
 * @chapter 3
 * @example
 * type A = SizesFit<4, 4>;      // true
 * type B = SizesFit<4, 5>;      // false
 * type C = SizesFit<number, 5>; // true: checked when the code runs
 */
export type SizesFit<A extends number, B extends number> = [A] extends [B] ? true : [B] extends [A] ? true : false;

/**
 * The length of the first row of nested arrays, as a type: `3` for
 * `[[1, 2, 3]]` written out, `number` when only the code's run knows it.
 *
 * @chapter 3
 * @example
 * type N = RowLength<[[1, 2, 3], [4, 5, 6]]>; // 3
 */
export type RowLength<T extends readonly (readonly number[])[]> = T extends readonly [infer First extends readonly number[], ...unknown[]] ? First["length"] : number;
