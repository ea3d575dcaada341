/** What the page writes under and above a cell, in words: one place, tested without a browser. */
import type { CheckResult } from "../protocol.ts";

/** One result as a line of text: `✓ three numbers: 26` / `✗ empty vectors: expected 0, got 3`. */
export function checkLine(r: CheckResult): string {
  if (r.pass) return `✓ ${r.name}: ${r.actual}`;
  if (r.error) return `✗ ${r.name}: expected ${r.expected}, but it threw ${r.error}`;
  return `✗ ${r.name}: expected ${r.expected}, got ${r.actual}${r.reason?.startsWith("at ") ? ` (${r.reason})` : ""}`;
}

/** The note under a cell that printed too much. */
export function droppedNote(dropped: number): string {
  return `… ${dropped} more line${dropped === 1 ? "" : "s"} not shown (a cell shows at most 1,000 lines or 200,000 characters)`;
}

export function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** Timers a cell left running: what they print comes later, marked late. */
export function timersNote(timers: number): string {
  if (!timers) return "";
  const n = timers === 1 ? "1 timer was" : `${timers} timers were`;
  return `${n} still pending when the code finished: what ${timers === 1 ? "it prints" : "they print"} shows below, marked late, until this cell runs again or the notebook restarts.`;
}

/** Built-ins a cell changed, which the runtime put back. */
export function repairedNote(repaired: string[]): string {
  if (!repaired.length) return "";
  const shown = repaired.slice(0, 3).join(", ") + (repaired.length > 3 ? ` and ${repaired.length - 3} more` : "");
  return `This cell changed JavaScript's built-ins (${shown}); they were put back when it finished, because the cells below and the page's runtime need them.`;
}

/** Bytes as the status line shows them: `1.9 GB`, `310 MB`. */
export function bytes(n: number): string {
  return n >= 1e9 ? `${(n / 1e9).toFixed(1)} GB` : `${Math.round(n / 1e6)} MB`;
}

/** Why a run ended without finishing, for its output and status line. */
export function endedNote(end: { kind: "timeout"; ms: number } | { kind: "stopped" } | { kind: "crashed"; message: string }, memory: { used: number; limit: number } | null): string {
  const heap = memory ? ` (its memory was last seen at ${bytes(memory.used)} of ${bytes(memory.limit)})` : "";
  if (end.kind === "timeout") return `Stopped: the cell was still running after ${seconds(end.ms)} (an endless loop?).`;
  if (end.kind === "stopped") return "Stopped.";
  return `The cell worker failed: ${end.message}${heap}.`;
}
