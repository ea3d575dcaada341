/**
 * The CodeMirror 6 editor of a cell: TypeScript highlighting, line numbers,
 * bracket matching, undo, and completion of the `nnfs` exports. Loaded only
 * when a cell is about to be used (see boot.ts), never with the page.
 * Colours come from classes (tok-*) styled in cell.css, so the light and dark
 * themes of the page apply without rebuilding the editor.
 */
import { Compartment, EditorState, StateEffect, StateField, type Extension } from "@codemirror/state";
import { Decoration, EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection, type DecorationSet } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { javascript, typescriptLanguage } from "@codemirror/lang-javascript";
import { classHighlighter } from "@lezer/highlight";
import type { TypeContext } from "./types-client.ts";

export interface EditorOptions {
  doc: string;
  label: string;
  onChange(code: string): void;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
  /** Shift+Enter: run, then move to the next cell. */
  onRunNext(): void;
  /** Names offered by completion (the nnfs exports, then the notebook's names). */
  names(): { nnfs: string[]; notebook: string[] };
  /** The cell's notebook for the type checker, loaded after the reader's first edit. */
  types?(): TypeContext;
}

export interface CellEditor {
  view: EditorView;
  code(): string;
  setCode(code: string): void;
  focus(): void;
  /** Marks the line an error happened on (1-based), or clears the mark. */
  markError(line: number | null): void;
}

const setErrorLine = StateEffect.define<number | null>();
const errorLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setErrorLine)) continue;
      if (e.value === null || e.value > tr.state.doc.lines) deco = Decoration.none;
      else deco = Decoration.set([Decoration.line({ class: "cm-error-line" }).range(tr.state.doc.line(e.value).from)]);
    }
    if (tr.docChanged) deco = Decoration.none;
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

function nnfsCompletions(names: EditorOptions["names"]) {
  return (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(/[\w$]+/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    const { nnfs, notebook } = names();
    return {
      from: word.from,
      options: [
        ...nnfs.map((label) => ({ label, type: /^[A-Z]/.test(label) ? "class" : "function", detail: "nnfs", boost: 1 })),
        ...notebook.filter((n) => !nnfs.includes(n)).map((label) => ({ label, type: "variable", detail: "notebook" })),
      ],
      validFor: /^[\w$]*$/,
    };
  };
}

/**
 * The language service's completion, with the book's names it does not
 * offer added (an nnfs export the cell has not imported yet is still offered,
 * as before the service loaded). After a dot only the service knows what fits.
 * A service that has not answered within 2 s is not waited for.
 */
function withBookNames(
  typed: (c: CompletionContext) => Promise<CompletionResult | null>,
  plain: (c: CompletionContext) => CompletionResult | null,
) {
  return async (c: CompletionContext): Promise<CompletionResult | null> => {
    const word = c.matchBefore(/[\w$]*/);
    const afterDot = c.state.sliceDoc(Math.max(0, (word?.from ?? c.pos) - 1), word?.from ?? c.pos) === ".";
    const ours = afterDot ? null : plain(c);
    // A service still starting (its worker is large) does not hold up the book's names.
    const theirs = await Promise.race([typed(c), new Promise<null>((done) => setTimeout(() => done(null), 2000))]);
    if (!theirs || !ours) return theirs ?? ours;
    if (theirs.from !== ours.from) return theirs;
    const seen = new Set(theirs.options.map((o) => o.label));
    return { ...theirs, options: [...theirs.options, ...ours.options.filter((o) => !seen.has(o.label))] };
  };
}

/**
 * After the first edit: load the language service (its own chunk and worker)
 * and swap the plain name completion for its completion, lint and hover.
 */
function typesOnFirstEdit(options: EditorOptions, checks: Compartment, complete: Compartment): Extension {
  let started = false;
  return EditorView.updateListener.of((u) => {
    if (started || !u.docChanged || !options.types) return;
    started = true;
    const context = options.types;
    void import("./types-client.ts").then((m) => {
      const t = m.typeExtensions(context);
      u.view.dispatch({ effects: [checks.reconfigure(t.checks), complete.reconfigure(typescriptLanguage.data.of({ autocomplete: withBookNames(t.complete, nnfsCompletions(options.names)) }))] });
    });
  });
}

export function createEditor(parent: HTMLElement, options: EditorOptions): CellEditor {
  const checks = new Compartment();
  const complete = new Compartment();
  const extensions: Extension[] = [
    lineNumbers(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    syntaxHighlighting(classHighlighter),
    javascript({ typescript: true }),
    complete.of(typescriptLanguage.data.of({ autocomplete: nnfsCompletions(options.names) })),
    autocompletion(),
    checks.of([]),
    typesOnFirstEdit(options, checks, complete),
    errorLine,
    EditorState.tabSize.of(2),
    keymap.of([
      { key: "Mod-Enter", run: () => (options.onRun(), true) },
      { key: "Shift-Enter", run: () => (options.onRunNext(), true) },
      ...closeBracketsKeymap,
      ...completionKeymap,
      ...defaultKeymap,
      ...historyKeymap,
      indentWithTab,
    ]),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) options.onChange(u.state.doc.toString());
    }),
    // Tab indents inside the editor; Escape then Tab moves on (CodeMirror's way out).
    // An explicit tabindex: the editable content is also how a keyboard scrolls a
    // long line sideways, and checkers (axe) count only it as focusable content.
    EditorView.contentAttributes.of({ "aria-label": `${options.label} (Escape then Tab leaves the editor)`, tabindex: "0" }),
  ];
  const view = new EditorView({ parent, state: EditorState.create({ doc: options.doc, extensions }) });
  return {
    view,
    code: () => view.state.doc.toString(),
    setCode(code) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
    },
    focus: () => view.focus(),
    markError(line) {
      view.dispatch({ effects: setErrorLine.of(line) });
    },
  };
}
