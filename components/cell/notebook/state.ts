/**
 * What the page knows about its notebook, without a browser: per cell, the
 * code it last ran, the names it defines and uses, and whether its output is
 * stale because a cell above it ran again (as marimo's lazy mode does).
 *
 * The rules: what runs is always the code on the screen, so running a cell
 * first runs every cell above it that has not run, was edited since it ran,
 * or is stale. When a cell runs, every cell below that ran and uses a name
 * it defines (or defined before) becomes stale, and says which cell made it so.
 */

export interface CellRecord {
  /** The code the cell last ran in this notebook; null when it has not run in it. */
  ran: string | null;
  defines: string[];
  references: string[];
  /** Set when a cell above ran again after this one: which, and the names involved. */
  stale: { by: number; names: string[] } | null;
}

export class NotebookState {
  readonly cells: CellRecord[];

  constructor(count: number) {
    this.cells = Array.from({ length: count }, () => ({ ran: null, defines: [], references: [], stale: null }));
  }

  /** A new, empty notebook (the worker restarted): no cell has run in it. */
  reset(): void {
    for (const c of this.cells) Object.assign(c, { ran: null, defines: [], references: [], stale: null });
  }

  /** Whether cell `i` must run (again) before a cell below it: not run, edited since, or stale. */
  needsRun(i: number, code: string): boolean {
    const c = this.cells[i];
    return c.ran === null || c.ran !== code || c.stale !== null;
  }

  /** The cells above `before` (0-based; cells 0 … before−1) to run first, in order. `code(i)` is what cell i shows now. */
  plan(before: number, code: (i: number) => string): number[] {
    const out: number[] = [];
    for (let i = 0; i < Math.min(before, this.cells.length); i++) if (this.needsRun(i, code(i))) out.push(i);
    return out;
  }

  /**
   * Records that cell `i` ran `code` and now defines `defines`; returns the
   * cells below it that this made stale.
   */
  ran(i: number, code: string, defines: string[], references: string[]): number[] {
    const c = this.cells[i];
    const changed = new Set([...c.defines, ...defines]);
    Object.assign(c, { ran: code, defines, references, stale: null });
    const made: number[] = [];
    for (let j = i + 1; j < this.cells.length; j++) {
      const below = this.cells[j];
      if (below.ran === null || below.stale) continue;
      const names = below.references.filter((n) => changed.has(n));
      if (!names.length) continue;
      below.stale = { by: i, names };
      made.push(j);
    }
    return made;
  }

  /** Cell `i` failed: it has not run (its names may be half defined), so the next Run runs it again. */
  failed(i: number): void {
    this.cells[i].ran = null;
  }

  /** The stale cells, top to bottom. */
  stale(): number[] {
    return this.cells.flatMap((c, i) => (c.stale ? [i] : []));
  }

  /** Of the cells `ranFirst`, those defining a name the `references` use (what a cell really needed). */
  providers(ranFirst: number[], references: string[]): number[] {
    const used = new Set(references);
    return ranFirst.filter((i) => this.cells[i].defines.some((n) => used.has(n)));
  }
}
