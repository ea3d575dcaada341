/**
 * What the page says and sends for an exercise's Check: the book's cells above
 * it (their book code, never the reader's edits: the worker runs those the
 * answer needs), what ran first, and, when one of them fails, a note that
 * names it, links to it and offers to reset it.
 */
import type { BookCellCode, CellError } from "../protocol.ts";
import type { CellView } from "./cell-view.ts";
import type { RunRequest } from "./runner.ts";
import { describeCells } from "../notebook/plan.ts";

/** The book's code of the cells `above`, as a Check sends it. */
export function bookOf(above: readonly CellView[]): BookCellCode[] {
  return above.map((c) => ({ index: c.index, code: c.original, sourceName: c.sourceName, label: c.label, throws: c.throws }));
}

/** While the book's cells run for a Check. */
export function bookRunning(cells: number[]): string {
  return `Running the book's code of ${describeCells(cells)}, which this answer uses…`;
}

/** The status note after a Check that ran some of the book's cells first. */
export function bookNote(ran: number[]): string {
  if (!ran.length) return "";
  return `Checked against the book's code of ${describeCells(ran)}, which your answer uses (your edits there are left aside).`;
}

/** An id for the cell, so that a note elsewhere can link to it. */
export function anchorOf(cell: CellView): string {
  if (!cell.el.id) cell.el.id = `code-${cell.exercise ? "exercise" : "cell"}-${cell.index + 1}`;
  return cell.el.id;
}

/**
 * The answer was not checked: the book's cell `failing`, which it needs,
 * failed. Says so under the exercise, with a link to the cell and, when the
 * reader has edited it, a button that resets it.
 */
export function showBookFailure(exercise: CellView, failing: CellView, error: CellError): string {
  const text = `Not checked: ${failing.label}, which this answer uses, failed when its book code ran: ${error.text}`;
  const box = exercise.el.querySelector<HTMLElement>("[data-cell-note]");
  if (box) {
    const link = document.createElement("a");
    link.href = `#${anchorOf(failing)}`;
    link.textContent = `Go to ${failing.label}`;
    box.hidden = false;
    box.replaceChildren(`${failing.label}, which this answer uses, did not finish. `, link);
    const reset = document.createElement("button");
    reset.type = "button";
    reset.textContent = `Reset ${failing.label}`;
    reset.addEventListener("click", () => {
      failing.reset();
      exercise.clearNote();
    });
    box.append(" ", reset);
  }
  return text;
}

/** The part of a Check's request that concerns the book: its cells above `exercise`, and what to do when some run first. */
export function checkRequest(exercise: CellView, plain: readonly CellView[]): Pick<RunRequest, "book" | "onBook"> {
  const above = plain.filter((c) => c.el.compareDocumentPosition(exercise.el) & Node.DOCUMENT_POSITION_FOLLOWING);
  return {
    book: bookOf(above),
    onBook: (cells) => {
      if (cells.length) exercise.status(bookRunning(cells), "running");
      return cells.reduce((ms, i) => ms + plain[i].timeoutMs, 0);
    },
  };
}

/** Under the exercise: the book's cell it needs failed, so the answer was not checked. */
export async function reportBookFailure(exercise: CellView, failing: CellView, failed: { label: string; error: CellError }): Promise<boolean> {
  exercise.output.line(showBookFailure(exercise, failing, failed.error), "error");
  await exercise.output.idle();
  exercise.status(`Not checked: ${failed.label} did not finish (see the note).`, "error");
  return true;
}
