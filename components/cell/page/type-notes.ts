/**
 * On Run, type errors are shown above the output, with line and column, and
 * the code runs anyway (as the TypeScript playground does). The run never
 * waits for them: the language service answers when it is ready, and loads
 * only when the cell or a cell above it differs from the book's code (the
 * book's own code type-checks: the chapter tests make sure of it).
 */
import type { TypeProblem } from "../protocol.ts";
import type { TypeContext } from "./types-client.ts";

/** `line 2, column 7: Type 'string' is not assignable to type 'number'.` */
export const problemLine = (p: TypeProblem) => `line ${p.line}, column ${p.column}: ${p.message}`;

/** The box above the output: a heading and one line per problem; removed when there are none. */
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

/**
 * Checks the cell that is about to run and shows its type errors when the
 * answer comes, if the code is still what ran (`current`).
 */
export function checkOnRun(el: HTMLElement, before: () => Element | null, context: TypeContext, edited: boolean, current: () => boolean): Promise<void> {
  el.querySelector("[data-cell-types]")?.remove();
  if (!edited) return Promise.resolve();
  return import("./types-client.ts")
    .then((m) => m.typeProblems(context))
    .then((problems) => {
      if (current()) showProblems(el, before(), problems);
    })
    .catch(() => {
      /* no language service (it failed to load): the run's own output says what happened */
    });
}
