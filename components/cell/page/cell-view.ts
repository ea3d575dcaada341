/**
 * One cell (or exercise) of the page: its editor, its bar (status, buttons),
 * its notes, its output and the marks on it (edited, stale). What a Run does
 * is the chapter's business (chapter.ts), reached through `CellHost`.
 */
import { createEditor, type CellEditor } from "./editor.ts";
import type { TypeContext } from "./types-client.ts";
import { OutputView } from "./output-view.ts";
import { DEFAULT_TIMEOUT_MS } from "./runner.ts";
import type { OutputPiece } from "../protocol.ts";
import { browserStorage, forgetEdit, loadEdit, lostEdit, notSavedNote, originalChanged, saveEdit } from "./storage.ts";
import { copyLink } from "./share.ts";
import { hideNote, showNote, showStale } from "./cell-notes.ts";

const storage = browserStorage();
export type Status = "idle" | "queued" | "running" | "ok" | "error";

/** What a cell asks of the chapter it belongs to. */
export interface CellHost {
  run(cell: CellView): void;
  stop(): void;
  restart(from: CellView): void;
  runStale(): void;
  focusNext(cell: CellView): void;
  warm(): void;
  names(): { nnfs: string[]; notebook: string[] };
  typeContext(cell: CellView): TypeContext;
}

function sourceOf(el: HTMLElement, selector: string): string {
  const t = el.querySelector<HTMLTemplateElement>(selector);
  return t ? (t.content.textContent ?? "") : "";
}

export class CellView {
  readonly el: HTMLElement;
  readonly chapter: string;
  readonly index: number;
  readonly exercise: boolean;
  readonly original: string;
  readonly checks: string;
  readonly throws: boolean;
  editor: CellEditor | null = null;
  readonly output: OutputView;
  /** The code the output under the cell belongs to (at first the book's). */
  outputOf: string;
  private draft: string;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private errorAt: number | null = null;
  /** While true, changes are not saved (code shown from a shared link). */
  private borrowed = false;
  private readonly host: CellHost;
  /** Where this cell's output goes, late output too (one function for all its runs). */
  readonly onOutput = (pieces: OutputPiece[], late: boolean) => this.output.append(pieces, late);

  constructor(el: HTMLElement, host: CellHost) {
    this.el = el;
    this.host = host;
    this.exercise = el.hasAttribute("data-exercise");
    this.chapter = el.dataset.chapter ?? "";
    this.index = Number(el.dataset.index);
    this.original = sourceOf(el, this.exercise ? "template[data-exercise-source]" : "template[data-cell-source]");
    this.checks = this.exercise ? sourceOf(el, "template[data-exercise-checks]") : "";
    this.throws = el.hasAttribute("data-throws");
    this.draft = this.outputOf = this.original;
    const saved = loadEdit(storage, this.storageChapter, this.index);
    if (saved) {
      this.draft = saved.code;
      if (originalChanged(saved, this.original)) this.note("The book's version of this cell has changed since you edited it.", { reset: true });
    } else if (lostEdit(storage, this.storageChapter, this.index)) {
      this.note("Your last edit of this cell was too large to keep in this browser, so this is the book's code.");
    }
    this.output = new OutputView(this.outputCode());
    this.button("run").addEventListener("click", () => host.run(this));
    this.button("stop").addEventListener("click", () => host.stop());
    this.button("reset").addEventListener("click", () => this.reset());
    this.button("share")?.addEventListener("click", () => void this.share());
    this.button("restart")?.addEventListener("click", () => host.restart(this));
    this.markEdited();
    this.markOutput();
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

  get sourceName(): string {
    return `${this.chapter}-${this.exercise ? "exercise" : "cell"}-${this.index + 1}.ts`;
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

  get pre(): HTMLElement | null { return this.output.target.closest("pre"); }

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
      onRun: () => this.host.run(this),
      onRunNext: () => {
        this.host.run(this);
        this.host.focusNext(this);
      },
      names: () => this.host.names(),
      types: () => this.host.typeContext(this),
    });
    holder.replaceChildren(mount);
    this.el.dataset.enhanced = "";
    this.host.warm(); // so completion knows the nnfs exports, and the first Run is quick
    if (this.errorAt !== null) this.editor.markError(this.errorAt);
  }

  setCode(code: string): void {
    if (this.editor) this.editor.setCode(code);
    else this.changed(code);
  }

  /** Shows code from a shared link without saving it, so the reader's own saved edit of this cell survives until they change the shared code. */
  showShared(code: string): void {
    this.enhance();
    this.borrowed = true;
    this.setCode(code);
    this.borrowed = false;
    const own = loadEdit(storage, this.storageChapter, this.index) !== null;
    const yours = own ? " Your own saved version of this cell comes back when you open the page without the link, unless you edit this one." : "";
    this.status(`Code from a shared link: read it, then press Run to run it.${yours}`, "idle");
  }

  private changed(code: string): void {
    this.draft = code;
    this.el.querySelector("[data-cell-types]")?.remove(); // its type errors were the code's before this change
    this.markEdited();
    this.markOutput();
    if (this.borrowed) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      if (saveEdit(storage, this.storageChapter, this.index, code, this.original)) this.clearNote(/^Not saved:/);
      else this.note(notSavedNote(code));
    }, 250);
  }

  private markEdited(): void {
    const edited = this.code() !== this.original;
    this.el.toggleAttribute("data-edited", edited);
    const mark = this.el.querySelector<HTMLElement>("[data-cell-edited]");
    if (mark) mark.hidden = !edited;
    if (!edited) this.clearNote(/changed since you edited it/);
  }

  /** Dims the output when it does not belong to the code on the screen (edited since, or stale), and says why. */
  markOutput(stale: string | null = this.el.dataset.staleWhy ?? null): void {
    const edited = this.pre !== null && !this.pre.hidden && this.code() !== this.outputOf;
    const why = stale ?? (edited ? "The code above was edited since this output was printed: Run to bring it up to date." : null);
    this.el.toggleAttribute("data-stale", why !== null);
    if (stale === null) delete this.el.dataset.staleWhy;
    else this.el.dataset.staleWhy = stale;
    showStale(this.el, this.pre, why, stale === null ? null : () => this.host.runStale());
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
    this.status(await copyLink(this.index, this.code(), this.exercise ? "exercise" : "cell"), "idle");
  }

  status(text: string, state: Status): void {
    const s = this.el.querySelector<HTMLElement>("[data-cell-status]");
    if (s) s.textContent = text;
    this.el.dataset.state = state;
    const running = state === "running";
    [this.button("stop").hidden, this.button("run").hidden] = [!running, running];
    this.el.setAttribute("aria-busy", String(running || state === "queued"));
  }

  note(text: string, options: { reset?: boolean } = {}): void {
    showNote(this.el, text, options.reset ? () => this.reset() : null);
  }

  /** Hides the note (only when it matches `which`, if given). */
  clearNote(which?: RegExp): void {
    hideNote(this.el, which);
  }

  markError(line: number | null): void {
    this.errorAt = line;
    this.editor?.markError(line);
  }

  /** A run starts: the output is this run's from now on. */
  startOutput(): void {
    const pre = this.pre;
    if (pre) {
      pre.hidden = false;
      pre.classList.remove("cell-output-error");
      pre.dataset.live = "";
    }
    this.output.clear();
    this.outputOf = this.code();
    this.markError(null);
    this.markOutput(null);
  }
}
