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

/**
 * A prediction after the cell ran (`ran`: its output is on the screen) or
 * after Show me. The answer comes out when the reader has guessed and the
 * cell has run, or when they skip (Show me); after that the guess is locked.
 * A cell run for another cell, without a guess, shows its output but keeps
 * the answer (the prose that explains it) hidden.
 */
export function settle(p: Prediction, ran: boolean): Prediction {
  if (p.revealed || p.choice === null || !ran) return p;
  return { ...p, revealed: true };
}

/** What the page shows of one prediction: the output, the answer, and whether the guess may still change. */
export function view(p: Prediction, ran: boolean): { output: boolean; answer: boolean; locked: boolean } {
  return { output: ran || p.revealed, answer: p.revealed, locked: p.revealed };
}

/** What the page says before and after the answer is out: what was guessed, and what happened. */
export function feedback(choices: readonly string[], answer: number, p: Prediction, ran = false): string {
  if (!Number.isInteger(answer) || answer < 0 || answer >= choices.length) {
    throw new RangeError(`feedback: answer ${answer} is not one of the ${choices.length} choices`);
  }
  const guess = p.choice === null ? null : choices[p.choice];
  const happened = choices[answer];
  if (!p.revealed) {
    if (guess !== null) return `Your guess: “${guess}”. Now run the cell, or press Show me.`;
    return ran ? "The cell has run, but you have not guessed yet: choose an answer to read why, or press Show me." : "";
  }
  if (guess === null) return `You skipped the guess. What happened: “${happened}”.`;
  if (p.choice === answer) return `You guessed “${guess}”, and that is what happened: right.`;
  return `You guessed “${guess}”; what happened: “${happened}”.`;
}
