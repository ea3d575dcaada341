/** Reads the cells out of a chapter's MDX source, as the site's pipeline sees them. */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkMdx from "remark-mdx";
import remarkMath from "remark-math";
import type { Root } from "mdast";
import { collectCells, type CellSource } from "./collect.ts";

export function parseChapter(source: string): CellSource[] {
  const processor = unified().use(remarkParse).use(remarkMath).use(remarkMdx);
  const tree = processor.runSync(processor.parse(source)) as Root;
  return collectCells(tree).map((found) => found.cell);
}
