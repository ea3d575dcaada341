import { describe, expect, test } from "vitest";
import { feedback, loadPrediction, predictKey, savePrediction, settle, view, type StorageLike } from "../../components/predict/predict-state.ts";

function memory(initial: Record<string, string> = {}): StorageLike & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

describe("predictKey", () => {
  test("names the chapter and the question", () => {
    expect(predictKey("03-layers-and-batches", "batch-shape")).toBe("nnfs-predict:03-layers-and-batches:batch-shape");
  });
  test("refuses an empty name", () => {
    expect(() => predictKey("", "x")).toThrow('predictKey: chapter "" and id "x" must both be named');
  });
});

describe("loadPrediction and savePrediction", () => {
  const key = predictKey("01-why", "q");

  test("a question never answered: no choice, not revealed", () => {
    expect(loadPrediction(memory(), key, 3)).toEqual({ choice: null, revealed: false });
  });

  test("what was saved comes back", () => {
    const storage = memory();
    savePrediction(storage, key, { choice: 2, revealed: true });
    expect(loadPrediction(storage, key, 3)).toEqual({ choice: 2, revealed: true });
  });

  test.each([
    { raw: "not json", expected: { choice: null, revealed: false } },
    { raw: '{"choice": 7, "revealed": true}', expected: { choice: null, revealed: true } },
    { raw: '{"choice": -1}', expected: { choice: null, revealed: false } },
    { raw: '{"choice": 1.5, "revealed": "yes"}', expected: { choice: null, revealed: false } },
  ])("a damaged or outdated record ($raw) is read safely", ({ raw, expected }) => {
    expect(loadPrediction(memory({ [key]: raw }), key, 3)).toEqual(expected);
  });

  test("no storage at all, or a storage that refuses to write, changes nothing", () => {
    expect(loadPrediction(null, key, 3)).toEqual({ choice: null, revealed: false });
    const full: StorageLike = {
      getItem: () => null,
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(() => savePrediction(full, key, { choice: 0, revealed: false })).not.toThrow();
    expect(() => savePrediction(null, key, { choice: 0, revealed: false })).not.toThrow();
  });
});

describe("feedback", () => {
  const choices = ["yes", "no", "maybe"];
  test.each([
    { choice: null, revealed: false, ran: false, text: "" },
    { choice: null, revealed: false, ran: true, text: "The cell has run, but you have not guessed yet: choose an answer to read why, or press Show me." },
    { choice: 2, revealed: false, ran: false, text: "Your guess: “maybe”. Now run the cell, or press Show me." },
    { choice: null, revealed: true, ran: false, text: "You skipped the guess. What happened: “no”." },
    { choice: 1, revealed: true, ran: true, text: "You guessed “no”, and that is what happened: right." },
    { choice: 0, revealed: true, ran: true, text: "You guessed “yes”; what happened: “no”." },
  ])("choice $choice, revealed $revealed, ran $ran", ({ choice, revealed, ran, text }) => {
    expect(feedback(choices, 1, { choice, revealed }, ran)).toBe(text);
  });

  test("an answer that is not one of the choices is a mistake in the chapter", () => {
    expect(() => feedback(choices, 3, { choice: null, revealed: false })).toThrow("feedback: answer 3 is not one of the 3 choices");
  });
});

describe("settle and view: when the answer comes out", () => {
  test("a run without a guess shows the output and keeps the answer hidden", () => {
    const p = settle({ choice: null, revealed: false }, true);
    expect(p).toEqual({ choice: null, revealed: false });
    expect(view(p, true)).toEqual({ output: true, answer: false, locked: false });
  });
  test("a guess without a run keeps both hidden", () => {
    const p = settle({ choice: 1, revealed: false }, false);
    expect(view(p, false)).toEqual({ output: false, answer: false, locked: false });
  });
  test("a guess and a run (in either order) reveal the answer and lock the guess", () => {
    const p = settle({ choice: 1, revealed: false }, true);
    expect(p).toEqual({ choice: 1, revealed: true });
    expect(view(p, true)).toEqual({ output: true, answer: true, locked: true });
  });
  test("Show me reveals everything, guess or not", () => {
    expect(view({ choice: null, revealed: true }, false)).toEqual({ output: true, answer: true, locked: true });
  });
});
