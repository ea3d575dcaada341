/**
 * The trainer's charts in the page: a thin wrapper around uPlot, loaded only
 * when a trainer island wakes up (the island imports this module
 * dynamically). What to draw comes from chart.ts; this file only decides
 * colours (from the book's theme), sizes and axes.
 */
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { legendValue, type Columns, type Series } from "./chart.ts";

export interface ChartSpec {
  /** Axis title of y, e.g. "loss" or "accuracy (%)". */
  yLabel: string;
  /** A fixed y range, or null to fit the data. */
  range?: (columns: Columns) => [number, number];
  /** Every curve is measured once an epoch (comparison mode): dots on all of them. */
  perEpoch?: boolean;
}

/** The theme's colours for curves, in order: the accent, then amber, green and red, each at 3:1 or more on the page. */
function palette(el: Element): { fg: string; soft: string; grid: string; lines: string[] } {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return { fg: v("--fg"), soft: v("--fg-soft"), grid: v("--border"), lines: [v("--accent"), v("--warn"), v("--ok"), v("--bad")] };
}

const format = (v: number | null, digits: number) => (v == null ? "–" : v.toFixed(digits));

/** A chart of `series` inside `target`, sized to its width. Call `update` with new data; `destroy` when done. */
export function createChart(target: HTMLElement, series: readonly Series[], columns: Columns, spec: ChartSpec) {
  const colours = palette(target);
  const axis = { stroke: colours.soft, grid: { stroke: colours.grid, width: 1 }, ticks: { stroke: colours.grid, width: 1 }, font: "12px system-ui, sans-serif", labelFont: "12px system-ui, sans-serif" };
  const width = () => Math.max(240, Math.floor(target.clientWidth));
  const height = () => (target.clientWidth < 420 ? 170 : 200);
  const opts: uPlot.Options = {
    width: width(),
    height: height(),
    scales: { x: { time: false }, y: spec.range ? { range: () => spec.range!(columns) } : {} },
    axes: [
      { ...axis, label: "epoch", size: 36, labelSize: 16 },
      { ...axis, label: spec.yLabel, size: 44, labelSize: 16 },
    ],
    series: [
      // With no cursor on the chart a legend shows each curve's last value (legendValue), not a dash.
      { label: "epoch", value: (u, _v, _s, idx) => format(legendValue(u.data[0] as readonly number[], idx ?? null), 2) },
      ...series.map((s, i) => ({
        label: s.label,
        stroke: colours.lines[i % colours.lines.length],
        width: 2,
        spanGaps: true,
        // A dashed line and dots for curves measured once an epoch (validation), solid for per-batch ones.
        dash: !spec.perEpoch && /validation/.test(s.label) ? [6, 4] : undefined,
        points: { show: spec.perEpoch || /validation/.test(s.label), size: 6 },
        value: (u: uPlot, _v: number | null, sidx: number, idx: number | null) => format(legendValue(u.data[sidx] as (number | null)[], idx ?? null), spec.yLabel.includes("%") ? 1 : 3),
      })),
    ],
    cursor: { drag: { x: false, y: false } },
    legend: { show: true, live: true },
  };
  const plot = new uPlot(opts, columns as uPlot.AlignedData, target);
  const resize = new ResizeObserver(() => plot.setSize({ width: width(), height: height() }));
  resize.observe(target);
  return {
    update(next: Columns) {
      columns = next;
      plot.setData(next as uPlot.AlignedData);
    },
    destroy() {
      resize.disconnect();
      plot.destroy();
    },
  };
}

export type Chart = ReturnType<typeof createChart>;
