/**
 * Executable chapters: every cell of every chapter runs, in order, in one
 * notebook per chapter, against the real lib/. A cell fails when it throws
 * (unless marked `throws`) or when what it prints differs from the output
 * fence the page shows under it.
 */
import { describe, expect, test } from "vitest";
import * as nnfs from "nnfs";
import { parseChapter } from "../../components/cell/parse-chapter.ts";
import { runCells, normaliseOutput, errorText, type CellRun } from "../../components/cell/run-cells.ts";
import { chapterFiles } from "./chapters.ts";

const chapters = chapterFiles();

test("there are chapters to run", () => {
  expect(chapters.length, `no chapter matches CHAPTER=${process.env.CHAPTER}`).toBeGreaterThan(0);
});

describe.each(chapters)("$id", ({ id, file, source }) => {
  const cells = parseChapter(source);
  let runs: Promise<CellRun[]> | null = null;
  const results = () => (runs ??= runCells(cells, { nnfs }, id));
  const rel = file.slice(file.indexOf("chapters/"));

  test.each(cells.map((cell) => ({ cell, name: `cell ${cell.index + 1} (${rel}:${cell.line})` })))("$name", async ({ cell }) => {
    const run = (await results())[cell.index];
    const where = `${rel}:${cell.line}`;
    if (run.error && !cell.options.throws) {
      const line = run.error.line !== null ? `${rel}:${cell.line + run.error.line}` : where;
      expect.fail(`cell ${cell.index + 1} at ${where} threw at ${line}: ${errorText(run.error)}`);
    }
    if (cell.options.throws) {
      expect(run.error, `cell ${cell.index + 1} at ${where} is marked \`throws\` but ran without error`).not.toBeNull();
    }
    if (cell.output === null) {
      expect(run.output, `cell ${cell.index + 1} at ${where} prints but has no \`output\` fence under it`).toBe("");
      return;
    }
    expect(normaliseOutput(run.output), `output of cell ${cell.index + 1} at ${where} (npm run cells:update -- ${id.slice(0, 2)} rewrites it)`).toBe(
      normaliseOutput(cell.output),
    );
  });
});
