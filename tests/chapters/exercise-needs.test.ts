/**
 * Every exercise is checked against the book's own code of the cells it
 * needs, and only those (components/cell/worker/book.ts, as the page's
 * worker does it): its solution passes and its starting code fails, with
 * nothing else of the chapter run. What it needs is listed, so that a
 * change that makes an exercise depend on a training cell shows here.
 */
import { describe, expect, test } from "vitest";
import * as nnfs from "nnfs";
import { parseChapter } from "../../components/cell/notebook/parse-chapter.ts";
import { BookNotebook, type BookCell } from "../../components/cell/worker/book.ts";
import { cellSource, capturingConsole } from "../../components/cell/worker/run-cells.ts";
import { chapterFiles } from "../../scripts/chapters.ts";

const chapters = chapterFiles().map((c) => ({ ...c, ...parseChapter(c.source) }));

describe.each(chapters.filter((c) => c.exercises.length > 0))("$id", ({ id, cells, exercises }) => {
  const book = new BookNotebook({ nnfs });
  const bookCells = (line: number): BookCell[] =>
    cells.filter((c) => c.line < line).map((c) => ({ index: c.index, throws: c.options.throws, ...cellSource(id, "cell", c.index, c.code) }));

  test.each(exercises.map((e) => ({ e, name: `exercise ${e.index + 1}` })))("$name passes its solution against only the book's cells it needs", async ({ e }) => {
    const above = bookCells(e.line);
    const source = (code: string) => cellSource(id, "exercise", e.index, code);
    const started = await book.check(above, source(e.code), e.checks, capturingConsole([]));
    expect(started.book.failed).toBeNull();
    const needed = book.plan(above, e.code, e.checks).cells;
    expect(started.book.ran.every((i) => needed.includes(i)), "a Check runs only the cells its answer needs").toBe(true);
    expect(started.error !== null || started.results.some((r) => !r.pass), "the starting code fails a check").toBe(true);
    const solved = await book.check(above, source(e.solution), e.checks, capturingConsole([]));
    expect(solved.book.failed).toBeNull();
    expect(solved.error?.text ?? null).toBeNull();
    expect(solved.results.length).toBeGreaterThan(0);
    expect(solved.results.filter((r) => !r.pass).map((r) => `${r.name}: ${r.reason}`)).toEqual([]);
    // A check's expected value is the book's, not computed from the reader's answer: otherwise a
    // wrong answer reads "expected <your answer>, got <the right one>".
    const expectedOf = (results: { name: string; expected: string }[]) => results.map((r) => `${r.name}: ${r.expected}`);
    if (started.error === null) expect(expectedOf(started.results), "the expected values of the starting code's checks").toEqual(expectedOf(solved.results));
  }, 120_000);
});
