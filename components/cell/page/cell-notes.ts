/**
 * The notes of a cell: the note under its code (a saved edit the book has
 * since changed, an edit too large to save) and the stale mark above its
 * output, which says why the output may not belong to the code any more.
 */

/** Shows `text` in the cell's note, with a Reset button when `reset` is given. */
export function showNote(el: HTMLElement, text: string, reset: (() => void) | null): void {
  const box = el.querySelector<HTMLElement>("[data-cell-note]");
  if (!box) return;
  box.hidden = false;
  box.replaceChildren(text);
  if (reset) box.append(" ", button("Reset to the book's version", reset));
}

/** Hides the cell's note (only when its text matches `which`, if given). */
export function hideNote(el: HTMLElement, which?: RegExp): void {
  const box = el.querySelector<HTMLElement>("[data-cell-note]");
  if (!box || (which && !which.test(box.textContent ?? ""))) return;
  box.hidden = true;
  box.replaceChildren();
}

/**
 * Marks the output of the cell as stale with the reason `why` (null: not
 * stale), above the output `pre`; `runStale` adds the "Run stale cells" button.
 */
export function showStale(el: HTMLElement, pre: HTMLElement | null, why: string | null, runStale: (() => void) | null): void {
  let box = el.querySelector<HTMLElement>("[data-cell-stale]");
  if (why === null) {
    box?.remove();
    return;
  }
  if (!box) {
    box = document.createElement("p");
    box.className = "cell-stale";
    box.dataset.cellStale = "";
    (pre ?? el.lastElementChild)!.before(box);
  }
  const text = document.createElement("span");
  text.textContent = why;
  box.replaceChildren(text);
  if (runStale) {
    const b = button("Run stale cells", runStale);
    b.className = "cell-button";
    box.append(" ", b);
  }
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.addEventListener("click", onClick);
  return b;
}
