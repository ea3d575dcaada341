/**
 * Collects what a running cell prints and hands it to the page as it comes,
 * so a training loop's progress shows while it runs. A worker busy with a
 * long computation cannot flush on a timer, so lines are sent as written
 * (or batched by `flushMs` when set). Past a cap of lines or of characters,
 * output is only counted, so a loop printing megabytes cannot flood the page.
 */
import type { Bar, DisplayItem } from "../../../lib/display.ts";
import type { OutputPiece, Stream } from "../protocol.ts";

export const MAX_LINES = 1000;
export const MAX_LINE_CHARS = 10_000;
/** All the text one run may show: 1,000 lines of 10,000 characters would be 10 MB. */
export const MAX_CHARS = 200_000;
export const FLUSH_MS = 0;

export interface OutputLimits {
  maxLines: number;
  maxLineChars: number;
  maxChars: number;
  flushMs: number;
}

const LIMITS: OutputLimits = { maxLines: MAX_LINES, maxLineChars: MAX_LINE_CHARS, maxChars: MAX_CHARS, flushMs: FLUSH_MS };

export class OutputCollector {
  private pending: OutputPiece[] = [];
  private lines = 0;
  private chars = 0;
  private lastFlush = Number.NEGATIVE_INFINITY;
  /** Lines left out past the cap. */
  dropped = 0;

  private readonly send: (pieces: OutputPiece[]) => void;
  private readonly limits: OutputLimits;
  private readonly now: () => number;

  constructor(send: (pieces: OutputPiece[]) => void, limits: Partial<OutputLimits> = {}, now: () => number = () => performance.now()) {
    this.send = send;
    this.limits = { ...LIMITS, ...limits };
    this.now = now;
  }

  /** A printed line (it may hold newlines; each counts). */
  write(stream: Stream, text: string): void {
    const parts = text.split("\n");
    const kept: string[] = [];
    for (const part of parts) {
      const line = clip(part, this.limits.maxLineChars);
      if (this.lines >= this.limits.maxLines || this.chars + line.length > this.limits.maxChars) break;
      kept.push(line);
      this.lines++;
      this.chars += line.length + 1;
    }
    this.dropped += parts.length - kept.length;
    if (!kept.length) return;
    this.pending.push({ stream, text: kept.join("\n") });
    this.maybeFlush();
  }

  /** A plot or an image; counts as one line. Anything else a cell hands over is shown as text. */
  display(item: unknown): void {
    if (!drawable(item)) {
      this.write("warn", `(not a picture the page can draw: ${describe(item)})`);
      return;
    }
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

const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => typeof n === "number");

/** What `plot`, `bars` and `showDigit` make, and nothing else: hand-made items must not reach the page's renderer. */
export function drawable(item: unknown): item is DisplayItem {
  if (!item || typeof item !== "object") return false;
  const d = item as Record<string, unknown>;
  if (typeof d.text !== "string") return false;
  if (d.kind === "bars") {
    return (d.title === null || typeof d.title === "string") && Array.isArray(d.bars) &&
      d.bars.every((b: unknown) => !!b && typeof (b as Bar).name === "string" && typeof (b as Bar).value === "number" && (b as Bar).value >= 0 && Number.isFinite((b as Bar).value));
  }
  if (d.kind === "digit") return isNumbers(d.pixels) && d.pixels.length === 784 && (d.label === null || typeof d.label === "string");
  if (d.kind !== "plot" || !(d.title === null || typeof d.title === "string") || !Array.isArray(d.series)) return false;
  return d.series.every((s: unknown) => {
    const r = s as Record<string, unknown> | null;
    return !!r && isNumbers(r.x) && isNumbers(r.y) && r.x.length === r.y.length && (r.name === undefined || r.name === null || typeof r.name === "string");
  });
}

function describe(item: unknown): string {
  try {
    return JSON.stringify(item)?.slice(0, 80) ?? String(item);
  } catch {
    return typeof item;
  }
}

function clip(line: string, max: number): string {
  return line.length <= max ? line : `${line.slice(0, max)}… (${line.length - max} more characters)`;
}
