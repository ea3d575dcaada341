/**
 * The library grows with the book: a chapter's cells and exercises import
 * from "nnfs" only what that chapter or an earlier one introduces, as each
 * export's `@chapter N` doc tag says.
 */
import { describe, expect, test } from "vitest";
import * as nnfs from "nnfs";
import { parseChapter } from "../../components/cell/notebook/parse-chapter.ts";
import { chapterFiles, libExportTags } from "../../scripts/chapters.ts";

/** The names a piece of code imports from "nnfs". */
export function importedNames(code: string): string[] {
  const names: string[] = [];
  for (const m of code.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*["']nnfs["']/g)) {
    for (const part of m[1].split(",")) {
      const name = part.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0];
      if (name) names.push(name);
    }
  }
  return names;
}

const tags = new Map(libExportTags().map((e) => [e.name, e.chapter]));

test("every runtime export of nnfs has a chapter tag", () => {
  const untagged = Object.keys(nnfs).filter((name) => !tags.has(name));
  expect(untagged).toEqual([]);
});

test.each([
  { code: 'import { dot, neuron } from "nnfs";', names: ["dot", "neuron"] },
  { code: 'import {\n  Matrix,\n  matmul as mm,\n} from "nnfs";', names: ["Matrix", "matmul"] },
  { code: 'import { type Layer, Dense } from "nnfs";', names: ["Layer", "Dense"] },
  { code: 'import { x } from "other";', names: [] },
])("importedNames($code)", ({ code, names }) => {
  expect(importedNames(code)).toEqual(names);
});

describe.each(chapterFiles())("$id", ({ id, source }) => {
  test("imports nothing from nnfs that a later chapter introduces", () => {
    const chapter = Number.parseInt(id, 10);
    const { cells, exercises } = parseChapter(source);
    const code = [...cells.map((c) => c.code), ...exercises.flatMap((e) => [e.code, e.solution, e.checks])].join("\n");
    const early = importedNames(code)
      .filter((name) => (tags.get(name) ?? Infinity) > chapter)
      .map((name) => `${name} (${tags.has(name) ? `chapter ${tags.get(name)}` : "no @chapter tag"})`);
    expect(early, `chapter ${chapter} uses what a later chapter introduces`).toEqual([]);
  });
});
