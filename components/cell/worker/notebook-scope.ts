/**
 * The scope a chapter's cells share, and the one place their code is
 * compiled and called (see run-cell.ts for the whole path). Used by the
 * page's worker and by the tests that execute every chapter.
 */
import { CellSyntaxError, type PreparedCell } from "./transpile.ts";
import { DISPLAY_HOST, type DisplayItem } from "../../../lib/display.ts";

export interface ConsoleLike {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  debug(...args: unknown[]): void;
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...args: unknown[]) => Promise<unknown>;

/** Lines the engine puts in front of a `new AsyncFunction` body (2 in V8); measured, not assumed. */
let headerLines: number | null = null;
export function measureHeaderLines(): number {
  if (headerLines === null) {
    // An async function's body runs synchronously up to its first await, so the probe's stack is there at once.
    const probe: { stack?: string } = {};
    void new AsyncFunction("probe", "probe.stack = new Error().stack\n//# sourceURL=nnfs-probe.js")(probe);
    const m = /nnfs-probe\.js:(\d+):\d+/.exec(probe.stack ?? "");
    headerLines = m ? Number(m[1]) - 1 : 2;
  }
  return headerLines;
}

export function moduleNotFound(name: string, known: string[]): Error {
  const list = known.map((k) => `"${k}"`).join(", ");
  return new Error(`Cannot import "${name}": a cell can import only ${list} (the book's library)`);
}

export interface RanSource {
  /** How the page names the cell (`Cell 1`). */
  label: string;
  code: string;
  prepared: PreparedCell;
}

export interface NotebookOptions {
  /**
   * Shows what `plot`/`showDigit` ask for. Without it, their text stand-in is
   * logged to the cell's console (that is what the chapter tests check).
   */
  display?: (item: DisplayItem, console: ConsoleLike) => void;
  /**
   * A notebook whose names this one sees without being able to change them
   * (its scope inherits from the parent's, and what this one defines stays its
   * own): an exercise's answer on top of the book's cells.
   */
  parent?: Notebook;
}

export class Notebook {
  /** The names every cell sees: what earlier cells defined. */
  readonly scope: Record<string, unknown>;
  /** Every cell that ran, by source name, so an error raised in one from a later cell is placed in it. */
  readonly sources: Map<string, RanSource>;
  private readonly modules: Record<string, unknown>;
  private readonly display: NonNullable<NotebookOptions["display"]>;

  constructor(modules: Record<string, unknown>, options: NotebookOptions = {}) {
    this.modules = modules;
    this.scope = Object.create(options.parent ? options.parent.scope : null);
    this.sources = new Map(options.parent?.sources);
    this.display = options.display ?? ((item, console) => console.log(item.text));
    measureHeaderLines();
  }

  async runPrepared(prepared: PreparedCell, console: ConsoleLike, sourceName = "cell.ts"): Promise<void> {
    for (const name of prepared.names) if (!(name in this.scope)) this.scope[name] = undefined;
    const importer = (name: string) => {
      if (!(name in this.modules)) throw moduleNotFound(name, Object.keys(this.modules));
      return this.modules[name];
    };
    let fn: (...args: unknown[]) => Promise<unknown>;
    try {
      fn = new AsyncFunction("__nb", "__import", "console", `${prepared.body}\n//# sourceURL=${sourceName}`);
    } catch (e) {
      // The engine found what the parser let through; it gives no position.
      const err = e as Error;
      throw new CellSyntaxError(err.message, null, null);
    }
    // While the cell runs, what the library prints or shows (say a training
    // loop's progress) lands under the cell too, as the cell's own logs do.
    const global = globalThis as unknown as Record<PropertyKey, unknown>;
    const saved = { console: global.console, host: global[DISPLAY_HOST] };
    global.console = Object.assign(Object.create(saved.console as object), console);
    global[DISPLAY_HOST] = (item: DisplayItem) => this.display(item, console);
    try {
      await fn(this.scope, importer, console);
    } finally {
      global.console = saved.console;
      global[DISPLAY_HOST] = saved.host;
    }
  }
}
