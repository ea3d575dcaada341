/**
 * remark plugin: every ```ts cell fence (and the ```output fence under it)
 * becomes one <Cell> element, and every exercise (```ts exercise, solution,
 * checks) one <Exercise> element; the chapter page maps them to the
 * components of components/cell/. Finding them is collect.ts' job, shared
 * with the tests, so the page and the tests see the same cells. A chapter
 * whose cells draw (plot, showDigit) is run once, and each drawing's line of
 * output is passed on as its picture (components/display/), so the pictures
 * are there before Run.
 */
import path from "node:path";
import type { Root } from "mdast";
import type { VFile } from "vfile";
import { collectCells, collectExercises, type FoundCell } from "../notebook/collect.ts";
import { chapterPictures, draws } from "./pictures.ts";
import { outputHtml } from "../../display/render.ts";
import type { DisplayItem } from "../../../lib/display.ts";

/** The chapter a file belongs to: the name of its folder (`02-a-single-neuron`). */
export function chapterOf(filePath: string | undefined): string {
  return filePath ? path.basename(path.dirname(filePath)) : "";
}

function jsxElement(name: string, attrs: Record<string, string>, position: unknown) {
  return {
    type: "mdxJsxFlowElement",
    name,
    attributes: Object.entries(attrs).map(([key, value]) => ({ type: "mdxJsxAttribute", name: key, value })),
    children: [],
    position,
  };
}

export function remarkCells() {
  return (tree: Root, file: VFile): Promise<void> | void => {
    const chapter = chapterOf(file.path);
    const cells = collectCells(tree);
    // Synchronous unless a cell draws: running the chapter takes a moment.
    if (!cells.some((c) => draws(c.cell.code))) return replace(tree, chapter, cells, []);
    return chapterPictures(chapter, cells.map((c) => c.cell)).then((pictures) => replace(tree, chapter, cells, pictures));
  };
}

/** Puts a <Cell> in place of each cell (with its output's pictures) and an <Exercise> in place of each exercise. */
function replace(tree: Root, chapter: string, cells: FoundCell[], pictures: DisplayItem[][]): void {
  for (const { cell, node, outputNode, parent } of cells) {
    const attrs: Record<string, string> = {
      chapter,
      index: String(cell.index),
      code: cell.code,
      output: cell.output ?? "",
      line: String(cell.line),
    };
    if (cell.output === null) attrs.nooutput = "true";
    else if (cell.outputForm) attrs.outputform = "true";
    else if (pictures[cell.index]?.length) attrs.outputhtml = outputHtml(cell.output, pictures[cell.index]);
    if (cell.options.throws) attrs.throws = "true";
    if (cell.options.timeoutMs !== null) attrs.timeout = String(cell.options.timeoutMs);
    const element = jsxElement("Cell", attrs, node.position);
    const at = parent.children.indexOf(node);
    const count = outputNode ? 2 : 1;
    parent.children.splice(at, count, element as unknown as (typeof parent.children)[number]);
  }
  for (const { exercise, nodes, parent } of collectExercises(tree)) {
    const element = jsxElement(
      "Exercise",
      {
        chapter,
        index: String(exercise.index),
        code: exercise.code,
        solution: exercise.solution,
        checks: exercise.checks,
        line: String(exercise.line),
      },
      nodes[0].position,
    );
    parent.children.splice(parent.children.indexOf(nodes[0]), 3, element as unknown as (typeof parent.children)[number]);
  }
}
