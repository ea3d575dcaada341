/**
 * The messages between a chapter page and its cell worker. Only strings and
 * plain numbers cross: values are formatted in the worker (format.ts), so a
 * function, a circular object or a bigint never has to be cloned.
 */
import type { DisplayItem } from "../../lib/display.ts";
import type { CellErrorInfo } from "./worker/notebook-scope.ts";
import type { CheckResult } from "./worker/checks.ts";

export type Stream = "log" | "warn" | "error";

/** One piece of a cell's output, in the order it was printed. */
export type OutputPiece = { stream: Stream; text: string } | { display: DisplayItem };

/** What the page asks the worker to do. */
export type ToWorker =
  | { type: "run"; runId: number; index: number; code: string; sourceName: string }
  | { type: "check"; runId: number; index: number; code: string; checks: string; sourceName: string };

/** What the worker tells the page. */
export type FromWorker =
  | { type: "ready"; exports: string[] }
  | { type: "output"; runId: number; pieces: OutputPiece[] }
  | {
      type: "done";
      runId: number;
      /** The cell's error as shown under it (`TypeError: … (line 3)`), with its position. */
      error: (CellErrorInfo & { text: string }) | null;
      /** Output lines left out because the cell printed too much. */
      dropped: number;
      /** Timers (setTimeout/setInterval) still pending when the cell finished; they were cancelled. */
      timers: number;
      /** Names the notebook defines after this run (for completion). */
      names: string[];
      /** The results of `check(…)` calls, for an exercise. */
      checks?: CheckResult[];
      ms: number;
    };
