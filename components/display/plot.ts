/**
 * A plot item (from `plot(…)` in a cell) as markup: a title and a legend from
 * the `title` and `names` given in the code, round ticks whose labels stay on
 * one line, a y-axis from 0 to 1 when every value is a probability (unless the
 * cell asked for `fit`), and lines
 * of any length thinned to what the screen can show.
 *
 * The lines are SVG, stretched to the width of the page (their strokes do not
 * stretch); the words and numbers around them are HTML, each drawn by CSS from
 * a data attribute (display.css). So they are as large on a phone as on a
 * laptop, never wrap, and stay out of the output's text, which reads exactly
 * as the book prints it; the picture is named by that text.
 */
import type { DisplayItem } from "../../lib/display.ts";
import { axis, extent, tickLabel } from "./scale.ts";
import { downsample } from "./downsample.ts";
import { coord, escape } from "./svg.ts";

type PlotItem = Extract<DisplayItem, { kind: "plot" }>;

/** The plot area in SVG units; CSS stretches it to the picture's width and a fixed height. */
export const AREA = { width: 400, height: 200 };
/** Points kept per line: at most four per bucket, a bucket every two units of width. */
const BUCKETS = AREA.width / 2;
/** Dash patterns, so that lines differ by more than colour (display.css draws the legend's the same way). */
const DASHES = ["", "6 3", "2 3", "8 3 2 3"];

/** Whether every finite y is a probability, in [0, 1]. */
export function isProbability(series: PlotItem["series"]): boolean {
  const e = extent(series.map((s) => s.y));
  return e !== null && e.min >= 0 && e.max <= 1;
}

/** Percent, for a label's position along an axis. */
const pct = (v: number) => `${coord(v * 100)}%`;

/** The markup of a plot item. */
export function plotHtml(item: PlotItem): string {
  const { series } = item;
  const xs = extent(series.map((s) => s.x));
  const ys = extent(series.map((s) => s.y));
  const x = axis(xs?.min ?? 0, xs?.max ?? 1, { pad: false });
  const y = isProbability(series) && !item.fit ? axis(0, 1) : axis(ys?.min ?? 0, ys?.max ?? 1);
  const fx = (v: number) => (v - x.min) / (x.max - x.min);
  const fy = (v: number) => 1 - (v - y.min) / (y.max - y.min);

  const names = series.map((s, i) => s.name ?? (series.length > 1 ? `line ${i + 1}` : ""));
  const head = [
    item.title ? `<span class="dp-title" data-text="${escape(item.title)}"></span>` : "",
    ...names.map((n, i) => (n ? `<span class="dp-key dp-line-${i % 4}" data-text="${escape(n)}"></span>` : "")),
  ].join("");

  const yLabels = y.ticks.map(tickLabel);
  const yTicks = y.ticks.map((t, k) => `<span class="dp-tick" style="top:${pct(fy(t))}" data-text="${yLabels[k]}"></span>`).join("");
  const xTicks = x.ticks.map((t) => `<span class="dp-tick" style="left:${pct(fx(t))}" data-text="${tickLabel(t)}"></span>`).join("");

  const W = AREA.width;
  const H = AREA.height;
  const shapes: string[] = [];
  for (const t of y.ticks) shapes.push(`<line class="dp-grid" x1="0" x2="${W}" y1="${coord(fy(t) * H)}" y2="${coord(fy(t) * H)}"/>`);
  for (const t of x.ticks) shapes.push(`<line class="dp-axis" x1="${coord(fx(t) * W)}" x2="${coord(fx(t) * W)}" y1="${H}" y2="${H + 5}"/>`);
  shapes.push(`<path class="dp-axis" d="M0,0V${H}H${W}" fill="none"/>`);
  series.forEach((s, i) => {
    let d = "";
    let pen = false;
    for (const j of downsample(s, BUCKETS)) {
      if (!Number.isFinite(s.y[j]) || !Number.isFinite(s.x[j])) {
        pen = false;
        continue;
      }
      d += `${pen ? "L" : "M"}${coord(fx(s.x[j]) * W)},${coord(fy(s.y[j]) * H)}`;
      pen = true;
    }
    const dash = DASHES[i % DASHES.length];
    shapes.push(`<path class="dp-line dp-line-${i % 4}" d="${d}" fill="none"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`);
  });

  const yWidth = Math.max(...yLabels.map((l) => l.length)) + 1;
  return (
    `<span class="dp-plot" role="img" aria-label="${escape(item.text)}">` +
    (head ? `<span class="dp-head">${head}</span>` : "") +
    `<span class="dp-body" style="--dp-y:${yWidth}ch">` +
    `<span class="dp-y">${yTicks}</span>` +
    `<svg class="dp-area" viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" aria-hidden="true" focusable="false" stroke="currentColor" stroke-width="1">${shapes.join("")}</svg>` +
    `<span class="dp-x">${xTicks}</span>` +
    `</span></span>`
  );
}
