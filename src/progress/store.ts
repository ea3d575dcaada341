/**
 * A reader's progress, kept in this browser: per chapter, which cells they
 * ran without an error and which exercises they solved. The cells announce
 * both on `document` (`nnfs:cell-run`, `nnfs:exercise-checked`); this file
 * only keeps the record, so it is tested without a browser.
 */
export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export const PROGRESS_KEY = "nnfs-progress";

export interface ChapterProgress {
  /** 0-based indices of the cells that ran without an error, ascending. */
  ran: number[];
  /** 0-based indices of the exercises whose checks all passed, ascending. */
  solved: number[];
}

export interface Progress {
  version: 1;
  chapters: Record<string, ChapterProgress>;
}

export const emptyProgress = (): Progress => ({ version: 1, chapters: {} });

const CHAPTER_ID = /^\d\d-[a-z0-9-]+$/;
const isIndexList = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => Number.isInteger(n) && n >= 0 && n < 10_000);

/** Checks a value read from storage or a file; throws an Error saying what is wrong. */
export function validateProgress(value: unknown): Progress {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error("progress: expected an object");
  const v = value as Record<string, unknown>;
  if (v.version !== 1) throw new Error(`progress: unknown version ${JSON.stringify(v.version)} (this book reads version 1)`);
  if (v.chapters === null || typeof v.chapters !== "object" || Array.isArray(v.chapters)) throw new Error("progress: chapters must be an object");
  const chapters: Record<string, ChapterProgress> = {};
  for (const [id, c] of Object.entries(v.chapters as Record<string, unknown>)) {
    if (!CHAPTER_ID.test(id)) throw new Error(`progress: "${id}" is not a chapter of this book (expected a name like 02-a-single-neuron)`);
    const entry = c as Record<string, unknown> | null;
    if (!entry || typeof entry !== "object" || !isIndexList(entry.ran) || !isIndexList(entry.solved)) {
      throw new Error(`progress: chapter ${id} must have "ran" and "solved" lists of cell and exercise numbers`);
    }
    chapters[id] = { ran: sortedUnique(entry.ran), solved: sortedUnique(entry.solved) };
  }
  return { version: 1, chapters };
}

function sortedUnique(list: number[]): number[] {
  return [...new Set(list)].sort((a, b) => a - b);
}

/** The stored progress; empty when there is none or it cannot be read. */
export function loadProgress(storage: StorageLike | null): Progress {
  try {
    const raw = storage?.getItem(PROGRESS_KEY);
    return raw ? validateProgress(JSON.parse(raw)) : emptyProgress();
  } catch {
    return emptyProgress();
  }
}

export function saveProgress(storage: StorageLike | null, progress: Progress): boolean {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return storage != null;
  } catch {
    return false;
  }
}

function withChapter(progress: Progress, chapter: string, change: (c: ChapterProgress) => ChapterProgress): Progress {
  const current = progress.chapters[chapter] ?? { ran: [], solved: [] };
  return { ...progress, chapters: { ...progress.chapters, [chapter]: change(current) } };
}

/** After a run: a cell that ran without an error counts as run (a failed run changes nothing). */
export function recordRun(progress: Progress, chapter: string, cell: number, ok: boolean): Progress {
  if (!ok || !CHAPTER_ID.test(chapter) || !Number.isInteger(cell) || cell < 0) return progress;
  return withChapter(progress, chapter, (c) => ({ ...c, ran: sortedUnique([...c.ran, cell]) }));
}

/** After Check: an exercise whose checks all passed counts as solved, and stays solved. */
export function recordCheck(progress: Progress, chapter: string, exercise: number, passed: boolean): Progress {
  if (!passed || !CHAPTER_ID.test(chapter) || !Number.isInteger(exercise) || exercise < 0) return progress;
  return withChapter(progress, chapter, (c) => ({ ...c, solved: sortedUnique([...c.solved, exercise]) }));
}

export interface ChapterTotals {
  cells: number;
  exercises: number;
}

export interface ChapterSummary extends ChapterTotals {
  ran: number;
  solved: number;
}

/** How far a reader is in a chapter; indices beyond the chapter's (say after the chapter changed) do not count. */
export function summarise(progress: Progress, chapter: string, totals: ChapterTotals): ChapterSummary {
  const c = progress.chapters[chapter] ?? { ran: [], solved: [] };
  return {
    ...totals,
    ran: c.ran.filter((i) => i < totals.cells).length,
    solved: c.solved.filter((i) => i < totals.exercises).length,
  };
}

/** "4 of 9 cells run · 1 of 3 exercises solved"; empty when the chapter has neither. */
export function summaryText(s: ChapterSummary): string {
  const parts: string[] = [];
  if (s.cells) parts.push(`${s.ran} of ${s.cells} ${s.cells === 1 ? "cell" : "cells"} run`);
  if (s.exercises) parts.push(`${s.solved} of ${s.exercises} ${s.exercises === 1 ? "exercise" : "exercises"} solved`);
  return parts.join(" · ");
}

/** Whether the reader has run every cell and solved every exercise. */
export const complete = (s: ChapterSummary): boolean => s.ran === s.cells && s.solved === s.exercises && s.cells + s.exercises > 0;
