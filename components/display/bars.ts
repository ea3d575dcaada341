/**
 * A bar chart item (from `bars(…)` in a cell) as markup: one row per bar, its
 * name, a horizontal bar as long as its value against the largest, and the
 * value. Rows rather than columns, so that long names and many bars fit a
 * phone's width. The bars are SVG rectangles in the accent colour; the words
 * are HTML drawn by CSS from data attributes (display.css), like the plots',
 * so the output's text stays exactly what the cell printed.
 */
import type { DisplayItem } from "../../lib/display.ts";
import { coord, escape } from "./svg.ts";

type BarsItem = Extract<DisplayItem, { kind: "bars" }>;

/** A value as the chart labels it: three significant digits, no exponent below a million. */
export function barLabel(v: number): string {
  if (v === 0) return "0";
  if (v >= 100) return String(Math.round(v));
  return String(Number(v.toPrecision(3)));
}

/** Each bar's length as a percentage of the longest (the largest value fills the row). */
export function barLengths(values: readonly number[]): number[] {
  const max = Math.max(0, ...values);
  return values.map((v) => (max > 0 ? (100 * v) / max : 0));
}

/** The markup of a bar chart item. */
export function barsHtml(item: BarsItem): string {
  const lengths = barLengths(item.bars.map((b) => b.value));
  const rows = item.bars
    .map((b, i) => {
      const w = coord(lengths[i]);
      return (
        `<span class="dp-bar-name" data-text="${escape(b.name)}"></span>` +
        `<svg class="dp-bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">` +
        `<rect class="dp-bar" x="0" y="0" width="${w}" height="10"/></svg>` +
        `<span class="dp-bar-value" data-text="${barLabel(b.value)}"></span>`
      );
    })
    .join("");
  return (
    `<span class="dp-bars" role="img" aria-label="${escape(item.text)}">` +
    (item.title ? `<span class="dp-title" data-text="${escape(item.title)}"></span>` : "") +
    `<span class="dp-bar-rows">${rows}</span></span>`
  );
}
