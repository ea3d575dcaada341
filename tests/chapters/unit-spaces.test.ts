/**
 * A number and its unit never part at a line's end: in every chapter's prose
 * the space between them is a narrow no-break space (scripts/unit-spaces.ts;
 * `node scripts/unit-spaces.ts --fix` puts them in). Code and math are not prose.
 */
import { describe, expect, test } from "vitest";
import { chapterFiles } from "../../scripts/chapters.ts";
import { UNIT_SPACE, breakingUnitSpaces, fixUnitSpaces } from "../../scripts/unit-spaces.ts";

describe("finding a breaking space between a number and its unit", () => {
  test("in prose: a space, or a line break of the source, before %, s, MB, GFLOP/s…", () => {
    const found = breakingUnitSpaces("It ends at 98.1 % after 48 s.\nThe file is 11\nMB, and 5.2 GFLOP/s is the speed.\n");
    expect(found.map((f) => f.line)).toEqual([1, 1, 2, 3]);
    expect(breakingUnitSpaces(`It ends at 98.1${UNIT_SPACE}% after 48${UNIT_SPACE}s.`)).toEqual([]);
  });

  test("not a unit: a word that starts like one, or a number then a word", () => {
    expect(breakingUnitSpaces("3 sets of 2 steps, 10 minutes, 4 pixels, 5 messages")).toEqual([]);
  });

  test("code, outputs and math are not prose", () => {
    const source = [
      "import X from \"y\";",
      "Inline `const p = 5 %` and $50 \\%$ and $$x = 3 s$$.",
      "```output",
      "validation 97.4 %, 1.2 s",
      "```",
      "",
    ].join("\n");
    expect(breakingUnitSpaces(source)).toEqual([]);
  });

  test("the fix puts the narrow no-break space in, joining a line break, and leaves code alone", () => {
    expect(fixUnitSpaces("at 98.1 %, in\n48\ns; `5 %`")).toBe(`at 98.1${UNIT_SPACE}%, in\n48${UNIT_SPACE}s; \`5 %\``);
  });
});

describe.each(chapterFiles())("$id", ({ source }) => {
  test("every number and its unit are held together by a no-break space", () => {
    expect(breakingUnitSpaces(source)).toEqual([]);
  });
});
