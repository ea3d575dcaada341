/**
 * A display item (what `plot` or `showDigit` in a cell asked to show) as
 * markup, with no text of its own (words are drawn by CSS), so the output's
 * text stays exactly what the cell printed: the same string at build time, where it replaces the text stand-in
 * under a cell before anyone presses Run, and in the page after a run.
 * The picture is followed by its text stand-in as a caption, so the output
 * still reads as the book prints it.
 */
import type { DisplayItem } from "../../lib/display.ts";
import { digitSvg } from "./digit.ts";
import { plotHtml } from "./plot.ts";
import { barsHtml } from "./bars.ts";
import { escape } from "./svg.ts";

/** The picture alone, named by the item's text: a digit is SVG; a plot or a bar chart is SVG shapes with HTML words around them. */
export function picture(item: DisplayItem): string {
  if (item.kind === "plot") return plotHtml(item);
  if (item.kind === "bars") return barsHtml(item);
  return digitSvg(item);
}

/**
 * The picture and its caption. The caption is hidden from screen readers,
 * which read the same text as the picture's name.
 */
export function displayHtml(item: DisplayItem): string {
  return (
    `<span class="out-display out-display-${item.kind}"><span class="out-picture">${picture(item)}</span>` +
    `<span class="out-caption" aria-hidden="true">${escape(item.text)}</span></span>`
  );
}

/**
 * A cell's printed output as HTML, with each line that is the text stand-in
 * of one of `items` (in order) drawn as its picture; other lines stay text.
 */
export function outputHtml(output: string, items: readonly DisplayItem[]): string {
  const lines = output.split("\n");
  let next = 0;
  return lines
    .map((line) => {
      if (next < items.length && line === items[next].text) return displayHtml(items[next++]);
      return escape(line);
    })
    .join("\n");
}
