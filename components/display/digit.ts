/**
 * A digit item (from `showDigit(…)` in a cell) as SVG markup: 28 × 28 cells,
 * each as dark as its pixel (0 = paper, 1 = ink) in the text colour, so the
 * digit is dark on light paper in the light theme and light on dark in the
 * dark one. Neighbouring pixels of the same shade are drawn as one rectangle.
 */
import type { DisplayItem } from "../../lib/display.ts";
import { escape } from "./svg.ts";

type DigitItem = Extract<DisplayItem, { kind: "digit" }>;

const SIDE = 28;

/** The SVG markup of a digit item. */
export function digitSvg(item: DigitItem): string {
  const rects: string[] = [];
  for (let r = 0; r < SIDE; r++) {
    let c = 0;
    while (c < SIDE) {
      const shade = Math.round(Math.min(1, Math.max(0, item.pixels[r * SIDE + c] ?? 0)) * 100) / 100;
      let end = c + 1;
      while (end < SIDE && Math.round(Math.min(1, Math.max(0, item.pixels[r * SIDE + end] ?? 0)) * 100) / 100 === shade) end++;
      if (shade > 0) rects.push(`<rect x="${c}" y="${r}" width="${end - c}" height="1"${shade < 1 ? ` fill-opacity="${shade}"` : ""}/>`);
      c = end;
    }
  }
  return (
    `<svg class="dp-digit" viewBox="0 0 ${SIDE} ${SIDE}" role="img" aria-label="${escape(item.text)}" shape-rendering="crispEdges">` +
    `<g fill="currentColor">${rects.join("")}</g></svg>`
  );
}
