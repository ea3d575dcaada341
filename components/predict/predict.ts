/**
 * The page side of <Predict>: hides the cell's output until the cell runs or
 * the reader presses "Show me", and the answer (every `data-predict-answer`
 * element: inside the block, or anywhere on the page with the prediction's
 * id as its value) until the reader has guessed and the cell has run, or has
 * pressed Show me. Then the guess is locked. The guess is remembered in
 * localStorage. Without this script nothing is hidden; on the whole-book page
 * (the print edition) the answers always show.
 */
import { feedback, loadPrediction, predictKey, savePrediction, settle, view, type Prediction } from "./predict-state.ts";

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The elements holding the answer of the prediction `root`. */
export function answerElements(root: HTMLElement, id: string): HTMLElement[] {
  const inside = [...root.querySelectorAll<HTMLElement>("[data-predict-answer]")];
  const elsewhere = [...document.querySelectorAll<HTMLElement>("[data-predict-answer]")].filter(
    (el) => el.dataset.predictAnswer === id && !el.closest("[data-predict]"),
  );
  return [...inside, ...elsewhere];
}

function setUp(root: HTMLElement): void {
  const chapter = root.dataset.chapter ?? "";
  const id = root.dataset.predictId ?? "";
  const answer = Number(root.dataset.answer);
  const radios = [...root.querySelectorAll<HTMLInputElement>("input[type=radio]")];
  const choices = radios.map((r) => r.dataset.label ?? r.value);
  const show = root.querySelector<HTMLButtonElement>("[data-predict-show]");
  const said = root.querySelector<HTMLElement>("[data-predict-feedback]");
  const cell = root.querySelector<HTMLElement>("[data-cell]");
  const answers = answerElements(root, id);
  const printEdition = root.closest(".whole-book") !== null;
  const key = predictKey(chapter, id);
  let state: Prediction = loadPrediction(storage(), key, choices.length);
  /** Whether the cell has run on this page (by its own Run, or for a cell below it). */
  let ran = false;

  const render = () => {
    const v = view(state, ran);
    root.toggleAttribute("data-pending", !v.output);
    root.toggleAttribute("data-answer-hidden", !v.answer);
    for (const el of answers) el.toggleAttribute("data-predict-hidden", !v.answer && !printEdition);
    radios.forEach((r, k) => {
      r.checked = state.choice === k;
      r.disabled = v.locked;
    });
    if (said) {
      said.textContent = feedback(choices, answer, state, ran);
      said.dataset.result = state.revealed && state.choice !== null ? (state.choice === answer ? "right" : "wrong") : "";
    }
    if (show) show.hidden = state.revealed;
  };
  const update = (next: Partial<Prediction>) => {
    state = settle({ ...state, ...next }, ran);
    savePrediction(storage(), key, state);
    render();
  };

  radios.forEach((r, k) => r.addEventListener("change", () => r.checked && !state.revealed && update({ choice: k })));
  show?.addEventListener("click", () => {
    update({ revealed: true });
    // What the button uncovered is where the reader looks next.
    (answers[0] ?? root.querySelector<HTMLElement>(".cell-output"))?.focus({ preventScroll: true });
  });
  for (const el of answers) if (!el.hasAttribute("tabindex")) el.tabIndex = -1;
  // A finished run of the cell (its own Run, or a cell below running it first) shows the output;
  // the answer follows only if the reader has guessed.
  if (cell) {
    new MutationObserver(() => {
      const finished = cell.dataset.state === "ok" || cell.dataset.state === "error" || cell.hasAttribute("data-ran");
      if (!finished || ran) return;
      ran = true;
      update({});
    }).observe(cell, { attributes: true, attributeFilter: ["data-state", "data-ran"] });
  }
  root.querySelector("[data-predict-actions]")?.removeAttribute("hidden");
  render();
}

for (const root of document.querySelectorAll<HTMLElement>("[data-predict]")) setUp(root);
