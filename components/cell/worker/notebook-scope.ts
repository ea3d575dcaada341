/**
 * The scope a chapter's cells share, and the one place their code is
 * compiled and called (see run-cell.ts for the whole path). Used by the
 * page's worker and by the tests that execute every chapter.
 */
import { BOX, CellSyntaxError, bindCell, type PreparedCell } from "./transpile.ts";
import { DISPLAY_HOST, type DisplayItem } from "../../../lib/display.ts";

export interface ConsoleLike {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  debug(...args: unknown[]): void;
}

/** Lines the engine puts in front of a `new Function` body (2 in V8); measured, not assumed. */
let headerLines: number | null = null;
export function measureHeaderLines(): number {
  if (headerLines === null) {
    // An async function's body runs synchronously up to its first await, so the probe's stack is there at once.
    const probe: { stack?: string } = {};
    const make = new Function("probe", "return async function () { probe.stack = new Error().stack\n}\n//# sourceURL=nnfs-probe.js");
    void make(probe)();
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
   * (a name read from the parent turns into this notebook's own variable when
   * written, and what this one defines stays its own): an exercise's answer
   * on top of the book's cells.
   */
  parent?: Notebook;
  /**
   * The console whose cell's code runs now, if the host knows better than the
   * notebook (the worker: a timer's callback belongs to the cell that set it).
   * By default, the console of the cell being run, if any.
   */
  running?: () => ConsoleLike | null;
}

type Box = Record<string, unknown>;

export class Notebook {
  /**
   * The names every cell sees: what earlier cells defined, each a getter and
   * setter over the local variable of the cell that defined it last (cells
   * themselves read boxes, below; this is for everyone else).
   */
  readonly scope: Record<string, unknown>;
  /**
   * Each shared name's box: an object whose one accessor, under a key of its
   * own (a new key gives a new shape, so the box stays a fast object), reads
   * and writes that local. A cell gets the boxes of the names it uses as
   * constants. When a name is defined again, its older boxes are pointed at
   * the new local, so code that kept them sees the new definition.
   */
  private readonly boxes = new Map<string, { key: string; box: Box; older: Box[] }>();
  private lastKey = 0;
  /** Names the functions of cells that ran read from other cells (see bindCell). */
  private readonly awaited: Set<string>;
  /** Every cell that ran, by source name, so an error raised in one from a later cell is placed in it. */
  readonly sources: Map<string, RanSource>;
  private readonly modules: Record<string, unknown>;
  private readonly display: NonNullable<NotebookOptions["display"]>;
  private readonly parent: Notebook | null;
  /** The console of the cell whose body runs now. */
  private active: ConsoleLike | null = null;
  private readonly running: () => ConsoleLike | null;

  constructor(modules: Record<string, unknown>, options: NotebookOptions = {}) {
    this.modules = modules;
    this.parent = options.parent ?? null;
    this.running = options.running ?? (() => this.active);
    this.scope = Object.create(this.parent ? this.parent.scope : null);
    this.sources = new Map(this.parent?.sources);
    this.awaited = new Set(this.parent?.awaited);
    this.display = options.display ?? ((item, console) => console.log(item.text));
    measureHeaderLines();
  }

  /** Called by a cell as it starts, for each top-level name it defines. */
  private share(name: string, read: () => unknown, write: (v: unknown) => void): void {
    const accessor = { get: read, set: write, configurable: true, enumerable: true };
    const key = `v${++this.lastKey}`;
    const box = Object.defineProperty({}, key, accessor) as Box;
    const had = this.boxes.get(name);
    const older = had ? [...had.older, had.box] : [];
    for (const old of older) Object.defineProperty(old, Object.keys(old)[0], accessor);
    this.boxes.set(name, { key, box, older });
    // Read before the cell reached its definition (it threw first), the name is undefined here.
    const safeRead = () => {
      try {
        return read();
      } catch {
        return undefined;
      }
    };
    Object.defineProperty(this.scope, name, { get: safeRead, set: write, configurable: true, enumerable: true });
  }

  /**
   * The box of a shared name: this notebook's own, or, for a name only the
   * parent defines, a box of this notebook's that reads the parent's value
   * until this notebook writes the name (then the value is its own, and the
   * parent's stays as it was).
   */
  private boxFor(name: string): { key: string; box: Box } | undefined {
    const own = this.boxes.get(name);
    if (own || !this.parent || !(name in this.parent.scope)) return own;
    const parentScope = this.parent.scope;
    let value: unknown;
    let written = false;
    this.share(name, () => (written ? value : parentScope[name]), (v) => {
      written = true;
      value = v;
    });
    return this.boxes.get(name);
  }

  /**
   * The console a cell's code sees: what it prints goes under the cell whose
   * code runs now, so a function defined here and called by a later cell
   * prints under that later cell; with no cell running (a timer, after the
   * cell ended), under this cell.
   */
  private cellConsole(own: ConsoleLike): ConsoleLike {
    const to = (k: keyof ConsoleLike) => (...args: unknown[]) => (this.running() ?? own)[k](...args);
    return { log: to("log"), info: to("info"), warn: to("warn"), error: to("error"), debug: to("debug") };
  }

  async runPrepared(prepared: PreparedCell, console: ConsoleLike, sourceName = "cell.ts"): Promise<void> {
    bindCell(prepared, (name) => this.boxFor(name)?.key ?? null, (name) => name in globalThis, (name) => this.awaited.has(name));
    for (const name of prepared.late) this.awaited.add(name);
    const importer = (name: string) => {
      if (!(name in this.modules)) throw moduleNotFound(name, Object.keys(this.modules));
      return this.modules[name];
    };
    let fn: () => Promise<unknown>;
    try {
      const boxes = prepared.boxes.map((b) => `${BOX}${b.name}`);
      const make = new Function("__import", "console", "__share", "__publish", "__scope", ...boxes, `${prepared.body}\n//# sourceURL=${sourceName}`);
      const share = (name: string, read: () => unknown, write: (v: unknown) => void) => this.share(name, read, write);
      const publish = (name: string, value: unknown) => this.share(name, () => value, (v) => void (value = v));
      fn = make(importer, this.cellConsole(console), share, publish, this.scope, ...prepared.boxes.map((b) => this.boxFor(b.name)!.box));
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
    const before = this.active;
    this.active = console;
    try {
      await fn();
    } finally {
      this.active = before;
      global.console = saved.console;
      global[DISPLAY_HOST] = saved.host;
    }
  }
}
