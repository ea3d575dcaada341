/**
 * Every cell and every exercise's solution (and checks) of every chapter
 * type-checks, with the names the cells above define and the real `nnfs`
 * types, as the editor's language service sees them. One TypeScript program
 * per chapter; a type error fails the chapter, naming the file, line and column.
 */
import { describe, expect, test } from "vitest";
import { fileURLToPath } from "node:url";
import { parseChapter } from "../../components/cell/notebook/parse-chapter.ts";
import type { CellOptions } from "../../components/cell/notebook/collect.ts";
import { chapterUnits, type ChapterUnit } from "../../components/cell/types/chapter-units.ts";
import { checkUnits } from "../../components/cell/types/check-units.ts";
import { libDeclarations } from "../../components/cell/types/lib-declarations.ts";
import { chapterFiles } from "../../scripts/chapters.ts";

const nnfs = libDeclarations(fileURLToPath(new URL("../../lib/index.ts", import.meta.url)));

/**
 * Every type problem of a chapter's units, as `file:line:col label: TSnnnn message`.
 * A cell marked `type-error` (`shows`) is there to show an underline: its
 * problems are expected, and it is a problem when it has none.
 */
function problems(rel: string, units: ChapterUnit[], files: Map<string, string>, shows: Set<string> = new Set()): string[] {
  const found = checkUnits(files, new Map(units.map((u) => [u.file, u.code])), nnfs);
  return units.flatMap((u) =>
    shows.has(u.file) ? ((found.get(u.file) ?? []).length > 0 ? [] : [`${rel}:${u.fenceLine} ${u.label}: marked type-error, but it type-checks`]) : (found.get(u.file) ?? []).map((p) => {
      const where = p.inFooter ? `${rel}:${u.fenceLine} (the names it takes from the cells above)` : `${rel}:${u.fenceLine + p.line}:${p.column}`;
      return `${where} ${u.label}: TS${p.code} ${p.message}`;
    }),
  );
}

const chapters = chapterFiles().map((c) => ({ ...c, ...parseChapter(c.source), rel: c.file.slice(c.file.indexOf("chapters/")) }));

const showing = (cells: { index: number; options: CellOptions }[]) => new Set(cells.filter((c) => c.options.typeError).map((c) => `/book/cell-${c.index + 1}.ts`));

describe.each(chapters)("$id type-checks", ({ cells, exercises, rel }) => {
  test("every cell, and every exercise's starting code, solution and checks (a type-error cell has a type error)", () => {
    const { units, files } = chapterUnits(cells, exercises);
    expect(problems(rel, units, files, showing(cells))).toEqual([]);
  });
});

describe("the type check catches", () => {
  const cell = (index: number, code: string) => ({ index, code, output: null, outputForm: false, options: { throws: false, timeoutMs: null }, line: 10 * index + 1 });

  test("a type error in a cell, with its line and column in the chapter", () => {
    const { units, files } = chapterUnits([cell(0, 'import { dot } from "nnfs";'), cell(1, "const n: number = dot([1], [2]);\nconst s: number = \"five\";")], []);
    expect(problems("x.mdx", units, files)).toEqual([`x.mdx:13:7 cell 2: TS2322 Type 'string' is not assignable to type 'number'.`]);
  });

  test("a wrong use of a name an earlier cell defined, and of nnfs's types", () => {
    const { units, files } = chapterUnits(
      [cell(0, 'import { Matrix } from "nnfs";\nlet count = 1;\nfunction twice(x: number) { return 2 * x; }'), cell(1, "count = twice(count);\nconst m: Matrix = twice(3);")],
      [],
    );
    expect(problems("x.mdx", units, files)).toEqual([`x.mdx:13:7 cell 2: TS2322 Type 'number' is not assignable to type 'Matrix<number, number>'.`]);
  });

  test("a cell marked type-error that type-checks, and none in one that does not", () => {
    const marked = (index: number, code: string) => ({ ...cell(index, code), options: { throws: true, timeoutMs: null, typeError: true } satisfies CellOptions });
    const cells = [cell(0, 'import { Matrix, matmul } from "nnfs";'), marked(1, "matmul(Matrix.zeros(3, 4), Matrix.zeros(5, 2));"), marked(2, "matmul(Matrix.zeros(3, 4), Matrix.zeros(4, 2));")];
    const { units, files } = chapterUnits(cells, []);
    expect(problems("x.mdx", units, files, showing(cells))).toEqual(["x.mdx:21 cell 3: marked type-error, but it type-checks"]);
  });

  test("a type error in an exercise's solution, which sees the cells above it", () => {
    const exercise = { index: 0, code: "function f(): string {\n  return \"\";\n}", solution: 'function f(): string { return twice(2); }', checks: 'check("f", () => f(), "4");', line: 30 };
    const { units, files } = chapterUnits([cell(0, "function twice(x: number) { return 2 * x; }")], [exercise]);
    expect(problems("x.mdx", units, files)).toEqual([`x.mdx:36:24 exercise 1 (solution): TS2322 Type 'number' is not assignable to type 'string'.`]);
  });
});
