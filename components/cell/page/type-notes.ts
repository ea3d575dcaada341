/**
 * How type problems read on the page: the tooltip in the editor, and the
 * list above a cell's output after Run. On Run, the code runs anyway (as the
 * TypeScript playground does) and never waits for the check: the language
 * service answers when it is ready, and loads only when the cell or a cell
 * above it differs from the book's code (the book's own code type-checks:
 * the chapter tests make sure of it).
 */
import type { TypeHover, TypeProblem } from "../protocol.ts";

/** `line 2, column 7: Type 'string' is not assignable to type 'number'.` */
export const problemLine = (p: TypeProblem) => `line ${p.line}, column ${p.column}: ${p.message}`;

/** The tooltip: the problems at the pointer, then the type and doc comment of the name there. */
export function tooltipBody(messages: string[], found: TypeHover | null): HTMLElement {
  const box = document.createElement("div");
  box.className = "cm-type-hover";
  for (const m of messages) {
    const p = document.createElement("div");
    p.className = "cm-type-message";
    p.textContent = m;
    box.append(p);
  }
  if (found) {
    const sig = document.createElement("code");
    sig.textContent = found.type;
    box.append(sig);
    if (found.doc) {
      const doc = document.createElement("div");
      doc.className = "cm-type-doc";
      doc.textContent = found.doc;
      box.append(doc);
    }
  }
  return box;
}

/** CodeMirror's completion icon for a TypeScript kind of name. */
export function kindType(kind: string): string {
  if (kind === "method" || kind === "class" || kind === "interface" || kind === "type") return kind;
  if (kind === "function" || kind === "local function") return "function";
  if (kind === "property" || kind === "getter") return "property";
  return kind === "keyword" ? "keyword" : "variable";
}

/** The box above the output: a heading and one line per error; removed when there are none. */
export function showProblems(el: HTMLElement, before: Element | null, problems: TypeProblem[]): void {
  el.querySelector("[data-cell-types]")?.remove();
  const errors = problems.filter((p) => p.severity === "error");
  if (!errors.length) return;
  const box = document.createElement("div");
  box.className = "cell-type-errors";
  box.dataset.cellTypes = "";
  box.setAttribute("role", "note");
  const head = document.createElement("p");
  head.textContent = `Type ${errors.length === 1 ? "error" : `errors (${errors.length})`} — the code ran anyway:`;
  const list = document.createElement("ul");
  for (const p of errors) {
    const li = document.createElement("li");
    li.textContent = problemLine(p);
    list.append(li);
  }
  box.append(head, list);
  if (before) before.before(box);
  else el.append(box);
}
