import { describe, expect, test } from "vitest";
import { formProblem, NUMBER_SLOT, normaliseOutput, outputMatches } from "../../components/cell/notebook/output-form.ts";
import { parseChapter } from "../../components/cell/notebook/parse-chapter.ts";

const form = (text: string) => [{ text, form: true }];

describe("outputMatches: an `output form` fence", () => {
  test.each([
    { actual: "naive: 0.41 GFLOP/s", text: "naive: <number> GFLOP/s" },
    { actual: "naive: 12 GFLOP/s", text: "naive: <number> GFLOP/s" },
    { actual: "naive:   -3.5e-7 GFLOP/s", text: "naive: <number> GFLOP/s" }, // padded to line up
    { actual: "a 1\nb 2.50  \n\n", text: "a <number>\nb <number>" }, // trailing spaces and blank lines do not count
    { actual: "128×128: 4194304 flops in 2.1 ms", text: "128×128: 4194304 flops in <number> ms" },
    { actual: "x (1.5×) [2]", text: "x (<number>×) [<number>]" }, // brackets and dots are literal
  ])("$actual has the form $text", ({ actual, text }) => {
    expect(outputMatches(actual, form(text))).toBe(true);
  });

  test.each([
    { actual: "naive: fast GFLOP/s", text: "naive: <number> GFLOP/s", why: "a word is not a number" },
    { actual: "naive: GFLOP/s", text: "naive: <number> GFLOP/s", why: "a slot needs a number" },
    { actual: "naive: NaN GFLOP/s", text: "naive: <number> GFLOP/s", why: "NaN is not a number here" },
    { actual: "naive: 0.41 MFLOP/s", text: "naive: <number> GFLOP/s", why: "the words around it must match" },
    { actual: "128×128: 4194305 flops in 2.1 ms", text: "128×128: 4194304 flops in <number> ms", why: "numbers outside slots are exact" },
    { actual: "a 1\nb 2\nc 3", text: "a <number>\nb <number>", why: "an extra line" },
    { actual: "a 1 2", text: "a <number>", why: "one slot is one number" },
    { actual: "x 1.5 GFLOP/s", text: "x.<number> GFLOP/s", why: "a dot in the text is a dot, not any character" },
  ])("$actual does not have the form $text ($why)", ({ actual, text }) => {
    expect(outputMatches(actual, form(text))).toBe(false);
  });

  test("exact pieces are compared as text, and pieces join with newlines", () => {
    expect(outputMatches("7\nspeed 3 GFLOP/s", [{ text: "7", form: false }, { text: "speed <number> GFLOP/s", form: true }])).toBe(true);
    expect(outputMatches("8\nspeed 3 GFLOP/s", [{ text: "7", form: false }, { text: "speed <number> GFLOP/s", form: true }])).toBe(false);
    // In an exact piece the slot is just text.
    expect(outputMatches("speed 3", [{ text: "speed <number>", form: false }])).toBe(false);
    expect(outputMatches("speed <number>", [{ text: "speed <number>", form: false }])).toBe(true);
  });

  test("a form needs a slot", () => {
    expect(formProblem("no slot here")).toMatch(/at least one <number> slot/);
    expect(formProblem(`${NUMBER_SLOT} GFLOP/s`)).toBeNull();
    expect(normaliseOutput("a  \nb\n\n")).toBe("a\nb");
  });
});

describe("parseChapter reads `output form` fences", () => {
  const chapter = (fence: string, body = "<number> ms") => ["```ts cell", "console.log(1);", "```", "", "```" + fence, body, "```", ""].join("\n");

  test("`output form` marks the cell's output as a form; `output` does not", () => {
    expect(parseChapter(chapter("output form")).cells[0]).toMatchObject({ output: "<number> ms", outputForm: true });
    expect(parseChapter(chapter("output")).cells[0]).toMatchObject({ output: "<number> ms", outputForm: false });
  });

  test("an unknown output fence or a form without a slot is refused, naming the line", () => {
    expect(() => parseChapter(chapter("output fuzzy"))).toThrow(/cell at line 1: unknown output fence `output fuzzy`/);
    expect(() => parseChapter(chapter("output form", "12 ms"))).toThrow(/cell at line 1: an `output form` fence must hold at least one <number> slot/);
  });
});
