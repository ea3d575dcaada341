/**
 * A number the prose quotes comes from a cell's output. The output fences are
 * checked against real runs (cells.test.ts); this table ties each quoted
 * number in the prose to the output it comes from, so that when a run changes
 * (new weights, new data) and `npm run cells:update` rewrites the fence, this
 * test fails until the prose says the new number too.
 */
import { describe, expect, test } from "vitest";
import { parseChapter } from "../../components/cell/parse-chapter.ts";
import { chapterFiles } from "./chapters.ts";

interface Quote {
  /** What the prose says, whitespace-insensitive. */
  prose: string;
  /** What some cell's output fence of the same chapter must contain. */
  output: string;
}

const QUOTES: Record<string, Quote[]> = {
  "03": [{ prose: "For 784 inputs the spread is $1/28$", output: "1 / √784:              0.0357" }],
  "05": [
    { prose: "The stroke scores $40$", output: "stroke     40" },
    { prose: "the speck drops from $0.982$ to $0.002$", output: "speck       4   0.982       0.002" },
  ],
  "06": [
    { prose: "numbers, every one of them a knob", output: "total: 13002 parameters" },
    { prose: "It says 3 for *every* test digit", output: "how often it says each digit: [0, 0, 0, 1000, 0, 0, 0, 0, 0, 0]" },
    { prose: "which 113 of the 1,000 are", output: "113 of 1000 right" },
    { prose: "for the first digit it was $0.61$, with output 1 close behind at $0.57$", output: "outputs, a 9: [0.42, 0.57, 0.5, 0.61," },
    { prose: "some of its neurons move by as much as $0.27$", output: "largest difference: 0.27\n" },
    { prose: "every activation lies between $0.26$ and $0.72$", output: "     14    0.32    0.26" },
    { prose: "every activation lies between $0.26$ and $0.72$", output: "      7    0.45    0.72" },
    { prose: "outputs differ by a hundredth at most ($0.011$)", output: "largest difference: 0.011" },
  ],
};

const squash = (text: string) => text.replace(/\s+/g, " ");

/** The chapter's text without its fences: what a reader reads as prose. */
function prose(source: string): string {
  return squash(source.replace(/^```[\s\S]*?^```/gm, ""));
}

test("every chapter the table names exists", () => {
  const all = chapterFiles("").map((c) => c.id.slice(0, 2));
  expect(Object.keys(QUOTES).filter((n) => !all.includes(n))).toEqual([]);
});

describe.each(chapterFiles().filter((c) => QUOTES[c.id.slice(0, 2)]))("$id", ({ id, source }) => {
  const outputs = parseChapter(source).cells.map((c) => c.output ?? "");
  test.each(QUOTES[id.slice(0, 2)])("the prose quotes “$prose” from an output", ({ prose: quoted, output }) => {
    expect(prose(source), "the prose no longer says it").toContain(squash(quoted));
    expect(outputs.some((o) => o.includes(output)), `no output fence contains ${JSON.stringify(output)}`).toBe(true);
  });
});
