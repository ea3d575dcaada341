/**
 * "Predict, then run" in every chapter: each chapter asks at least one
 * question, and the prose that answers each question is marked
 * `data-predict-answer` (inside its <Predict> block, or anywhere in the
 * chapter with the question's id as value), so the page can keep it hidden
 * until the reader has guessed.
 */
import { describe, expect, test } from "vitest";
import { chapterFiles } from "../../scripts/chapters.ts";

export interface FoundPrediction {
  id: string;
  /** How many elements hold its answer. */
  answers: number;
}

/** The predictions of a chapter's source and how many answer elements each has. */
export function predictions(source: string): FoundPrediction[] {
  const found: FoundPrediction[] = [];
  for (const m of source.matchAll(/<Predict\b([\s\S]*?)>([\s\S]*?)<\/Predict>/g)) {
    const id = /\bid="([^"]+)"/.exec(m[1])?.[1] ?? "";
    const inside = [...m[2].matchAll(/data-predict-answer(?!=)/g)].length;
    const elsewhere = [...source.matchAll(/data-predict-answer="([^"]*)"/g)].filter((a) => a[1] === id).length;
    found.push({ id, answers: inside + elsewhere });
  }
  return found;
}

test.each([
  { source: '<Predict id="a" q>\ncell\n<div data-predict-answer>\n\nwhy\n\n</div>\n</Predict>', found: [{ id: "a", answers: 1 }] },
  { source: '<Predict id="a">\ncell\n</Predict>\n\n<div data-predict-answer="a">\n\nwhy\n\n</div>', found: [{ id: "a", answers: 1 }] },
  { source: '<Predict id="a">\ncell\n</Predict>\n\n<div data-predict-answer="b">\n\nwhy\n\n</div>', found: [{ id: "a", answers: 0 }] },
  { source: "no questions here", found: [] },
])("predictions($source)", ({ source, found }) => {
  expect(predictions(source)).toEqual(found);
});

describe.each(chapterFiles())("$id", ({ source }) => {
  const found = predictions(source);
  test("asks the reader to predict at least once", () => {
    expect(found.length).toBeGreaterThan(0);
  });
  test("marks the answer of every prediction, so it stays hidden until the reader guesses", () => {
    expect(found.filter((p) => p.answers === 0).map((p) => p.id)).toEqual([]);
  });
  test("names every prediction once", () => {
    const ids = found.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

/** What a chapter shows before any guess: its source without the <Predict> blocks (their outputs wait) and without the answers kept elsewhere. */
export function shownBeforeGuessing(source: string): string {
  return source
    .replace(/<Predict\b[\s\S]*?<\/Predict>/g, "")
    .replace(/<div data-predict-answer="[^"]*">[\s\S]*?<\/div>/g, "");
}

test("shownBeforeGuessing leaves out the blocks and the answers kept after them", () => {
  const source = 'a\n<Predict id="p">\ncell\n</Predict>\n\n<div data-predict-answer="p">\n\nwhy\n\n</div>\n\nb';
  expect(shownBeforeGuessing(source).replace(/\s+/g, " ")).toBe("a b");
});

/**
 * Prose that would answer a question if it were readable before the guess: a
 * derivation that computes the answer, or a sentence that takes it for
 * granted. Each must sit inside the answer (or, where it says "never", be
 * gone from the chapter).
 */
const GIVEAWAYS = [
  { chapter: "08", id: "learning-rates", text: "0.8^{20}", inAnswer: true }, // x after 20 steps at η = 0.9
  { chapter: "08", id: "learning-rates", text: "$-0.8$ for $0.9$", inAnswer: true },
  { chapter: "09", id: "one-step", text: "step 4: loss 2.2882", inAnswer: true }, // the next nine steps' output shows the loss falling
  { chapter: "06", id: "first-layer-times-ten", text: "What does spread the answers is", inAnswer: false }, // implies ×10 on one layer did not
  { chapter: "05", id: "which-scores-highest", text: "block     -80", inAnswer: true }, // the block's sum, printed again by the next section's table
  { chapter: "05", id: "which-scores-highest", text: "shifted   -40", inAnswer: true },
  { chapter: "06", id: "thousand-guesses", text: "Why always 3?", inAnswer: false }, // a heading that says the network answers 3 for every digit
  { chapter: "06", id: "thousand-guesses", text: "come first for every image", inAnswer: false },
];

// Only the chapters under test (npm run test:chapter -- NN tests one).
const present = GIVEAWAYS.flatMap((g) => chapterFiles().filter((c) => c.id.startsWith(g.chapter)).map((c) => ({ ...g, source: c.source })));
if (present.length > 0) test.each(present)("chapter $chapter: “$text” does not answer “$id” before the reader guesses", ({ id, text, inAnswer, source }) => {
  expect(predictions(source).map((p) => p.id)).toContain(id);
  expect(shownBeforeGuessing(source)).not.toContain(text);
  expect(source.includes(text)).toBe(inAnswer);
});
