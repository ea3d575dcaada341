/**
 * The page's side of the language service: loaded (with its worker) after
 * the reader's first edit, never with the page. It gives the editor
 * CodeMirror extensions — type errors underlined (message on hover), the
 * type and doc comment under the pointer, completion with signatures — and
 * gives Run a cell's type problems.
 */
import { linter, type Diagnostic } from "@codemirror/lint";
import { hoverTooltip, type EditorView, type Tooltip } from "@codemirror/view";
import type { Extension } from "@codemirror/state";
import type { CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import type { FromTypes, ToTypes, TypeProblem } from "../protocol.ts";
import { createTypesWorker } from "./types-url.ts";

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
/** When the worker started, and how long its first answer took (for the README's measure). */
export const timing = { started: 0, firstAnswerMs: null as number | null };

function ask<A extends Ask>(context: TypeContext, question: A): Promise<Answer<A["ask"]>> {
  if (!worker) {
    timing.started = performance.now();
    worker = createTypesWorker();
    worker.onmessage = (e: MessageEvent<FromTypes>) => {
      timing.firstAnswerMs ??= performance.now() - timing.started;
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

/** `context` with the cell's code replaced by what the editor holds now. */
const current = (context: () => TypeContext, view: EditorView): TypeContext => {
  const c = context();
  const code = view.state.doc.toString();
  return { file: c.file, chain: c.chain.map((u) => (u.file === c.file ? { ...u, code } : u)) };
};

function tooltipBody(type: string, doc: string): HTMLElement {
  const box = document.createElement("div");
  box.className = "cm-type-hover";
  const sig = document.createElement("code");
  sig.textContent = type;
  box.append(sig);
  if (doc) {
    const p = document.createElement("div");
    p.className = "cm-type-doc";
    p.textContent = doc;
    box.append(p);
  }
  return box;
}

/** The editor's type extensions for one cell; `context` gives its notebook at the time of asking. */
export function typeExtensions(context: () => TypeContext): { lint: Extension; hover: Extension; complete: (c: CompletionContext) => Promise<CompletionResult | null> } {
  const lint = linter(
    async (view): Promise<Diagnostic[]> => {
      const found = await typeProblems(current(context, view));
      const length = view.state.doc.length;
      return found.map((p) => ({ from: Math.min(p.from, length), to: Math.min(Math.max(p.to, p.from + 1), length), severity: p.severity, message: p.message, source: "TypeScript" }));
    },
    { delay: 300 },
  );
  const hover = hoverTooltip(async (view, pos): Promise<Tooltip | null> => {
    const { hover: found } = await ask(current(context, view), { ask: "hover", pos });
    if (!found) return null;
    return { pos: found.from, end: found.to, above: true, create: () => ({ dom: tooltipBody(found.type, found.doc) }) };
  });
  const complete = async (c: CompletionContext): Promise<CompletionResult | null> => {
    const word = c.matchBefore(/[\w$]*/);
    const afterDot = /\.\s*$/.test(c.state.sliceDoc(Math.max(0, (word?.from ?? c.pos) - 2), word?.from ?? c.pos));
    if (!c.explicit && !afterDot && (!word || word.from === word.to)) return null;
    const { completions } = await ask(current(context, c.view!), { ask: "complete", pos: c.pos });
    if (!completions) return null;
    return {
      from: completions.from,
      options: completions.options.map((o) => ({ label: o.label, type: kindType(o.kind), detail: o.detail ?? undefined })),
      validFor: /^[\w$]*$/,
    };
  };
  return { lint, hover, complete };
}

function kindType(kind: string): string {
  if (kind === "function" || kind === "method" || kind === "local function") return kind === "method" ? "method" : "function";
  if (kind === "class" || kind === "interface" || kind === "type") return kind;
  if (kind === "property" || kind === "getter") return "property";
  if (kind === "const" || kind === "let" || kind === "var" || kind === "alias") return "variable";
  return "text";
}
