/**
 * Rewrites the `output` fences of a chapter from a real run of its cells:
 *   npm run cells:update -- 02
 * Cells without an output fence get one when they print. Read the diff
 * before committing: the new output is now what the book claims. An
 * `output form` fence (a varying output, with `<number>` slots) is never
 * rewritten: the script says so when the run no longer has its form.
 */
import { writeFileSync } from "node:fs";
import * as nnfs from "../lib/index.ts";
import { parseChapter } from "../components/cell/notebook/parse-chapter.ts";
import { runCells, normaliseOutput } from "../components/cell/worker/run-cells.ts";
import { outputMatches } from "../components/cell/notebook/output-form.ts";
import { chapterFiles } from "./chapters.ts";

const only = process.argv[2];
if (!only) {
  console.error("usage: npm run cells:update -- NN   (NN: the chapter's number)");
  process.exit(2);
}
let failed = false;
for (const { id, file, source } of chapterFiles(only)) {
  const { cells } = parseChapter(source);
  const runs = await runCells(cells, { nnfs }, id);
  const lines = source.split("\n");
  let changed = 0;
  // From the last cell up, so earlier line numbers stay valid.
  for (const run of [...runs].reverse()) {
    const { cell } = run;
    if (run.error && !cell.options.throws) {
      console.error(`${id} cell ${cell.index + 1} (line ${cell.line}) threw: ${run.error.text}`);
      failed = true;
      continue;
    }
    const open = cell.line - 1;
    let close = open + 1;
    while (close < lines.length && !/^\s*```\s*$/.test(lines[close])) close++;
    let next = close + 1;
    while (next < lines.length && lines[next].trim() === "") next++;
    const output = normaliseOutput(run.output);
    if (cell.outputForm) {
      if (!outputMatches(output, [{ text: cell.output ?? "", form: true }])) {
        console.error(`${id} cell ${cell.index + 1} (line ${cell.line}): the output no longer has the form of its \`output form\` fence; edit it by hand. It printed:\n${output}`);
        failed = true;
      }
      continue;
    }
    const fence = ["```output", ...output.split("\n"), "```"];
    if (/^```output\s*$/.test(lines[next] ?? "")) {
      let end = next + 1;
      while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
      if (normaliseOutput(lines.slice(next + 1, end).join("\n")) !== output) {
        lines.splice(next, end - next + 1, ...fence);
        changed++;
      }
    } else if (output !== "") {
      lines.splice(close + 1, 0, "", ...fence);
      changed++;
    }
  }
  if (changed) writeFileSync(file, lines.join("\n"));
  console.log(`${id}: ${cells.length} cells, ${changed} output fence(s) rewritten`);
}
process.exit(failed ? 1 : 0);
