/**
 * The chapter page's cells, once a reader is about to use them: editors,
 * Run/Stop/Reset/Copy link, the chapter's notebook in a worker, saved edits
 * and shared links. boot.ts loads this module on first need; the decisions
 * it makes (what to run, what to save, what a link holds) live in tested
 * modules: plan.ts, storage.ts, share.ts, output.ts.
 */
import { createEditor, type CellEditor } from "./editor.ts";
import { WorkerRunner, DEFAULT_TIMEOUT_MS, type RunEnd } from "./runner.ts";
import { OutputView } from "./render.ts";
import { droppedNote } from "./output.ts";
import { planRun, ranNote, describeCells } from "./plan.ts";
import { browserStorage, forgetEdit, loadEdit, originalChanged, saveEdit } from "./storage.ts";
import { parseShareHash, shareHash } from "./share.ts";
import { checkLine } from "./checks.ts";
import workerUrl from "./worker.ts?worker&url";

const storage = browserStorage();

/**
 * Starts the cell worker from a blob: URL that imports the bundled worker.
 * A blob: worker inherits the page's Content-Security-Policy (a worker
 * loaded from its own URL would get the policy of that response: none, on a
 * static host), so reader code cannot fetch or import from elsewhere.
 */
function createWorker(): Worker {
  const src = new URL(workerUrl, location.href).href;
  const options: WorkerOptions = { type: "module", name: "nnfs-cells" };
  try {
    const blob = new Blob([`import ${JSON.stringify(src)};\n`], { type: "text/javascript" });
    return new Worker(URL.createObjectURL(blob), options);
  } catch {
    return new Worker(src, options);
  }
}

function sourceOf(el: HTMLElement, selector: string): string {
  const t = el.querySelector<HTMLTemplateElement>(selector);
  return t ? (t.content.textContent ?? "") : "";
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

type Status = "idle" | "queued" | "running" | "ok" | "error";

/** One cell (or exercise) of the page. */
class CellView {
  readonly chapter: string;
  readonly index: number;
  readonly original: string;
  readonly throws: boolean;
  readonly exercise: boolean;
  readonly checks: string;
  editor: CellEditor | null = null;
  private draft: string;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  output: OutputView;
  private errorAt: number | null = null;
  /** While true, changes are not saved (code shown from a shared link). */
  private borrowed = false;

  readonly el: HTMLElement;
  readonly book: ChapterCells;

  constructor(el: HTMLElement, book: ChapterCells) {
    this.el = el;
    this.book = book;
    this.exercise = el.hasAttribute("data-exercise");
    this.chapter = el.dataset.chapter ?? "";
    this.index = Number(el.dataset.index);
    this.original = sourceOf(el, this.exercise ? "template[data-exercise-source]" : "template[data-cell-source]");
    this.checks = this.exercise ? sourceOf(el, "template[data-exercise-checks]") : "";
    this.throws = el.hasAttribute("data-throws");
    this.draft = this.original;
    const saved = loadEdit(storage, this.storageChapter, this.index);
    if (saved) {
      this.draft = saved.code;
      if (originalChanged(saved, this.original)) {
        this.note("The book's version of this cell has changed since you edited it.", { reset: true });
      }
    }
    this.output = new OutputView(this.outputCode());
    this.button("run").addEventListener("click", () => void book.run(this));
    this.button("stop").addEventListener("click", () => book.stop());
    this.button("reset").addEventListener("click", () => this.reset());
    this.button("share")?.addEventListener("click", () => void this.share());
    this.markEdited();
    // The page must not show the book's code where the reader's edit is what will run.
    if (saved) this.enhance();
  }

  /** The time limit of one run: the cell's `timeout=` option, else the default. */
  get timeoutMs(): number {
    return Number(this.el.dataset.timeout) || DEFAULT_TIMEOUT_MS;
  }

  /** Exercises and cells are numbered apart, so they are saved apart. */
  get storageChapter(): string {
    return this.exercise ? `${this.chapter}:exercise` : this.chapter;
  }

  get label(): string {
    return `${this.exercise ? "Exercise" : "Cell"} ${this.index + 1}`;
  }

  button(name: string): HTMLButtonElement {
    return this.el.querySelector<HTMLButtonElement>(`[data-cell-${name}]`)!;
  }

  code(): string {
    return this.editor ? this.editor.code() : this.draft;
  }

  private outputCode(): HTMLElement {
    let pre = this.el.querySelector<HTMLElement>("[data-cell-output]");
    if (!pre) {
      pre = document.createElement("pre");
      pre.className = "cell-output";
      pre.dataset.cellOutput = "";
      pre.tabIndex = 0; // outputs scroll sideways rather than wrap: a keyboard must reach them
      pre.hidden = true;
      pre.append(document.createElement("code"));
      this.el.append(pre);
    }
    return pre.querySelector("code") ?? pre;
  }

  /** Replaces the build-time code with the editor (once). */
  enhance(): void {
    if (this.editor) return;
    const holder = this.el.querySelector<HTMLElement>("[data-cell-code]") ?? this.el.querySelector<HTMLElement>(".cell-code")!;
    const mount = document.createElement("div");
    mount.className = "cell-editor";
    this.editor = createEditor(mount, {
      doc: this.draft,
      label: `${this.label}: code`,
      onChange: (code) => this.changed(code),
      onRun: () => void this.book.run(this),
      onRunNext: () => {
        void this.book.run(this);
        this.book.focusNext(this);
      },
      names: () => ({ nnfs: this.book.runner.exports, notebook: this.book.runner.names }),
    });
    holder.replaceChildren(mount);
    this.el.dataset.enhanced = "";
    this.book.runner.warm(); // so completion knows the nnfs exports, and the first Run is quick
    if (this.errorAt !== null) this.editor.markError(this.errorAt);
  }

  setCode(code: string): void {
    if (this.editor) this.editor.setCode(code);
    else this.changed(code);
  }

  /**
   * Shows code from a shared link without saving it, so the reader's own
   * saved edit of this cell survives until they change the shared code.
   */
  showShared(code: string): void {
    this.enhance();
    this.borrowed = true;
    this.setCode(code);
    this.borrowed = false;
    const own = loadEdit(storage, this.storageChapter, this.index) !== null;
    this.status(
      `Code from a shared link: read it, then press Run to run it.${own ? " Your own saved version of this cell comes back when you open the page without the link, unless you edit this one." : ""}`,
      "idle",
    );
  }

  private changed(code: string): void {
    this.draft = code;
    this.markEdited();
    if (this.borrowed) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => saveEdit(storage, this.storageChapter, this.index, code, this.original), 250);
  }

  private markEdited(): void {
    const edited = this.code() !== this.original;
    this.el.toggleAttribute("data-edited", edited);
    const mark = this.el.querySelector<HTMLElement>("[data-cell-edited]");
    if (mark) mark.hidden = !edited;
    if (!edited) this.clearNote();
  }

  reset(): void {
    if (this.code() !== this.original && !confirm(`Put ${this.label} back to the book's code? Your changes to it will be lost.`)) return;
    clearTimeout(this.saveTimer);
    this.setCode(this.original);
    forgetEdit(storage, this.storageChapter, this.index);
    this.markEdited();
    this.clearNote();
    this.markError(null);
    this.status("Back to the book's code.", "idle");
  }

  async share(): Promise<void> {
    const url = `${location.origin}${location.pathname}${shareHash(this.index, this.code(), this.exercise ? "exercise" : "cell")}`;
    try {
      await navigator.clipboard.writeText(url);
      this.status("Link copied: it opens this page with your code in this cell (it runs only when Run is pressed).", "idle");
    } catch {
      history.replaceState(null, "", url);
      this.status("The link is in the address bar: copy it from there.", "idle");
    }
  }

  status(text: string, state: Status): void {
    const s = this.el.querySelector<HTMLElement>("[data-cell-status]");
    if (s) s.textContent = text;
    this.el.dataset.state = state;
    const running = state === "running";
    this.button("stop").hidden = !running;
    this.button("run").hidden = running;
    this.el.setAttribute("aria-busy", String(running || state === "queued"));
  }

  note(text: string, options: { reset?: boolean } = {}): void {
    let box = this.el.querySelector<HTMLElement>("[data-cell-note]");
    if (!box) return;
    box.hidden = false;
    box.replaceChildren(text);
    if (options.reset) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = "Reset to the book's version";
      b.addEventListener("click", () => this.reset());
      box.append(" ", b);
    }
  }

  clearNote(): void {
    const box = this.el.querySelector<HTMLElement>("[data-cell-note]");
    if (box && !box.querySelector("button")) {
      box.hidden = true;
      box.replaceChildren();
    } else if (box && this.code() === this.original) {
      box.hidden = true;
      box.replaceChildren();
    }
  }

  markError(line: number | null): void {
    this.errorAt = line;
    this.editor?.markError(line);
  }

  startOutput(): void {
    const pre = this.output.target.closest("pre");
    if (pre) {
      pre.hidden = false;
      pre.classList.remove("cell-output-error");
      pre.dataset.live = "";
    }
    this.output.clear();
    this.markError(null);
  }
}

/** The cells of one chapter page and the notebook they share. */
export class ChapterCells {
  readonly cells: CellView[] = [];
  readonly runner = new WorkerRunner(createWorker);
  /** Cells that ran in the current worker's notebook. */
  private ran = new Set<number>();
  private generation = 0;
  private queue: Promise<void> = Promise.resolve();
  private pending = new Set<CellView>();

  constructor(root: ParentNode = document) {
    for (const el of root.querySelectorAll<HTMLElement>("[data-cell], [data-exercise]")) this.cells.push(new CellView(el, this));
    const shared = parseShareHash(location.hash);
    if (shared) {
      const cell = this.cells.filter((c) => c.exercise === (shared.kind === "exercise"))[shared.index];
      if (cell) {
        cell.showShared(shared.code);
        cell.el.scrollIntoView({ block: "center" });
      }
    }
  }

  plainCells(): CellView[] {
    return this.cells.filter((c) => !c.exercise);
  }

  find(el: Element): CellView | undefined {
    return this.cells.find((c) => c.el === el);
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

  /** Runs `target` (after the cells above it that have not run); runs queue up one after another. */
  run(target: CellView): Promise<void> {
    if (this.pending.has(target)) return this.queue; // already running or waiting: Run again does nothing
    this.pending.add(target);
    if (this.runner.running) target.status("Waiting for the cell that is running…", "queued");
    this.queue = this.queue.then(() => this.runNow(target)).finally(() => this.pending.delete(target));
    return this.queue;
  }

  private async runNow(target: CellView): Promise<void> {
    if (this.runner.generation !== this.generation) this.forget();
    const plain = this.plainCells();
    // An exercise runs after the cells above it in the page.
    const above = target.exercise
      ? plain.filter((c) => c.el.compareDocumentPosition(target.el) & Node.DOCUMENT_POSITION_FOLLOWING)
      : plain.slice(0, target.index);
    const before = planRun(Number.POSITIVE_INFINITY, above.map((c) => ({ index: c.index, throws: c.throws })), this.ran).slice(0, -1);
    const ranFirst: number[] = [];
    for (const i of before) {
      const cell = plain[i];
      const ok = await this.runOne(cell, `Ran to prepare ${target.label}.`);
      if (ok) ranFirst.push(i);
      else if (!cell.throws) {
        target.status(`Not run: ${cell.label} above it did not finish, and this cell may need what it defines.`, "error");
        return;
      } else ranFirst.push(i);
    }
    await this.runOne(target, ranFirst.length ? ranNote(ranFirst, Number.NaN) : "");
  }

  /** The cell ran in the current notebook: later cells can use its names (shown as "ran" in its bar). */
  private markRan(cell: CellView): void {
    this.ran.add(cell.index);
    cell.el.setAttribute("data-ran", "");
  }

  /** The notebook is gone (the worker was stopped): no cell has run in the new one. */
  private forget(): void {
    this.ran.clear();
    for (const c of this.cells) c.el.removeAttribute("data-ran");
  }

  /** Runs one cell; true when it finished (with or without an error). */
  private async runOne(cell: CellView, note: string): Promise<boolean> {
    cell.status("Running…", "running");
    cell.startOutput();
    const started = performance.now();
    const end: RunEnd = await this.runner.run({
      index: cell.index,
      code: cell.code(),
      checks: cell.exercise ? cell.checks : undefined,
      sourceName: `${cell.chapter}-${cell.exercise ? "exercise" : "cell"}-${cell.index + 1}.ts`,
      timeoutMs: cell.timeoutMs,
      onOutput: (pieces) => cell.output.append(pieces),
    });
    this.generation = this.runner.generation;
    this.pending.delete(cell); // from here on, Run on this cell queues a new run
    const ms = Math.round(performance.now() - started);
    if (end.kind !== "done") {
      this.forget();
      this.generation = -1;
      const why =
        end.kind === "timeout"
          ? `Stopped: the cell was still running after ${seconds(end.ms)} (an endless loop?).`
          : end.kind === "stopped"
            ? "Stopped."
            : `The cell worker failed: ${end.message}.`;
      cell.output.line(why, "error");
      cell.status(`${why} The notebook restarted, so the cells above run again on the next Run.`, "error");
      return false;
    }
    const { error, dropped, timers, checks } = end.message;
    if (dropped) cell.output.line(droppedNote(dropped), "note");
    if (checks) {
      for (const r of checks) cell.output.line(checkLine(r), r.pass ? "pass" : "error");
    }
    const extra = [note, timers ? `${timers} timer${timers === 1 ? " was" : "s were"} still pending when the cell finished and ${timers === 1 ? "was" : "were"} cancelled (await them to keep them).` : ""]
      .filter(Boolean)
      .join(" ");
    if (error) {
      cell.output.line(error.text, "error");
      cell.output.target.closest("pre")?.classList.add("cell-output-error");
      cell.markError(error.line);
      const where = error.line !== null ? `Error at line ${error.line}${error.column !== null ? `, column ${error.column}` : ""}.` : "Error (the engine gave no position).";
      cell.status(`${extra} ${where}`.trim(), "error");
      // A cell that failed runs again next time, unless failing is what it shows.
      if (!cell.exercise && cell.throws) this.markRan(cell);
      return cell.throws;
    }
    if (!cell.exercise) this.markRan(cell);
    if (checks) {
      const passed = checks.filter((r) => r.pass).length;
      cell.status(`${extra} ${passed} of ${checks.length} checks pass.${passed === checks.length ? " Well done!" : ""}`.trim(), passed === checks.length ? "ok" : "error");
    } else {
      cell.status(`${extra} Ran in ${ms} ms.`.trim(), "ok");
    }
    if (!cell.output.target.textContent) cell.output.target.closest("pre")?.toggleAttribute("data-empty", true);
    else cell.output.target.closest("pre")?.removeAttribute("data-empty");
    return true;
  }
}

export { describeCells };
