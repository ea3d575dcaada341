/**
 * The cells of one chapter page and the notebook they share, once a reader
 * is about to use them (boot.ts loads this module on first need). It decides
 * nothing itself that can be tested without a browser: what must run and what
 * is stale come from notebook/state.ts, the words from texts.ts and plan.ts.
 *
 * After a Run the reader started, it tells the page on `document`:
 * `nnfs:cell-run` ({ chapter, cell, ok }) for a cell (and for each cell that
 * ran first, or whose book code a Check ran first) and
 * `nnfs:exercise-checked` ({ chapter, exercise, passed }) for an exercise.
 */
import { CellView, type CellHost } from "./cell-view.ts";
import { WorkerRunner, type Done, type RunEnd } from "./runner.ts";
import { createWorker } from "./worker-url.ts";
import { storedTrained } from "./trained.ts";
import { parseShareHash } from "./share.ts";
import { checkLine, droppedNote, endedNote, repairedNote, timersNote } from "./texts.ts";
import type { TypeContext } from "./types-client.ts";
import { NotebookState } from "../notebook/state.ts";
import { ranNote, staleNote } from "../notebook/plan.ts";
import { bookNote, checkRequest, reportBookFailure } from "./exercise-check.ts";
import type { RunRequest } from "./runner.ts";

export class ChapterCells implements CellHost {
  readonly cells: CellView[] = [];
  readonly runner = new WorkerRunner(createWorker);
  private readonly state: NotebookState;
  private generation = 0;
  private queue: Promise<void> = Promise.resolve();
  private pending = new Set<CellView>();
  /** What the worker said of the last run that finished (for the page's events). */
  private lastDone: Done | null = null;

  constructor(root: ParentNode = document) {
    // The page's notebook, for the islands that ask it for a reader's name (bridge.ts).
    (globalThis as Record<symbol, unknown>)[Symbol.for("nnfs.notebook")] = this;
    document.dispatchEvent(new Event("nnfs:notebook"));
    for (const el of root.querySelectorAll<HTMLElement>("[data-cell], [data-exercise]")) this.cells.push(new CellView(el, this));
    this.state = new NotebookState(this.plainCells().length);
    this.runner.trained = () => storedTrained();
    this.runner.onDeath = (why) => this.restarted(`The notebook restarted: ${why}. Your edits are kept; the cells above run again on the next Run.`);
    const shared = parseShareHash(location.hash);
    const cell = shared && this.cells.filter((c) => c.exercise === (shared.kind === "exercise"))[shared.index];
    if (shared && cell) {
      cell.showShared(shared.code);
      cell.el.scrollIntoView({ block: "center" });
    }
  }

  plainCells(): CellView[] {
    return this.cells.filter((c) => !c.exercise);
  }

  find(el: Element): CellView | undefined {
    return this.cells.find((c) => c.el === el);
  }

  names() {
    return { nnfs: this.runner.exports, notebook: this.runner.names };
  }

  warm(): void {
    this.runner.warm();
  }

  /** The cell's notebook as the type checker sees it: the plain cells above it (as on screen), then the cell. */
  typeContext(cell: CellView): TypeContext {
    const unit = (c: CellView) => ({ file: `/book/${c.exercise ? "exercise" : "cell"}-${c.index + 1}.ts`, code: c.code() });
    return { file: unit(cell).file, chain: this.typeChain(cell).map(unit) };
  }

  private typeChain(cell: CellView): CellView[] {
    return [...this.plainCells().filter((c) => c !== cell && c.el.compareDocumentPosition(cell.el) & Node.DOCUMENT_POSITION_FOLLOWING), cell];
  }

  focusNext(cell: CellView): void {
    const next = this.cells[this.cells.indexOf(cell) + 1];
    if (!next) return;
    next.enhance();
    const still = matchMedia("(prefers-reduced-motion: reduce)").matches;
    next.el.scrollIntoView({ block: "nearest", behavior: still ? "auto" : "smooth" });
    next.editor?.focus();
  }

  stop(): void {
    this.runner.stop();
  }

  /** Restart: a new worker, an empty notebook, no timers left; every edit stays. */
  restart(from: CellView): void {
    this.runner.restart();
    this.restarted("");
    from.status("Restarted: the notebook is empty and its timers are stopped; your edits are kept. Run a cell and the cells above it run first.", "idle");
  }

  /** The notebook is gone: no cell has run in the new one, and no output is stale against it. */
  private restarted(why: string): void {
    this.state.reset();
    this.generation = -1;
    for (const c of this.cells) {
      if (why && c.el.hasAttribute("data-ran")) c.status(why, "idle");
      c.el.removeAttribute("data-ran");
      c.markOutput(null);
    }
    this.showRestart(false);
  }

  private showRestart(on: boolean): void {
    for (const c of this.cells) {
      const b = c.button("restart");
      if (b) b.hidden = !on;
    }
  }

  /** Runs every stale cell, top to bottom (each after what it needs above it). */
  runStale(): void {
    const plain = this.plainCells();
    for (const i of this.state.stale()) this.run(plain[i]);
  }

  /** Runs `target` after the cells above it that must run first; runs queue up one after another. */
  run(target: CellView): void {
    if (this.pending.has(target)) return; // already running or waiting: Run again does nothing
    this.pending.add(target);
    if (this.runner.running) target.status("Waiting for the cell that is running…", "queued");
    this.queue = this.queue.then(() => this.runNow(target)).finally(() => this.pending.delete(target));
  }

  private async runNow(target: CellView): Promise<void> {
    if (this.runner.generation !== this.generation) this.state.reset();
    if (target.exercise) return this.check(target);
    const plain = this.plainCells();
    const ranFirst: number[] = [];
    for (const i of this.state.plan(target.index, (j) => plain[j].code())) {
      const ok = await this.runOne(plain[i], `Ran to prepare ${target.label}.`);
      if (!ok && !plain[i].throws) {
        target.status(`Not run: ${plain[i].label} above it did not finish, and the code above a cell runs before it.`, "error");
        this.announce(target, false, null);
        return;
      }
      this.announce(plain[i], true, this.lastDone); // the chapter's count of cells run counts it
      ranFirst.push(i);
    }
    const done = await this.runOne(target, "", ranFirst);
    this.announce(target, done !== false, this.lastDone);
  }

  /**
   * Checks an exercise: the worker runs the reader's answer and its checks
   * against the book's code of the cells above that they need (not the
   * reader's edits, nor the notebook on the page), keeping what those cells
   * computed for the next Check.
   */
  private async check(target: CellView): Promise<void> {
    const plain = this.plainCells();
    const finished = await this.runOne(target, "", [], checkRequest(target, plain));
    const done = this.lastDone;
    // The book's cells the Check ran count as run where the page shows the book's code.
    for (const i of done?.book?.ran ?? []) if (plain[i].code() === plain[i].original) this.announce(plain[i], true, null);
    this.announce(target, finished, done);
  }

  /** Tells the rest of the page that a Run the reader asked for has finished. */
  private announce(cell: CellView, finished: boolean, done: Done | null): void {
    const detail = cell.exercise
      ? { chapter: cell.chapter, exercise: cell.index, passed: finished && !!done?.checks?.length && !done.error && done.checks.every((r) => r.pass) }
      : { chapter: cell.chapter, cell: cell.index, ok: finished && (!done?.error || cell.throws) };
    document.dispatchEvent(new CustomEvent(cell.exercise ? "nnfs:exercise-checked" : "nnfs:cell-run", { detail }));
  }

  /** Runs one cell; true when it finished (with or without an error). */
  private async runOne(cell: CellView, note: string, ranFirst: number[] = [], book: Pick<RunRequest, "book" | "onBook"> = {}): Promise<boolean> {
    cell.status("Running…", "running");
    cell.startOutput();
    this.lastDone = null;
    const code = cell.code();
    cell.el.querySelector("[data-cell-types]")?.remove();
    if (this.typeChain(cell).some((c) => c.code() !== c.original)) {
      const context = this.typeContext(cell);
      void import("./types-client.ts").then((m) => m.checkOnRun(cell.el, () => cell.pre, context, () => cell.code() === code)).catch(() => {});
    }
    const end: RunEnd = await this.runner.run({
      code,
      label: cell.label,
      sourceName: cell.sourceName,
      checks: cell.exercise ? cell.checks : undefined,
      ...book,
      timeoutMs: cell.timeoutMs,
      onOutput: cell.onOutput,
    });
    this.generation = this.runner.generation;
    this.pending.delete(cell); // from here on, Run on this cell queues a new run
    if (end.kind !== "done") {
      const why = endedNote(end, this.runner.memory);
      cell.output.line(why, "error");
      await cell.output.idle();
      this.restarted("The notebook restarted (a cell was stopped or its worker failed); your edits are kept, and this cell runs again when a cell below needs it.");
      cell.status(`${why} The notebook restarted, so the cells above run again on the next Run.`, "error");
      return false;
    }
    this.lastDone = end.message;
    this.showRestart(true);
    const bookRan = end.message.book?.ran ?? [];
    return this.finished(cell, code, end.message, note || bookNote(bookRan) || ranNote(ranFirst, this.state.providers(ranFirst, end.message.references)));
  }

  private async finished(cell: CellView, code: string, done: Done, note: string): Promise<boolean> {
    const { error, dropped, timers, checks, repaired } = done;
    const failed = done.book?.failed;
    if (failed) return reportBookFailure(cell, this.plainCells()[failed.index], failed);
    if (dropped) cell.output.line(droppedNote(dropped), "note");
    for (const r of checks ?? []) cell.output.line(checkLine(r), r.pass ? "pass" : "error");
    if (error) cell.output.line(error.text, "error");
    await cell.output.idle();
    const extra = [note, timersNote(timers), repairedNote(repaired)].filter(Boolean).join(" ");
    const plain = this.plainCells().indexOf(cell);
    const ok = !error || (cell.throws && !cell.exercise);
    if (plain >= 0) {
      if (ok) this.markStale(this.state.ran(plain, code, done.defines, done.references), plain);
      else this.state.failed(plain);
      cell.el.toggleAttribute("data-ran", ok);
    }
    if (error) {
      cell.pre?.classList.add("cell-output-error");
      cell.markError(error.cell ? null : error.line);
      const where = error.line === null ? "Error (the engine gave no position)." : `Error at ${error.cell ? `${error.cell}, ` : ""}line ${error.line}${error.column !== null ? `, column ${error.column}` : ""}.`;
      cell.status(`${extra} ${where}`.trim(), "error");
      return cell.throws;
    }
    if (checks) {
      const passed = checks.filter((r) => r.pass).length;
      const all = passed === checks.length;
      cell.status(`${extra} ${passed} of ${checks.length} checks pass.${all ? " Well done!" : ""}`.trim(), all ? "ok" : "error");
    } else {
      cell.status(`${extra} Ran in ${Math.round(done.ms)} ms.`.trim(), "ok");
    }
    cell.pre?.toggleAttribute("data-empty", !cell.output.target.textContent);
    return true;
  }

  private markStale(made: number[], by: number): void {
    const plain = this.plainCells();
    for (const i of made) plain[i].markOutput(staleNote(by, this.state.cells[i].stale?.names ?? []));
  }
}
