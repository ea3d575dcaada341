/**
 * The cells' code is highlighted at build time by the same Shiki call as
 * Astro's <Code> (createShikiHighlighter). Shiki gives up on a line after a
 * time limit and paints the rest of it one colour; `wholeLines` turns the
 * limit off, so a busy build machine cannot change the colours.
 */
import { describe, expect, it } from "vitest";
import { createShikiHighlighter } from "@astrojs/internal-helpers/shiki";
import { wholeLines } from "../../components/cell/build/whole-lines.ts";

const themes = { light: "github-light-default", dark: "github-dark-default" };
// One long line: many tokens of different colours, so tokenizing it takes longer than a millisecond.
const line = Array.from({ length: 400 }, (_, i) => `const v${i} = Math.max(${i}, "s${i}".length) * 2;`).join(" ");
/** The colours of the spans, in order. */
const colours = (html: string) => [...html.matchAll(/<span style="color:(#[0-9A-Fa-f]+)/g)].map((m) => m[1]);

describe("highlighting a cell's code", () => {
  it("colours a whole line even when the time limit is short (the limit is off)", async () => {
    const highlighter = await createShikiHighlighter({ langs: ["ts"], themes });
    // A 1 ms limit, the way a slow first highlight meets the default 500 ms one.
    const limited = { defaultColor: "light", transformers: [{ name: "limit", preprocess: (code: string, o: { tokenizeTimeLimit?: number }) => ((o.tokenizeTimeLimit = 1), code) }] };
    const cut = colours(await highlighter.codeToHtml(line, "ts", limited));
    const whole = colours(await highlighter.codeToHtml(line, "ts", { ...limited, transformers: [...limited.transformers, wholeLines] }));
    const free = colours(await highlighter.codeToHtml(line, "ts", { defaultColor: "light" }));
    expect(cut.length).toBeLessThan(free.length); // the limit does cut the line short
    expect(whole).toEqual(free);
  });
});
