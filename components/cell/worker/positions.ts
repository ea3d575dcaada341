/**
 * Positions in a cell: the stack of a running cell gives a line and column in
 * the code that ran (types stripped, declarations rewritten); these map them
 * back to the reader's TypeScript, which is what the page shows.
 */
/** A rewrite that stays on one line: at `column` of `line`, `removed` characters became `inserted`. */
export interface Rewrite {
  line: number;
  column: number;
  removed: number;
  inserted: number;
}

/**
 * The column in the type-stripped JavaScript for a column of the body that
 * runs (after the declarations were rewritten: `const a = 1` → `;(a = 1)`).
 * A column inside inserted text maps to the start of what it replaced.
 */
export function jsColumn(prepared: { rewrites: Rewrite[] }, line: number | null, column: number | null): number | null {
  if (line === null || column === null) return column;
  let delta = 0;
  for (const r of prepared.rewrites) {
    if (r.line !== line) continue;
    const at = r.column + delta; // where this rewrite starts in the body
    if (column < at) break;
    if (column < at + r.inserted) return r.column;
    delta += r.inserted - r.removed;
  }
  return column - delta;
}

/**
 * The reader's column for a column of the type-stripped line. Stripping types
 * only deletes text within a line, so the JavaScript line is matched against
 * the TypeScript line character by character, skipping what was deleted.
 */
export function mapColumn(tsLine: string, jsLine: string, jsColumn: number): number {
  let i = 0;
  for (let j = 0; j < jsColumn - 1 && j < jsLine.length; j++) {
    while (i < tsLine.length && tsLine[i] !== jsLine[j]) i++;
    if (i >= tsLine.length) return jsColumn; // not a pure deletion: keep the column as is
    i++;
  }
  while (i < tsLine.length && jsColumn - 1 < jsLine.length && tsLine[i] !== jsLine[jsColumn - 1]) i++;
  return i < tsLine.length ? i + 1 : jsColumn;
}

/** Maps a line/column of the stripped JavaScript back to the reader's TypeScript. */
export function tsPosition(code: string, js: string, line: number | null, column: number | null): number | null {
  if (line === null || column === null) return column;
  const ts = code.split("\n")[line - 1];
  const j = js.split("\n")[line - 1];
  return ts === undefined || j === undefined ? column : mapColumn(ts, j, column);
}


/** 1-based line and column of offset `pos` in `source`. */
export function lineCol(source: string, pos: number): { line: number; column: number } {
  const before = source.slice(0, pos);
  const line = before.split("\n").length;
  return { line, column: pos - before.lastIndexOf("\n") };
}
