/**
 * Shows the reader's progress wherever the page asks for it, and keeps it:
 * an element `[data-progress="02-a-single-neuron"]` with `data-cells` and
 * `data-exercises` (the chapter's totals) gets the chapter's summary as its
 * text (`data-progress-show="text"`, the default), or a mark for the
 * sidebar (`"mark"`: done, started or nothing). The cells announce runs and
 * checks on `document`; another tab's changes arrive as `storage` events.
 */
import { complete, loadProgress, PROGRESS_KEY, recordCheck, recordRun, saveProgress, summarise, summaryText, type StorageLike } from "./store.ts";

export interface CellRunDetail {
  chapter: string;
  cell: number;
  ok: boolean;
}

export interface ExerciseCheckedDetail {
  chapter: string;
  exercise: number;
  passed: boolean;
}

function storage(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function showProgress(root: ParentNode = document): void {
  const progress = loadProgress(storage());
  for (const el of root.querySelectorAll<HTMLElement>("[data-progress]")) {
    const totals = { cells: Number(el.dataset.cells) || 0, exercises: Number(el.dataset.exercises) || 0 };
    const s = summarise(progress, el.dataset.progress!, totals);
    const started = s.ran + s.solved > 0;
    if (el.dataset.progressShow === "mark") {
      el.dataset.state = complete(s) ? "done" : started ? "started" : "";
      el.textContent = complete(s) ? "(done)" : started ? "(started)" : "";
    } else if (el.dataset.progressShow === "cells") {
      el.textContent = totals.cells ? `${s.ran} of ${s.cells}` : "—";
    } else if (el.dataset.progressShow === "exercises") {
      el.textContent = totals.exercises ? `${s.solved} of ${s.exercises}` : "—";
    } else {
      el.textContent = summaryText(s);
      el.dataset.state = complete(s) ? "done" : started ? "started" : "";
    }
  }
}

export function initProgress(): void {
  showProgress();
  const update = (change: (p: ReturnType<typeof loadProgress>) => ReturnType<typeof loadProgress>) => {
    const store = storage();
    saveProgress(store, change(loadProgress(store)));
    showProgress();
  };
  document.addEventListener("nnfs:cell-run", (e) => {
    const d = (e as CustomEvent<CellRunDetail>).detail;
    if (d) update((p) => recordRun(p, d.chapter, d.cell, d.ok));
  });
  document.addEventListener("nnfs:exercise-checked", (e) => {
    const d = (e as CustomEvent<ExerciseCheckedDetail>).detail;
    if (d) update((p) => recordCheck(p, d.chapter, d.exercise, d.passed));
  });
  addEventListener("storage", (e) => {
    if (e.key === PROGRESS_KEY || e.key === null) showProgress();
  });
  // Back/forward cache: the page may come back after progress was made elsewhere.
  addEventListener("pageshow", (e) => {
    if (e.persisted) showProgress();
  });
}
