/**
 * The book's own notebook, kept beside the reader's, for exercise Checks: a
 * Check runs the reader's answer against the book's code of the cells it
 * needs (notebook/needs.ts), never against the reader's edits, and never
 * runs a cell it does not need. The results stay for the next Check, unless
 * an answer may have changed them (see snapshot.ts): then the next Check
 * computes them again in a fresh notebook.
 */
import type { CellError } from "../protocol.ts";
import { canReuse, needs, type CellNames } from "../notebook/needs.ts";
import { Notebook, type ConsoleLike, type NotebookOptions } from "./notebook-scope.ts";
import { prepareCell } from "./transpile.ts";
import { importedNames, importedValue, type Imported } from "./imports.ts";
import { runCell, runExercise, type CellSource, type ExerciseOutcome } from "./run-cell.ts";
import { snapshot } from "./snapshot.ts";

/** One of the book's cells above an exercise, as the book has it. */
export interface BookCell extends CellSource {
  /** 0-based among the chapter's cells. */
  index: number;
  /** The cell is meant to throw (`throws`): its error does not stop a Check. */
  throws: boolean;
}

export interface BookOutcome extends ExerciseOutcome {
  /** The book's cells this Check ran first (0-based), and the one that failed, if any (then nothing else ran). */
  book: { ran: number[]; failed: { index: number; label: string; error: CellError } | null };
}

interface Analysed extends CellNames {
  imported: Record<string, Imported>;
}

const silent: ConsoleLike = { log() {}, info() {}, warn() {}, error() {}, debug() {} };

function analyse(code: string): Analysed {
  try {
    const p = prepareCell(code);
    const imported = importedNames(p.js);
    return { defines: p.names, references: p.references, imports: Object.keys(imported), imported };
  } catch {
    return { defines: [], references: [], imports: [], imported: {} };
  }
}

export class BookNotebook {
  private readonly modules: Record<string, unknown>;
  private readonly options: NotebookOptions;
  private notebook: Notebook | null = null;
  /** The cells the notebook ran, in order, and the code each ran. */
  private held: { index: number; code: string }[] = [];
  private readonly analysed = new Map<string, Analysed>();

  constructor(modules: Record<string, unknown>, options: NotebookOptions = {}) {
    this.modules = modules;
    this.options = options;
  }

  private names(code: string): Analysed {
    let a = this.analysed.get(code);
    if (!a) this.analysed.set(code, (a = analyse(code)));
    return a;
  }

  /** What a Check of `code` with `checks` needs of `cells`: the cells to run and the names the answer uses. */
  plan(cells: readonly BookCell[], code: string, checks: string): { cells: number[]; uses: string[]; imports: { name: string; cell: number }[] } {
    const answer = analyse(code);
    const checked = analyse(checks);
    const uses = [...new Set([...answer.references, ...checked.references])].filter((n) => !answer.defines.includes(n) && n !== "check");
    const names = cells.map((c) => this.names(c.code));
    const found = needs(names, uses);
    return { cells: found.cells.map((i) => cells[i].index), uses, imports: found.imports.map((i) => ({ name: i.name, cell: cells[i.cell].index })) };
  }

  /**
   * Runs the book's cells the answer needs (those not kept from an earlier
   * Check), then the answer and its checks in a scope of their own on top of
   * the book's names. `starting(cells)` hears which cells are about to run.
   */
  async check(cells: readonly BookCell[], source: CellSource, checks: string, console: ConsoleLike, starting: (cells: number[]) => void = () => {}): Promise<BookOutcome> {
    const byIndex = new Map(cells.map((c) => [c.index, c]));
    const plan = this.plan(cells, source.code, checks);
    const all = cells.map((c) => this.names(c.code));
    const pos = (index: number) => cells.findIndex((c) => c.index === index);
    const held = this.held.filter((h) => byIndex.get(h.index)?.code === h.code).map((h) => pos(h.index));
    const fresh = !this.notebook || held.length !== this.held.length || !canReuse(all, held, plan.cells.map(pos), plan.uses);
    if (fresh) {
      // The book's cells print nothing and draw nothing: only the answer's output shows.
      this.notebook = new Notebook(this.modules, { ...this.options, display: () => {} });
      this.held = [];
    }
    const nb = this.notebook!;
    const toRun = plan.cells.filter((i) => !this.held.some((h) => h.index === i));
    starting(toRun);
    for (const { name, cell } of plan.imports) {
      const imported = this.names(byIndex.get(cell)!.code).imported[name];
      if (imported) nb.scope[name] = importedValue(this.modules, imported);
    }
    const ran: number[] = [];
    for (const i of toRun) {
      const cell = byIndex.get(i)!;
      const { error } = await runCell(nb, cell, silent);
      if (error && !cell.throws) {
        // The notebook holds half a cell: the next Check starts afresh.
        this.notebook = null;
        return { error: null, defines: [], references: [], results: [], book: { ran, failed: { index: i, label: cell.label, error } } };
      }
      this.held.push({ index: i, code: cell.code });
      ran.push(i);
    }
    const kept = plan.uses.filter((n) => n in nb.scope).map((n) => snapshot(nb.scope[n]));
    const answer = new Notebook(this.modules, { ...this.options, parent: nb });
    const outcome = await runExercise(answer, source, checks, console);
    // An answer that changed what the book's cells made (say, trained their network) leaves nothing to keep.
    if (!kept.every((same) => same())) this.notebook = null;
    return { ...outcome, book: { ran, failed: null } };
  }
}
