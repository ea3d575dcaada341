/**
 * remark plugin: every ```ts cell fence (and the ```output fence under it)
 * becomes one <Cell> element, which the chapter page maps to the cell
 * component. Finding cells is collectCells' job, shared with the tests.
 */
import path from "node:path";
import type { Root } from "mdast";
import type { VFile } from "vfile";
import { collectCells } from "../../components/cell/collect.ts";

/** The chapter a file belongs to: the name of its folder (`02-a-single-neuron`). */
export function chapterOf(filePath: string | undefined): string {
  return filePath ? path.basename(path.dirname(filePath)) : "";
}

export function remarkCells() {
  return (tree: Root, file: VFile) => {
    const chapter = chapterOf(file.path);
    for (const { cell, node, outputNode, parent } of collectCells(tree)) {
      const attrs: Record<string, string> = {
        chapter,
        index: String(cell.index),
        code: cell.code,
        output: cell.output ?? "",
        line: String(cell.line),
      };
      if (cell.output === null) attrs.nooutput = "true";
      if (cell.options.throws) attrs.throws = "true";
      if (cell.options.timeoutMs !== null) attrs.timeout = String(cell.options.timeoutMs);
      const element = {
        type: "mdxJsxFlowElement",
        name: "Cell",
        attributes: Object.entries(attrs).map(([name, value]) => ({ type: "mdxJsxAttribute", name, value })),
        children: [],
        position: node.position,
      };
      const at = parent.children.indexOf(node);
      const count = outputNode ? 2 : 1;
      parent.children.splice(at, count, element as unknown as (typeof parent.children)[number]);
    }
  };
}
