/**
 * The cells' code is highlighted at build time by the same Shiki call as
 * Astro's <Code> (createShikiHighlighter). Shiki gives up on a line after a
 * time limit and paints the rest of it one colour; `wholeLines` turns the
 * limit off, so a busy build machine cannot change the colours.
 */
import { describe, expect, it } from "vitest";
import { createShikiHighlighter } from "@astrojs/internal-helpers/shiki";
import { wholeLines } from "../../components/cell/build/whole-lines.ts";

const themes = { light: "github-light-default", dark: "github-dark-default" } as const;
// One long line: the same statement 300 times, so tokenizing it takes longer than a millisecond.
const statement = `const v = Math.max(1, "s".length) * 2;`;
const line = Array.from({ length: 300 }, () => statement).join(" ");
/** The colours of the spans, in order. */
const colours = (html: string) => [...html.matchAll(/<span style="color:(#[0-9A-Fa-f]+)/g)].map((m) => m[1]);

describe("highlighting a cell's code", () => {
  it("colours a whole line even when the time limit is short (the limit is off)", async () => {
    const highlighter = await createShikiHighlighter({ langs: ["ts" as never], themes }) // a bundled language's name, as <Code> passes it;
    // A 1 ms limit, the way a slow first highlight meets the default 500 ms one.
    const limited = { defaultColor: "light", transformers: [{ name: "limit", preprocess: (code: string, o: { tokenizeTimeLimit?: number }) => ((o.tokenizeTimeLimit = 1), code) }] };
    const cut = colours(await highlighter.codeToHtml(line, "ts", limited));
    const whole = colours(await highlighter.codeToHtml(line, "ts", { ...limited, transformers: [...limited.transformers, wholeLines] }));
    // One statement alone is highlighted well within any limit: the whole line is its colours 300 times.
    const one = colours(await highlighter.codeToHtml(statement, "ts", { defaultColor: "light" }));
    expect(one.length).toBeGreaterThan(5);
    const expected = Array.from({ length: 300 }, () => one).flat();
    expect(cut.length).toBeLessThan(expected.length); // the limit does cut the line short
    expect(whole).toEqual(expected);
  }, 60_000);
});
