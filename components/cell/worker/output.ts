/**
 * Collects what a running cell prints and hands it to the page as it comes,
 * so a training loop's progress shows while it runs. A worker busy with a
 * long computation cannot flush on a timer, so lines are sent as written
 * (or batched by `flushMs` when set); past a cap, lines are only counted,
 * so a loop printing a million lines cannot flood the page.
 */
import type { DisplayItem } from "../../../lib/display.ts";
import type { OutputPiece, Stream } from "../protocol.ts";

export const MAX_LINES = 1000;
export const MAX_LINE_CHARS = 10_000;
export const FLUSH_MS = 0;

export interface OutputLimits {
  maxLines: number;
  maxLineChars: number;
  flushMs: number;
}

export class OutputCollector {
  private pending: OutputPiece[] = [];
  private lines = 0;
  private lastFlush: number;
  /** Lines left out past the cap. */
  dropped = 0;

  private readonly send: (pieces: OutputPiece[]) => void;
  private readonly limits: OutputLimits;
  private readonly now: () => number;

  constructor(
    send: (pieces: OutputPiece[]) => void,
    limits: OutputLimits = { maxLines: MAX_LINES, maxLineChars: MAX_LINE_CHARS, flushMs: FLUSH_MS },
    now: () => number = () => performance.now(),
  ) {
    this.send = send;
    this.limits = limits;
    this.now = now;
    this.lastFlush = Number.NEGATIVE_INFINITY;
  }

  /** A printed line (it may hold newlines; each counts). */
  write(stream: Stream, text: string): void {
    const parts = text.split("\n");
    const room = this.limits.maxLines - this.lines;
    if (room <= 0) {
      this.dropped += parts.length;
      return;
    }
    const kept = parts.slice(0, room).map((line) => clip(line, this.limits.maxLineChars));
    this.dropped += parts.length - kept.length;
    this.lines += kept.length;
    this.pending.push({ stream, text: kept.join("\n") });
    this.maybeFlush();
  }

  /** A plot or an image; counts as one line. */
  display(item: DisplayItem): void {
    if (this.lines >= this.limits.maxLines) {
      this.dropped++;
      return;
    }
    this.lines++;
    this.pending.push({ display: item });
    this.maybeFlush();
  }

  /** Sends whatever is waiting. */
  flush(): void {
    this.lastFlush = this.now();
    if (!this.pending.length) return;
    const pieces = this.pending;
    this.pending = [];
    this.send(pieces);
  }

  private maybeFlush(): void {
    if (this.now() - this.lastFlush >= this.limits.flushMs) this.flush();
  }
}

function clip(line: string, max: number): string {
  return line.length <= max ? line : `${line.slice(0, max)}… (${line.length - max} more characters)`;
}

/** The note under a cell that printed too much. */
export function droppedNote(dropped: number): string {
  return `… ${dropped} more line${dropped === 1 ? "" : "s"} not shown (a cell shows at most ${MAX_LINES})`;
}
