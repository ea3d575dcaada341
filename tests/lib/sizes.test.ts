/**
 * lib/sizes.ts: the two size checks, compiled by the editor's own language
 * service with nnfs's declarations. Each case asks the compiler to accept an
 * exact type (`Equal`) and must give no problem; the last one must give one,
 * so a check that accepted everything would fail here.
 */
import { describe, expect, test } from "vitest";
import { fileURLToPath } from "node:url";
import { CellTypes } from "../../components/cell/types/service.ts";
import { cellTypeFiles } from "../../components/cell/types/type-files.ts";

const types = new CellTypes(cellTypeFiles(fileURLToPath(new URL("../../lib/index.ts", import.meta.url))));
const header = `import type { SizesFit, RowLength } from "nnfs";
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
const yes = <T extends true>() => 0;
`;
let count = 0;
function problems(code: string): string[] {
  const file = `/book/sizes-${++count}.ts`;
  types.set([{ file, code: header + code }]);
  return types.problems(file).map((p) => p.message);
}

describe("SizesFit", () => {
  test.each([
    ["equal literal sizes fit", "yes<Equal<SizesFit<4, 4>, true>>();"],
    ["different literal sizes do not", "yes<Equal<SizesFit<4, 5>, false>>();"],
    ["number fits a literal size, either way round", "yes<Equal<SizesFit<number, 5>, true>>(); yes<Equal<SizesFit<5, number>, true>>();"],
  ])("%s", (_, code) => expect(problems(code)).toEqual([]));
});

describe("RowLength", () => {
  test.each([
    ["a written-out first row gives its length", "yes<Equal<RowLength<[[1, 2, 3], [4, 5, 6]]>, 3>>();"],
    ["rows known only at run time give number", "yes<Equal<RowLength<number[][]>, number>>();"],
  ])("%s", (_, code) => expect(problems(code)).toEqual([]));

  test("a wrong length is a type error (the check can fail)", () => {
    expect(problems("yes<Equal<RowLength<[[1, 2, 3]]>, 2>>();").length).toBe(1);
  });
});
