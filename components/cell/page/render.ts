/**
 * Draws a cell's output in the page: text lines as text, plots and digits as
 * the same SVG pictures the build puts under a cell (components/display/).
 * A picture carries its text stand-in as caption, so the output's text reads
 * as the output printed in the book (and as the chapter tests check it).
 */
import type { DisplayItem } from "../../../lib/display.ts";
import { displayHtml } from "../../display/render.ts";

/** The element showing a plot or a digit, captioned with its text stand-in (components/display/). */
export function displayElement(item: DisplayItem): HTMLElement {
  const t = document.createElement("template");
  t.innerHTML = displayHtml(item);
  return t.content.firstElementChild as HTMLElement;
}
