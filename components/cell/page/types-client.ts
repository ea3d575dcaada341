/**
 * The page's side of the language service: loaded (with its worker) after
 * the reader's first edit, never with the page. It gives the editor type
 * errors underlined as the reader types (the message on hover), the type and
 * doc comment of the name under the pointer, and completion with signatures;
 * and it lists a cell's type errors above its output on Run (type-notes.ts).
 * Built only on what the editor already loads (decorations, tooltips,
 * completion), so the editor's own chunk does not grow with it.
 */
import { StateEffect, StateField, type Extension } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin, showTooltip, type DecorationSet, type Tooltip, type ViewUpdate } from "@codemirror/view";
import type { CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import type { FromTypes, ToTypes, TypeHover, TypeProblem } from "../protocol.ts";
import { createTypesWorker } from "./types-url.ts";
import { kindType, showProblems, tooltipBody } from "./type-notes.ts";

/** The cell a question is about: the cells above it and itself, as the notebook would run them. */
export interface TypeContext {
  chain: { file: string; code: string }[];
  file: string;
}

type Ask = { ask: "problems" } | { ask: "hover" | "complete"; pos: number };
type Answer<A extends Ask["ask"]> = Extract<FromTypes, { ask: A }>;

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (m: FromTypes) => void>();

function ask<A extends Ask>(context: TypeContext, question: A): Promise<Answer<A["ask"]>> {
  if (!worker) {
    worker = createTypesWorker();
    worker.onmessage = (e: MessageEvent<FromTypes>) => {
      waiting.get(e.data.id)?.(e.data);
      waiting.delete(e.data.id);
    };
  }
  const id = nextId++;
  const message = { id, chain: context.chain, file: context.file, ...question } as ToTypes;
  return new Promise((resolve) => {
    waiting.set(id, resolve as (m: FromTypes) => void);
    worker!.postMessage(message);
  });
}

/** The cell's type problems with its code as `context` has it. */
export async function typeProblems(context: TypeContext): Promise<TypeProblem[]> {
  return (await ask(context, { ask: "problems" })).problems;
}

/** On Run: checks the cell, and lists its type errors above the output when the answer comes, if its code is still what ran (`current`). */
export async function checkOnRun(el: HTMLElement, before: () => Element | null, context: TypeContext, current: () => boolean): Promise<void> {
  const problems = await typeProblems(context);
  if (current()) showProblems(el, before(), problems);
}

/** `context` with the cell's code replaced by what the editor holds now. */
function current(context: () => TypeContext, view: EditorView): TypeContext {
  const c = context();
  const code = view.state.doc.toString();
  return { file: c.file, chain: c.chain.map((u) => (u.file === c.file ? { ...u, code } : u)) };
}

const setProblems = StateEffect.define<TypeProblem[]>();
const setHover = StateEffect.define<Tooltip | null>();

/** The underlined problems, kept in place as the text changes until the next answer. */
const problems = StateField.define<{ list: TypeProblem[]; deco: DecorationSet }>({
  create: () => ({ list: [], deco: Decoration.none }),
  update(value, tr) {
    let { list, deco } = value;
    if (tr.docChanged) {
      deco = deco.map(tr.changes);
      list = list.map((p) => ({ ...p, from: tr.changes.mapPos(p.from), to: tr.changes.mapPos(p.to, 1) }));
    }
    for (const e of tr.effects) {
      if (!e.is(setProblems)) continue;
      const length = tr.state.doc.length;
      list = e.value.map((p) => ({ ...p, from: Math.min(p.from, length), to: Math.min(Math.max(p.to, p.from + 1), length) })).filter((p) => p.to > p.from);
      const marks = list.map((p) => Decoration.mark({ class: `cm-type-${p.severity}` }).range(p.from, p.to));
      deco = Decoration.set(marks, true);
    }
    return { list, deco };
  },
  provide: (f) => EditorView.decorations.from(f, (v) => v.deco),
});

const hover = StateField.define<Tooltip | null>({
  create: () => null,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setHover)) value = e.value;
    return tr.docChanged ? null : value;
  },
  provide: (f) => showTooltip.from(f),
});

/** Asks for the problems after each pause in typing, and for the type under a resting pointer. */
function checker(context: () => TypeContext, delay: number) {
  return ViewPlugin.fromClass(
    class {
      private lint: ReturnType<typeof setTimeout> | undefined;
      private rest: ReturnType<typeof setTimeout> | undefined;
      readonly view: EditorView;
      constructor(view: EditorView) {
        this.view = view;
        this.schedule();
      }
      update(u: ViewUpdate) {
        if (u.docChanged) this.schedule();
      }
      schedule() {
        clearTimeout(this.lint);
        this.lint = setTimeout(() => {
          const doc = this.view.state.doc;
          void typeProblems(current(context, this.view)).then((found) => {
            if (this.view.state.doc === doc) this.view.dispatch({ effects: setProblems.of(found) });
          });
        }, delay);
      }
      pointer(e: MouseEvent) {
        clearTimeout(this.rest);
        this.rest = setTimeout(() => void this.showAt(e.clientX, e.clientY), 250);
      }
      async showAt(x: number, y: number) {
        const view = this.view;
        const pos = view.posAtCoords({ x, y });
        if (pos === null) return view.dispatch({ effects: setHover.of(null) });
        const here = view.state.field(problems).list.filter((p) => p.from <= pos && pos <= p.to);
        const doc = view.state.doc;
        const { hover: found } = await ask(current(context, view), { ask: "hover", pos });
        if (view.state.doc !== doc) return;
        view.dispatch({ effects: setHover.of(tooltip(here, found, pos)) });
      }
      leave() {
        clearTimeout(this.rest);
        this.view.dispatch({ effects: setHover.of(null) });
      }
      destroy() {
        clearTimeout(this.lint);
        clearTimeout(this.rest);
      }
    },
    {
      eventHandlers: {
        mousemove(e) {
          this.pointer(e);
        },
        mouseleave() {
          this.leave();
        },
      },
    },
  );
}

function tooltip(here: TypeProblem[], found: TypeHover | null, pos: number): Tooltip | null {
  if (!here.length && !found) return null;
  const dom = document.createElement("div");
  dom.append(tooltipBody(here.map((p) => p.message), found));
  return { pos: here[0]?.from ?? found?.from ?? pos, above: true, create: () => ({ dom }) };
}

/** The editor's type extensions for one cell; `context` gives its notebook at the time of asking. */
export function typeExtensions(context: () => TypeContext, delay = 300): { checks: Extension; complete: (c: CompletionContext) => Promise<CompletionResult | null> } {
  const complete = async (c: CompletionContext): Promise<CompletionResult | null> => {
    const word = c.matchBefore(/[\w$]*/);
    const from = word?.from ?? c.pos;
    const afterDot = c.state.sliceDoc(Math.max(0, from - 1), from) === ".";
    if (!c.explicit && !afterDot && from === c.pos) return null;
    const { completions } = await ask(current(context, c.view!), { ask: "complete", pos: c.pos });
    if (!completions) return null;
    return { from: completions.from, options: completions.options.map((o) => ({ label: o.label, type: kindType(o.kind), detail: o.detail ?? undefined })), validFor: /^[\w$]*$/ };
  };
  return { checks: [problems, hover, checker(context, delay)], complete };
}
