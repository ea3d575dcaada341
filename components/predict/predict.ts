/**
 * The page side of <Predict>: hides the cell's output until the reader runs
 * the cell or presses "Show me", remembers the guess in localStorage, and
 * says how it went. Without this script nothing is hidden: the question and
 * the output are simply both there.
 */
import { feedback, loadPrediction, predictKey, savePrediction, type Prediction } from "./predict-state.ts";

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
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
  const key = predictKey(chapter, id);
  let state: Prediction = loadPrediction(storage(), key, choices.length);

  const render = () => {
    root.toggleAttribute("data-pending", !state.revealed);
    radios.forEach((r, k) => (r.checked = state.choice === k));
    if (said) {
      said.textContent = feedback(choices, answer, state);
      said.dataset.result = state.revealed && state.choice !== null ? (state.choice === answer ? "right" : "wrong") : "";
    }
    if (show) show.hidden = state.revealed;
  };
  const update = (next: Partial<Prediction>) => {
    state = { ...state, ...next };
    savePrediction(storage(), key, state);
    render();
  };

  radios.forEach((r, k) => r.addEventListener("change", () => r.checked && update({ choice: k })));
  show?.addEventListener("click", () => {
    update({ revealed: true });
    // The output the button uncovered is where the reader looks next.
    root.querySelector<HTMLElement>(".cell-output")?.focus({ preventScroll: true });
  });
  // A run of the cell (its Run button, Ctrl+Enter, or a later cell running it first) reveals the output.
  if (cell) {
    new MutationObserver(() => {
      if (!state.revealed && (cell.dataset.state || cell.hasAttribute("data-ran"))) update({ revealed: true });
    }).observe(cell, { attributes: true, attributeFilter: ["data-state", "data-ran"] });
  }
  root.querySelector("[data-predict-actions]")?.removeAttribute("hidden");
  render();
}

for (const root of document.querySelectorAll<HTMLElement>("[data-predict]")) setUp(root);
