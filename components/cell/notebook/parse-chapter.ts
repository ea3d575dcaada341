/** Reads the cells and exercises out of a chapter's MDX source, as the site's pipeline sees them. */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkMdx from "remark-mdx";
import remarkMath from "remark-math";
import type { Root } from "mdast";
import { collectCells, collectExercises, type CellSource, type ExerciseSource } from "./collect.ts";

export interface ParsedChapter {
  cells: CellSource[];
  exercises: ExerciseSource[];
}

export function parseChapter(source: string): ParsedChapter {
  const processor = unified().use(remarkParse).use(remarkMath).use(remarkMdx);
  const tree = processor.runSync(processor.parse(source)) as Root;
  return {
    cells: collectCells(tree).map((found) => found.cell),
    exercises: collectExercises(tree).map((found) => found.exercise),
  };
}
