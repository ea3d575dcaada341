/**
 * "Predict, then run": what the reader guessed, kept in this browser, and
 * what the page says once the answer is out. Pure functions, so the tests
 * need no browser; predict.ts wires them to the page.
 */

export type StorageLike = Pick<Storage, "getItem" | "setItem">;

export interface Prediction {
  /** The chosen answer's position among the choices, or null before a choice. */
  choice: number | null;
  /** Whether the output has been shown (by Run or by "Show me"). */
  revealed: boolean;
}

export const PREDICT_PREFIX = "nnfs-predict:";

/** The storage key of one question: the chapter's folder name and the question's id. */
export function predictKey(chapter: string, id: string): string {
  if (!chapter || !id) throw new RangeError(`predictKey: chapter "${chapter}" and id "${id}" must both be named`);
  return `${PREDICT_PREFIX}${chapter}:${id}`;
}

/** The stored prediction, or a fresh one when there is none (or it is damaged, or storage is off). */
export function loadPrediction(storage: StorageLike | null, key: string, choices: number): Prediction {
  const fresh: Prediction = { choice: null, revealed: false };
  try {
    const raw = storage?.getItem(key);
    if (!raw) return fresh;
    const v = JSON.parse(raw) as Partial<Prediction>;
    const choice = Number.isInteger(v.choice) && (v.choice as number) >= 0 && (v.choice as number) < choices ? (v.choice as number) : null;
    return { choice, revealed: v.revealed === true };
  } catch {
    return fresh;
  }
}

/** Keeps a prediction; a full or disabled storage is not the reader's problem, so failures are ignored. */
export function savePrediction(storage: StorageLike | null, key: string, p: Prediction): void {
  try {
    storage?.setItem(key, JSON.stringify(p));
  } catch {
    // Private mode or a full quota: the question still works, it is only not remembered.
  }
}

/** What the page says before and after the answer is out. */
export function feedback(choices: readonly string[], answer: number, p: Prediction): string {
  if (!Number.isInteger(answer) || answer < 0 || answer >= choices.length) {
    throw new RangeError(`feedback: answer ${answer} is not one of the ${choices.length} choices`);
  }
  const guess = p.choice === null ? null : choices[p.choice];
  if (!p.revealed) return guess === null ? "" : `Your guess: “${guess}”. Now run the cell, or press Show me.`;
  if (guess === null) return `The answer: “${choices[answer]}”.`;
  if (p.choice === answer) return `You predicted “${guess}”: right.`;
  return `You predicted “${guess}”; the answer is “${choices[answer]}”.`;
}
