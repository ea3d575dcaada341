/**
 * Typesetting rules the chapters keep: a shape such as [1 × 4] inside inline
 * math is one group, `{[1 \times 4]}`, because KaTeX may break a line after
 * ×, and a shape split over two lines reads as nonsense.
 */
import { describe, expect, test } from "vitest";
import { chapterFiles } from "../../scripts/chapters.ts";

/** Inline-math shapes written without braces around them (display math and code are left alone). */
export function ungroupedShapes(source: string): string[] {
  const text = source.replace(/^```[\s\S]*?^```/gm, "").replace(/\$\$[\s\S]*?\$\$/g, "");
  const found: string[] = [];
  for (const m of text.matchAll(/\$([^$]+)\$/g)) {
    for (const shape of m[1].matchAll(/(\{?)\[[^[\]]*\\times[^[\]]*\](\}?)/g)) {
      if (!(shape[1] === "{" && shape[2] === "}")) found.push(shape[0].replace(/\s+/g, " "));
    }
  }
  return found;
}

test.each([
  { source: "shape $[1 \\times 4]$", found: ["[1 \\times 4]"] },
  { source: "shape ${[1 \\times 4]}$", found: [] },
  { source: "$$\n[a \\times n]\n$$", found: [] },
  { source: "product ${[a \\times n]} \\cdot [n \\times c]$", found: ["[n \\times c]"] },
])("ungroupedShapes($source)", ({ source, found }) => {
  expect(ungroupedShapes(source)).toEqual(found);
});

describe.each(chapterFiles())("$id", ({ source }) => {
  test("inline shapes are grouped so that they never break across lines", () => {
    expect(ungroupedShapes(source)).toEqual([]);
  });
});
