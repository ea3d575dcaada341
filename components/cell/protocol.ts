/**
 * The messages between a chapter page and its cell worker, and nothing else:
 * page/ and worker/ know each other only through these types. Only strings,
 * numbers and plain objects cross: values are formatted in the worker, so a
 * function, a circular object or a bigint never has to be cloned.
 */
import type { DisplayItem } from "../../lib/display.ts";

export type Stream = "log" | "warn" | "error";

/** One piece of a cell's output, in the order it was printed. */
export type OutputPiece = { stream: Stream; text: string } | { display: DisplayItem };

/** Where an error happened in the reader's code, and how it reads under the cell. */
export interface CellError {
  name: string;
  message: string;
  /** The cell that holds the line (`Cell 1`), when it is not the cell that ran; else null. */
  cell: string | null;
  /** 1-based line and column in the reader's TypeScript, or null when the engine gave none. */
  line: number | null;
  column: number | null;
  /** `TypeError: x is not a function (line 3)`, or `… (Cell 1, line 3)`. */
  text: string;
}

/** The outcome of one `check(…)` of an exercise. */
export interface CheckResult {
  name: string;
  pass: boolean;
  /** Both values as the output shows them. */
  expected: string;
  actual: string;
  /** Why it failed: `at [1]: 5 is not 6`; null when it passed. */
  reason: string | null;
  /** Set when computing the actual value threw: `TypeError: …`. */
  error?: string;
}

/** A cell's code and how errors name it. */
interface CellCode {
  runId: number;
  code: string;
  /** The file name its stack frames carry (`02-a-single-neuron-cell-3.ts`). */
  sourceName: string;
  /** How the page names it (`Cell 3`), for an error raised in it from a later cell. */
  label: string;
}

/**
 * A value an island passes to, or gets back from, a function the reader
 * defined: a number, a list, or a matrix (sent as its shape and entries, and
 * made an `nnfs` Matrix again on the other side). Anything else comes back
 * as its text (`text`), as the output would print it.
 */
export type CallValue = number | boolean | null | CallValue[] | { matrix: { rows: number; cols: number; data: number[] } } | { text: string; kind: string };

/** What calling a reader's function gave: every result, or why there are none. */
export type CallAnswer =
  | { kind: "values"; values: CallValue[] }
  /** The name is not in the notebook (its cell has not run), or is not a function. */
  | { kind: "missing"; why: string; defined: boolean }
  /** The call with arguments number `index` threw (`TypeError: … (line 2)`). */
  | { kind: "threw"; index: number; error: string }
  /** The calls did not return within `seconds` (a loop that never ends?): the notebook was restarted. */
  | { kind: "stuck"; seconds: number };

/**
 * The one sentence an island says when the reader's function never returned
 * and the notebook was restarted: `sigma ran for 3 s without returning (a loop
 * that never ends?), so the notebook restarted.`
 */
export function stuckWhy(name: string, seconds: number): string {
  return `${name} ran for ${seconds} s without returning (a loop that never ends?), so the notebook restarted.`;
}

/** One of the book's cells above an exercise, with the book's code (never the reader's edit). */
export interface BookCellCode {
  /** 0-based among the chapter's cells. */
  index: number;
  code: string;
  sourceName: string;
  label: string;
  /** The cell is meant to throw. */
  throws: boolean;
}

/** What the page asks the worker to do. */
/** The page's own channel, when the worker starts in the cell frame: the port comes with this message, and all else goes through it. */
export type PortHandover = { type: "port" };

export type ToWorker =
  | ({ type: "run" } & CellCode)
  /** Check an exercise: the answer and its checks, against the book's code of the cells above it that they need. */
  | ({ type: "check"; checks: string; book: BookCellCode[] } & CellCode)
  /** The reader's trained network as the trainer packed it (or null): what `trainedNetwork()` returns in cells. */
  | { type: "trained"; packed: string | null }
  | { type: "ping" }
  /** Call the notebook's function `name` once per argument list (for an island). */
  | { type: "call"; callId: number; name: string; args: CallValue[][] };

/** What the worker tells the page. */
export type FromWorker =
  | { type: "ready"; exports: string[] }
  /** A Check is about to run these of the book's cells first (0-based), which it needs and has not kept. */
  | { type: "book"; runId: number; cells: number[] }
  | {
      type: "output";
      runId: number;
      pieces: OutputPiece[];
      /** Printed after the run finished (by a timer or a promise it left behind). */
      late: boolean;
    }
  | {
      type: "done";
      runId: number;
      error: CellError | null;
      /** Output lines left out because the cell printed too much. */
      dropped: number;
      /** Timers (setTimeout/setInterval) still pending when the cell's code finished. */
      timers: number;
      /** Names the notebook defines after this run (for completion). */
      names: string[];
      /** Top-level names this cell defines, and the names it uses that it does not define. */
      defines: string[];
      references: string[];
      /** Built-ins the cell changed, put back when it finished (`Array.prototype.map`). */
      repaired: string[];
      /** The results of `check(…)` calls, for an exercise. */
      checks?: CheckResult[];
      /** For a Check: the book's cells it ran first (0-based), and the one that failed (then the answer did not run). */
      book?: { ran: number[]; failed: { index: number; label: string; error: CellError } | null };
      /** How long the code ran in the worker. */
      ms: number;
    }
  | { type: "called"; callId: number; answer: CallAnswer }
  | {
      type: "pong";
      /** The worker's JavaScript heap in bytes, where the browser tells (Chromium). */
      memory: { used: number; limit: number } | null;
    };

/** A type problem of a cell (the editor's language service, types/). */
export interface TypeProblem {
  /** Offsets in the cell's code. */
  from: number;
  to: number;
  /** 1-based. */
  line: number;
  column: number;
  message: string;
  severity: "error" | "warning";
}

/** The type and doc comment under the pointer. */
export interface TypeHover {
  from: number;
  to: number;
  /** `function sigmoid(x: number): number` */
  type: string;
  /** The doc comment, with its tags (`@example …`). */
  doc: string;
}

export interface TypeCompletion {
  label: string;
  kind: string;
  /** The signature or type, for the first entries; else null. */
  detail: string | null;
}

/** What the page asks the language service's worker about one cell, which sees `chain` (the cells above it, then itself). */
export type ToTypes = { id: number; chain: { file: string; code: string }[]; file: string } & ({ ask: "problems" } | { ask: "hover" | "complete"; pos: number });

/** Its answer to the request `id`. */
export type FromTypes =
  | { id: number; ask: "problems"; problems: TypeProblem[] }
  | { id: number; ask: "hover"; hover: TypeHover | null }
  | { id: number; ask: "complete"; completions: { from: number; options: TypeCompletion[] } | null };
