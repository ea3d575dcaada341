/**
 * The trainer's charts as data: curves from the state machine turned into
 * the column arrays uPlot draws (one shared x column, one column per curve,
 * null where a curve has no point at that x). Pure, so it is tested without
 * a browser; the `.tsx` hands the result to uPlot.
 */
import type { Point, RunCurves } from "./state.ts";

export interface Series {
  label: string;
  points: Point[];
}

/** uPlot's data: `[xs, ys₁, ys₂, …]`, every column as long as `xs`. */
export type Columns = [number[], ...(number | null)[][]];

/**
 * Aligns several curves on one sorted x column. Where two curves share an x
 * (to 1e-9) they share a row; elsewhere the other curves get null there.
 */
export function align(series: readonly Series[]): Columns {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => round(p.x))))].sort((a, b) => a - b);
  const row = new Map(xs.map((x, i) => [x, i]));
  const columns: (number | null)[][] = series.map((s) => {
    const ys: (number | null)[] = new Array(xs.length).fill(null);
    for (const p of s.points) ys[row.get(round(p.x))!] = p.y;
    return ys;
  });
  return [xs, ...columns];
}

const round = (x: number) => Math.round(x * 1e9) / 1e9;

/** The loss chart of one run: training loss (per few batches) and validation loss (per epoch). */
export function lossSeries(c: RunCurves): Series[] {
  return [
    { label: "training loss", points: c.trainLoss },
    { label: "validation loss", points: c.valLoss },
  ];
}

/** The accuracy chart of one run, in per cent. */
export function accuracySeries(c: RunCurves): Series[] {
  const pc = (ps: Point[]) => ps.map((p) => ({ x: p.x, y: 100 * p.y }));
  return [
    { label: "training accuracy", points: pc(c.trainAccuracy) },
    { label: "validation accuracy", points: pc(c.valAccuracy) },
  ];
}

/** Comparison mode: the training loss of every run (per few batches), on one chart. */
export function comparisonLossSeries(runs: readonly RunCurves[], labels: readonly string[]): Series[] {
  return runs.map((c, i) => ({ label: labels[i] ?? `run ${i + 1}`, points: c.trainLoss }));
}

/** Comparison mode: the validation accuracy of every run, in per cent, on one chart. */
export function comparisonSeries(runs: readonly RunCurves[], labels: readonly string[]): Series[] {
  return runs.map((c, i) => ({ label: labels[i] ?? `run ${i + 1}`, points: c.valAccuracy.map((p) => ({ x: p.x, y: 100 * p.y })) }));
}

/**
 * A y range for accuracy in per cent that shows the interesting part: from a
 * little below the lowest point (never below 0) to 100.
 */
export function accuracyRange(columns: Columns): [number, number] {
  let lo = Infinity;
  for (const col of columns.slice(1)) for (const v of col as (number | null)[]) if (v !== null && v < lo) lo = v;
  if (!Number.isFinite(lo)) return [80, 100];
  return [Math.max(0, Math.floor((lo - 2) / 5) * 5), 100];
}

/** A y range for losses: from 0 to a round number above the highest point (2.5 before there are points). */
export function lossRange(columns: Columns): [number, number] {
  let hi = -Infinity;
  for (const col of columns.slice(1)) for (const v of col as (number | null)[]) if (v !== null && v > hi) hi = v;
  if (!Number.isFinite(hi)) return [0, 2.5];
  return [0, Math.max(0.5, Math.ceil(hi * 2) / 2)];
}

/**
 * The loss chart zoomed on the validation loss (column 2 of `lossSeries`),
 * from its second point on when it has four or more (the first epoch's is far
 * above the rest), with a margin: a turn of a few hundredths fills the chart.
 * The training loss runs off it where it is lower. Before two points: `lossRange`.
 */
export function validationLossRange(columns: Columns): [number, number] {
  const values = ((columns[2] ?? []) as (number | null)[]).filter((v): v is number => v !== null);
  if (values.length < 2) return lossRange(columns);
  const kept = values.length >= 4 ? values.slice(1) : values;
  const lo = Math.min(...kept);
  const hi = Math.max(...kept);
  const pad = Math.max((hi - lo) * 0.15, 0.005);
  return [Math.max(0, lo - pad), hi + pad];
}

/** A short text version of a chart for screen readers: each curve's last value. */
export function describeSeries(series: readonly Series[], unit: "" | "%"): string {
  const parts = series
    .filter((s) => s.points.length > 0)
    .map((s) => `${s.label} ${s.points[s.points.length - 1].y.toFixed(unit === "%" ? 1 : 3)}${unit}`);
  return parts.length ? `Latest: ${parts.join(", ")}.` : "No points yet.";
}

const noCurves = (): RunCurves => ({ trainLoss: [], trainAccuracy: [], valLoss: [], valAccuracy: [] });

/**
 * What a legend shows for one curve: the value at the cursor's row (null
 * where the curve has no point there), or with no cursor on the chart
 * (`idx` null: before hovering, after the run) the curve's last value.
 */
export function legendValue(column: readonly (number | null)[] | undefined, idx: number | null): number | null {
  if (!column) return null;
  if (idx !== null) return column[idx] ?? null;
  for (let i = column.length - 1; i >= 0; i--) if (column[i] !== null) return column[i];
  return null;
}

/**
 * What the island draws: one run's loss and accuracy charts, or in
 * comparison mode every run's training loss and every run's validation accuracy.
 */
export function chartSeries(curves: readonly RunCurves[], compare: boolean, labels: readonly string[]): { first: Series[]; second: Series[] | null } {
  if (compare) {
    const runs = labels.map((_, i) => curves[i] ?? noCurves());
    return { first: comparisonLossSeries(runs, labels), second: comparisonSeries(runs, labels) };
  }
  const c = curves[0] ?? noCurves();
  return { first: lossSeries(c), second: accuracySeries(c) };
}
