/**
 * Draws a cell's output in the page: text lines as text, plots and digits as
 * the same SVG pictures the build puts under a cell (components/display/).
 * A picture carries its text stand-in as caption, so the output's text reads
 * as the output printed in the book (and as the chapter tests check it).
 */
import type { DisplayItem } from "../../lib/display.ts";
import type { OutputPiece } from "./protocol.ts";
import { displayHtml } from "../display/render.ts";

/** The element showing a plot or a digit, captioned with its text stand-in (components/display/). */
export function displayElement(item: DisplayItem): HTMLElement {
  const t = document.createElement("template");
  t.innerHTML = displayHtml(item);
  return t.content.firstElementChild as HTMLElement;
}

/** Appends output pieces to `target`, one line each, in order. */
export class OutputView {
  private empty = true;
  readonly target: HTMLElement;
  constructor(target: HTMLElement) {
    this.target = target;
  }

  clear(): void {
    this.target.replaceChildren();
    this.empty = true;
  }

  private newline(): void {
    if (!this.empty) this.target.append("\n");
    this.empty = false;
  }

  append(pieces: OutputPiece[]): void {
    const frag = document.createDocumentFragment();
    for (const piece of pieces) {
      if (!this.empty) frag.append("\n");
      this.empty = false;
      if ("display" in piece) {
        frag.append(displayElement(piece.display));
      } else if (piece.stream === "log") {
        frag.append(piece.text);
      } else {
        const span = document.createElement("span");
        span.className = `out-${piece.stream}`;
        span.textContent = piece.text;
        frag.append(span);
      }
    }
    this.target.append(frag);
  }

  /** A line styled as an error or a note. */
  line(text: string, kind: "error" | "note" | "pass"): void {
    this.newline();
    const span = document.createElement("span");
    span.className = `out-${kind}`;
    span.textContent = text;
    this.target.append(span);
  }
}
