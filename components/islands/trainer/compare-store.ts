/**
 * Comparison mode's runs, kept: when a comparison ends, its choices, curves
 * and results are saved in local storage, so that the chart is still there
 * after a reload or a visit to another page. Reset forgets them; the next
 * comparison replaces them. The wrong digits' pixels are not kept (the table
 * does not show them). Reading checks everything and drops what is broken.
 */
import { checkSettings, type Settings } from "./settings.ts";
import { COMPARE_START, type CompareRow } from "./compare.ts";
import type { Point, RunCurves, RunResult } from "./state.ts";
import { browserStorage } from "../shared/trained-store.ts";

/** The local-storage key of the last comparison. */
export const COMPARISON_KEY = "nnfs:comparison";

/** What is kept of a comparison: enough to draw its chart and table again. */
export interface KeptComparison {
  shared: Settings;
  rows: CompareRow[];
  curves: RunCurves[];
  results: (RunResult | null)[];
}

/** The comparison without what is not shown again (the wrong digits' pixels). */
export function slim(kept: KeptComparison): KeptComparison {
  const results = kept.results.map((r) => (r && { ...r, test: r.test && { ...r.test, wrong: [] } }));
  return { shared: kept.shared, rows: kept.rows, curves: kept.curves, results };
}

/** Saves a comparison; false if storage refused (it is then kept only on this page). */
export function keepComparison(kept: KeptComparison, storage: Storage | null = browserStorage()): boolean {
  try {
    storage?.setItem(COMPARISON_KEY, JSON.stringify({ format: "nnfs-comparison", version: 1, ...slim(kept) }));
    return storage !== null;
  } catch {
    return false;
  }
}

const isPoints = (v: unknown): v is Point[] => Array.isArray(v) && v.every((p) => p && Number.isFinite(p.x) && Number.isFinite(p.y));
const isCurves = (c: unknown): c is RunCurves => {
  const r = c as RunCurves | null;
  return !!r && isPoints(r.trainLoss) && isPoints(r.trainAccuracy) && isPoints(r.valLoss) && isPoints(r.valAccuracy);
};
const isResult = (r: unknown): r is RunResult | null => {
  if (r === null) return true;
  const x = r as RunResult;
  if (typeof x !== "object" || typeof x.stopped !== "boolean" || !Number.isFinite(x.seconds)) return false;
  return x.test === null || (typeof x.test === "object" && Number.isFinite(x.test.accuracy) && Number.isFinite(x.test.wrongCount) && Array.isArray(x.test.wrong));
};

/** The kept comparison, or null if there is none or it cannot be read (it is then forgotten). */
export function readComparison(storage: Storage | null = browserStorage()): KeptComparison | null {
  const text = storage?.getItem(COMPARISON_KEY);
  if (!text) return null;
  try {
    const data = JSON.parse(text) as Partial<KeptComparison> & { format?: unknown };
    if (data.format !== "nnfs-comparison") throw new TypeError("not a kept comparison");
    const shared = checkSettings(data.shared ?? {});
    const rows = data.rows ?? [];
    if (!Array.isArray(rows) || rows.length < 1 || rows.length > COMPARE_START.length) throw new RangeError("rows");
    rows.forEach((r) => checkSettings({ ...shared, ...r }));
    const { curves, results } = data;
    if (!Array.isArray(curves) || !Array.isArray(results) || curves.length !== rows.length || results.length !== rows.length) throw new RangeError("runs");
    if (!curves.every(isCurves) || !results.every(isResult)) throw new TypeError("runs");
    return { shared, rows: rows.map(({ optimizer, lr, shift }) => ({ optimizer, lr, shift })), curves, results };
  } catch {
    storage?.removeItem(COMPARISON_KEY);
    return null;
  }
}

/** Forgets the kept comparison. */
export function forgetComparison(storage: Storage | null = browserStorage()): void {
  try {
    storage?.removeItem(COMPARISON_KEY);
  } catch {
    // storage refused: nothing was kept there either
  }
}
