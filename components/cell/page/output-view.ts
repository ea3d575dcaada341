/**
 * The output under a cell, drawn as it streams in. Pieces are drawn in
 * slices of at most SLICE_MS, yielding to the page between slices, so a cell
 * that prints a lot never blocks the page for long. Late output (printed by a
 * timer after the cell finished) is marked as such; a picture the page cannot
 * draw shows its text instead of breaking the page.
 */
import type { OutputPiece } from "../protocol.ts";
import { displayElement } from "./render.ts";

export const SLICE_MS = 8;

type Entry = { piece: OutputPiece; late: boolean } | { line: string; kind: "error" | "note" | "pass" };

export class OutputView {
  private empty = true;
  private queue: Entry[] = [];
  private draining: Promise<void> | null = null;
  readonly target: HTMLElement;
  private readonly now: () => number;

  constructor(target: HTMLElement, now: () => number = () => performance.now()) {
    this.target = target;
    this.now = now;
  }

  clear(): void {
    this.queue = [];
    this.target.replaceChildren();
    this.empty = true;
  }

  append(pieces: OutputPiece[], late = false): void {
    for (const piece of pieces) this.queue.push({ piece, late });
    this.drain();
  }

  /** A line styled as an error, a note or a passed check, after what is already queued. */
  line(text: string, kind: "error" | "note" | "pass"): void {
    this.queue.push({ line: text, kind });
    this.drain();
  }

  /** Resolves once everything queued so far is drawn. */
  idle(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  private drain(): void {
    if (this.draining) return;
    this.slice();
    if (this.queue.length) this.draining = this.rest();
  }

  /** Draws queued entries for at most SLICE_MS. */
  private slice(): void {
    const until = this.now() + SLICE_MS;
    const frag = document.createDocumentFragment();
    do this.draw(this.queue.shift()!, frag);
    while (this.queue.length && this.now() < until);
    this.target.append(frag);
  }

  /** The slices after the first, each in a task of its own so the page can answer in between. */
  private async rest(): Promise<void> {
    while (this.queue.length) {
      await new Promise((r) => setTimeout(r, 0));
      if (this.queue.length) this.slice();
    }
    this.draining = null;
  }

  private draw(entry: Entry, frag: DocumentFragment): void {
    if (!this.empty) frag.append("\n");
    this.empty = false;
    if ("line" in entry) {
      frag.append(span(`out-${entry.kind}`, entry.line));
      return;
    }
    const { piece, late } = entry;
    let el: Node;
    if ("display" in piece) el = picture(piece.display);
    else if (piece.stream === "log" && !late) el = document.createTextNode(piece.text);
    else el = span(`out-${piece.stream}`, piece.text);
    if (late) {
      const box = span("out-late", "");
      box.title = "Printed after the cell finished (by a timer or a promise it left running)";
      box.append(el);
      el = box;
    }
    frag.append(el);
  }
}

function span(className: string, text: string): HTMLSpanElement {
  const s = document.createElement("span");
  s.className = className;
  s.textContent = text;
  return s;
}

function picture(item: Parameters<typeof displayElement>[0]): Node {
  try {
    return displayElement(item);
  } catch {
    return span("out-warn", typeof item?.text === "string" ? item.text : "(a picture the page could not draw)");
  }
}
