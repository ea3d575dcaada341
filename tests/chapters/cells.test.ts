/**
 * Executable chapters: every cell of every chapter runs, in order, in one
 * notebook per chapter, against the real lib/. A cell fails when it throws
 * (unless marked `throws`) or when what it prints differs from the output
 * fence the page shows under it (or, for an `output form` fence, does not
 * have its form: every `<number>` slot a number, the rest the same).
 */
import { describe, expect, test } from "vitest";
import * as nnfs from "nnfs";
import { parseChapter } from "../../components/cell/notebook/parse-chapter.ts";
import { runCells, runExercise, normaliseOutput } from "../../components/cell/worker/run-cells.ts";
import { outputMatches } from "../../components/cell/notebook/output-form.ts";
import { Notebook } from "../../components/cell/worker/notebook-scope.ts";
import { chapterFiles } from "../../scripts/chapters.ts";

const chapters = chapterFiles().map((c) => ({ ...c, ...parseChapter(c.source), rel: c.file.slice(c.file.indexOf("chapters/")) }));

/** Each chapter's cells run once, in order, in one notebook; its exercises then run in that notebook. */
const ran = new Map<string, ReturnType<typeof runChapter>>();
async function runChapter({ id, cells }: (typeof chapters)[number]) {
  const notebook = new Notebook({ nnfs });
  const runs = await runCells(cells, { nnfs }, id, notebook);
  return { notebook, runs };
}
const chapterRun = (chapter: (typeof chapters)[number]) => {
  if (!ran.has(chapter.id)) ran.set(chapter.id, runChapter(chapter));
  return ran.get(chapter.id)!;
};

test("there are chapters to run", () => {
  expect(chapters.length, `no chapter matches CHAPTER=${process.env.CHAPTER}`).toBeGreaterThan(0);
});

describe.each(chapters)("$id", (chapter) => {
  const { id, cells, rel } = chapter;
  // The first cell's test waits for the whole chapter to run: allow it the cells'
  // own time limits (`timeout=…`, 10 s for the others), and never less than 60 s.
  const chapterLimit = Math.max(60_000, cells.reduce((ms, cell) => ms + (cell.options.timeoutMs ?? 10_000), 0));

  test.each(cells.map((cell) => ({ cell, name: `cell ${cell.index + 1} (${rel}:${cell.line})` })))("$name", async ({ cell }) => {
    const run = (await chapterRun(chapter)).runs[cell.index];
    const where = `${rel}:${cell.line}`;
    if (run.error && !cell.options.throws) {
      const line = run.error.line !== null ? `${rel}:${cell.line + run.error.line}` : where;
      expect.fail(`cell ${cell.index + 1} at ${where} threw at ${line}: ${run.error.text}`);
    }
    if (cell.options.throws) {
      expect(run.error, `cell ${cell.index + 1} at ${where} is marked \`throws\` but ran without error`).not.toBeNull();
    }
    if (cell.output === null) {
      expect(run.output, `cell ${cell.index + 1} at ${where} prints but has no \`output\` fence under it`).toBe("");
      return;
    }
    if (cell.outputForm) {
      const fits = outputMatches(run.output, [{ text: cell.output, form: true }]);
      expect(fits, `output of cell ${cell.index + 1} at ${where} does not have the form of its \`output form\` fence:\n${run.output}\n--- form:\n${cell.output}`).toBe(true);
      return;
    }
    expect(normaliseOutput(run.output), `output of cell ${cell.index + 1} at ${where} (npm run cells:update -- ${id.slice(0, 2)} rewrites it)`).toBe(
      normaliseOutput(cell.output),
    );
  }, chapterLimit);
});

describe.each(chapters.filter((c) => c.exercises.length > 0))(
  "$id exercises",
  (chapter) => {
    const { id, exercises, rel } = chapter;

    test.each(exercises.map((exercise) => ({ exercise, name: `exercise ${exercise.index + 1} (${rel}:${exercise.line})` })))(
      "$name: the starting code fails a check, the solution passes them all",
      async ({ exercise }) => {
        const where = `${rel}:${exercise.line}`;
        const nb = (await chapterRun(chapter)).notebook;
        const start = await runExercise(nb, exercise, exercise.code, id);
        const solved = await runExercise(nb, exercise, exercise.solution, id);
        expect(solved.error && solved.error.text, `solution of exercise ${exercise.index + 1} at ${where}`).toBeNull();
        expect(solved.results.length, `exercise ${exercise.index + 1} at ${where} has no check() calls`).toBeGreaterThan(0);
        for (const r of solved.results) {
          expect(r.pass, `exercise ${exercise.index + 1} at ${where}: check "${r.name}" fails on the solution: expected ${r.expected}, got ${r.actual}${r.error ? ` (${r.error})` : ""}`).toBe(true);
        }
        const startFails = start.error !== null || start.results.some((r) => !r.pass);
        expect(startFails, `exercise ${exercise.index + 1} at ${where}: the starting code already passes every check`).toBe(true);
      },
    );
  },
);
