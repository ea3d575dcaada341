/**
 * A plot item (from `plot(…)` in a cell) as SVG markup: a title and a legend
 * from the `title` and `names` given in the code, round ticks whose labels
 * stay on one line, a y-axis from 0 to 1 when every value is a probability,
 * and lines of any length thinned to what the screen can show. Colours come
 * from the page's CSS (display.css), with currentColor underneath, so the
 * picture reads in both themes; the text stand-in is its accessible name.
 */
import type { DisplayItem } from "../../lib/display.ts";
import { axis, extent, tickLabel } from "./scale.ts";
import { downsample } from "./downsample.ts";
import { coord, escape } from "./svg.ts";

type PlotItem = Extract<DisplayItem, { kind: "plot" }>;

/** The picture's width and the plot area's height, in SVG units (CSS scales the whole). */
export const SIZE = { width: 420, plotHeight: 180 };
const FONT = { title: 14, legend: 12, tick: 11 };
/** The sizes display.css uses on a phone, where the picture is drawn smaller: space is left for these. */
const FONT_PHONE = { legend: 15, tick: 15 };
/** Roughly how wide a character of the UI font is, per unit of font size. */
const CHAR = 0.6;
/** Points kept per line: four per bucket, a bucket every two units of width. */
const BUCKETS = SIZE.width / 2;
/** Dash patterns, so that lines differ by more than colour. */
const DASHES = ["", "6 3", "2 3", "8 3 2 3"];

const textWidth = (s: string, size: number) => s.length * size * CHAR;

/** Whether every finite y is a probability, in [0, 1]. */
export function isProbability(series: PlotItem["series"]): boolean {
  const e = extent(series.map((s) => s.y));
  return e !== null && e.min >= 0 && e.max <= 1;
}

/** Legend entries placed in rows that fit the width: [x, row] of each. */
function legendLayout(names: string[], width: number): { x: number; row: number }[] {
  const at: { x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  for (const name of names) {
    const w = 24 + textWidth(name, FONT_PHONE.legend) + 16;
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    at.push({ x, row });
    x += w;
  }
  return at;
}

/** The SVG markup of a plot item. */
export function plotSvg(item: PlotItem): string {
  const series = item.series;
  const xs = extent(series.map((s) => s.x));
  const ys = extent(series.map((s) => s.y));
  const x = axis(xs?.min ?? 0, xs?.max ?? 1, { pad: false });
  const y = isProbability(series) ? axis(0, 1) : axis(ys?.min ?? 0, ys?.max ?? 1);

  const yLabels = y.ticks.map(tickLabel);
  const xLabels = x.ticks.map(tickLabel);
  const left = Math.max(28, Math.max(...yLabels.map((s) => textWidth(s, FONT_PHONE.tick))) + 10);
  const right = Math.max(12, textWidth(xLabels[xLabels.length - 1] ?? "", FONT_PHONE.tick) / 2 + 4);
  const names = series.map((s, i) => s.name ?? (series.length > 1 ? `line ${i + 1}` : ""));
  const named = names.some((n) => n !== "");
  const legend = named ? legendLayout(names, SIZE.width - left) : [];
  const titleH = item.title ? 24 : 6;
  const legendH = named ? (Math.max(...legend.map((l) => l.row)) + 1) * 20 + 4 : 0;
  const top = titleH + legendH + 6;
  const plotW = SIZE.width - left - right;
  const height = top + SIZE.plotHeight + 26;
  const bottom = top + SIZE.plotHeight;
  const px = (v: number) => left + ((v - x.min) / (x.max - x.min)) * plotW;
  const py = (v: number) => bottom - ((v - y.min) / (y.max - y.min)) * SIZE.plotHeight;

  const parts: string[] = [];
  parts.push(
    `<svg class="dp-plot" viewBox="0 0 ${SIZE.width} ${coord(height)}" role="img" aria-label="${escape(item.text)}" font-family="system-ui, sans-serif">`,
  );
  if (item.title) {
    parts.push(`<text class="dp-title" x="${coord(left)}" y="17" font-size="${FONT.title}" font-weight="600" fill="currentColor">${escape(item.title)}</text>`);
  }
  legend.forEach((at, i) => {
    const lx = left + at.x;
    const ly = titleH + 10 + at.row * 20;
    const dash = DASHES[i % DASHES.length];
    parts.push(
      `<g class="dp-legend"><line class="dp-line-${i % 4}" x1="${coord(lx)}" x2="${coord(lx + 18)}" y1="${ly}" y2="${ly}" stroke="currentColor" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ""}/>` +
        `<text x="${coord(lx + 24)}" y="${ly + 4}" font-size="${FONT.legend}" fill="currentColor">${escape(names[i])}</text></g>`,
    );
  });
  y.ticks.forEach((t, k) => {
    const ty = coord(py(t));
    parts.push(`<line class="dp-grid" x1="${coord(left)}" x2="${coord(left + plotW)}" y1="${ty}" y2="${ty}" stroke="currentColor" stroke-opacity="0.15"/>`);
    parts.push(`<text class="dp-tick" x="${coord(left - 6)}" y="${coord(py(t) + 4)}" text-anchor="end" font-size="${FONT.tick}" fill="currentColor">${yLabels[k]}</text>`);
  });
  x.ticks.forEach((t, k) => {
    const tx = coord(px(t));
    parts.push(`<line class="dp-axis" x1="${tx}" x2="${tx}" y1="${bottom}" y2="${bottom + 4}" stroke="currentColor"/>`);
    parts.push(`<text class="dp-tick" x="${tx}" y="${bottom + 17}" text-anchor="middle" font-size="${FONT.tick}" fill="currentColor">${xLabels[k]}</text>`);
  });
  parts.push(`<path class="dp-axis" d="M${coord(left)},${top}V${bottom}H${coord(left + plotW)}" fill="none" stroke="currentColor"/>`);
  series.forEach((s, i) => {
    let d = "";
    let pen = false;
    for (const j of downsample(s, BUCKETS)) {
      if (!Number.isFinite(s.y[j]) || !Number.isFinite(s.x[j])) {
        pen = false;
        continue;
      }
      d += `${pen ? "L" : "M"}${coord(px(s.x[j]))},${coord(py(s.y[j]))}`;
      pen = true;
    }
    const dash = DASHES[i % DASHES.length];
    parts.push(
      `<path class="dp-line dp-line-${i % 4}" d="${d}" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`,
    );
  });
  parts.push("</svg>");
  return parts.join("");
}
