/**
 * Places an error in the reader's code: the first frame of its stack that
 * belongs to a cell that ran in this notebook (the running cell, or an
 * earlier one whose function the running cell called), mapped back through
 * the rewrites and the stripped types to the reader's line and column.
 */
import type { CellError } from "../protocol.ts";
import { measureHeaderLines, type RanSource } from "./notebook-scope.ts";
import { jsColumn, tsPosition } from "./positions.ts";
import { BOX, CellSyntaxError } from "./transpile.ts";

/** How an error reads under a cell: `TypeError: x is not a function (line 3)`, `… (Cell 1, line 3)`. */
export function errorText(e: Omit<CellError, "text">): string {
  const where = e.line === null ? "" : ` (${e.cell ? `${e.cell}, ` : ""}line ${e.line})`;
  return `${e.name}: ${e.message}${where}`;
}

/** How many characters of an error's message are shown; a longer one is cut, saying how long it was. */
const MESSAGE_LIMIT = 2_000;

function placed(name: string, message: string, cell: string | null, line: number | null, column: number | null): CellError {
  if (message.length > MESSAGE_LIMIT) message = `${message.slice(0, MESSAGE_LIMIT)}… (${message.length.toLocaleString("en-US")} characters in all)`;
  if (name.length > 200) name = `${name.slice(0, 200)}…`;
  const e = { name, message, cell, line, column };
  return { ...e, text: errorText(e) };
}

/** The reader's position of a stack position `line:column` of cell `source`, or null outside its code. */
function position(source: RanSource, stackLine: number, stackColumn: number): { line: number; column: number } | null {
  const line = stackLine - measureHeaderLines();
  if (line < 1 || line > source.code.split("\n").length) return null;
  let column = line === 1 ? Math.max(1, stackColumn - source.prepared.prologueLength) : stackColumn;
  column = tsPosition(source.code, source.prepared.js, line, jsColumn(source.prepared, line, column)) ?? column;
  return { line, column };
}

/**
 * A message as the reader's code would give it: the engine quotes the code
 * that failed (`__nb_f.v3 is not a function`), and the notebook's rewrites of
 * names (transpile.ts) are undone in the quote (`f is not a function`).
 */
export function readerNames(message: string): string {
  return message
    .replace(new RegExp(`${BOX}([\\p{ID_Continue}$]+)\\.v\\d+`, "gu"), "$1")
    .replace(/\("([^"]+)" in __scope \? __scope\.\1 : \1\)/g, "$1");
}

/**
 * Where `error`, thrown while cell `here` ran, happened. `sources` holds the
 * cells that ran (see Notebook.sources); syntax errors carry their own position.
 */
export function locateError(error: unknown, sources: ReadonlyMap<string, RanSource>, here: string): CellError {
  if (error instanceof CellSyntaxError) return placed("SyntaxError", error.message, null, error.line, error.column);
  const err = error instanceof Error ? error : null;
  const name = err ? String(err.name) : "Error";
  const message = readerNames(err ? String(err.message) : `Uncaught ${String(error)}`);
  let stack = typeof err?.stack === "string" ? err.stack : "";
  // Chromium's stack begins with the message, which may be millions of characters: only the frames are searched.
  const head = `${name}: ${err ? String(err.message) : ""}`;
  if (err && stack.startsWith(head)) stack = stack.slice(head.length);
  else if (stack.length > 100_000) stack = stack.slice(-100_000);
  for (const m of stack.matchAll(/([\w.-]+):(\d+):(\d+)/g)) {
    const source = sources.get(m[1]);
    if (!source) continue;
    const at = position(source, Number(m[2]), Number(m[3]));
    if (at) return placed(name, message, m[1] === here ? null : source.label, at.line, at.column);
  }
  return placed(name, message, null, null, null);
}
