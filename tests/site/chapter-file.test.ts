/**
 * "Download this chapter's code": each chapter's file runs with Node inside
 * the repository and prints what the page's cells print (their verified
 * output fences), and its exercises' checks run: with the solutions in, every
 * exercise is solved.
 */
import { describe, expect, test } from "vitest";
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chapterFiles } from "../../scripts/chapters.ts";
import { chapterFile, chapterFileName } from "../../src/code/chapter-file.ts";
import { normaliseOutput, outputMatches, parseChapter } from "../../src/lib/cells.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
// Inside the repository (so "nnfs" resolves through package.json), in a folder git ignores.
const OUT = path.join(ROOT, "test-results", "chapter-code");
const run = promisify(execFile);

const title = (source: string) => /^title:\s*"?(.*?)"?\s*$/m.exec(source)?.[1] ?? "";

describe("chapterFile", () => {
  test("merges the cells' imports into one, keeps the starting code of exercises, names how to run it", () => {
    const source = [
      "---\ntitle: Test\nsummary: x\n---\n",
      "```ts cell\nimport { dot } from \"nnfs\";\nconst w = [1, 2];\nconsole.log(dot(w, w));\n```\n",
      "```ts cell\nimport { dot, neuron } from \"nnfs\";\nconst w = [3, 4];\nconsole.log(neuron(w, w, 1));\n```\n",
      "```ts cell throws\nthrow new Error(\"no\");\n```\n",
      "```ts exercise\nfunction f(): number {\n  return 0;\n}\n```\n",
      "```ts solution\nfunction f(): number {\n  return 1;\n}\n```\n",
      "```ts checks\ncheck(\"one\", () => f(), 1);\n```\n",
    ].join("\n");
    const file = chapterFile({ id: "09-test", title: "Test", source });
    expect(chapterFileName("09-test")).toBe("chapter-09.ts");
    expect(file).toContain("node chapter-09.ts");
    expect(file.match(/from "nnfs";/g)).toHaveLength(1);
    expect(file).toContain('import { dot, neuron } from "nnfs";');
    // The second cell declares w again: the first becomes `let`, the second an assignment.
    expect(file).toContain("let w = [1, 2];");
    expect(file).toContain("w = [3, 4];");
    expect(file).not.toContain("const w = [3, 4]");
    expect(file).toMatch(/try \{\n {2}throw new Error\("no"\);\n\} catch \(error\) \{/);
    expect(file).toContain("return 0;");
    expect(file).not.toContain("return 1;");
    expect(chapterFile({ id: "09-test", title: "Test", source }, { solutions: true })).toContain("return 1;");
  });
});

describe.each(chapterFiles())("$id", ({ id, source }) => {
  test(
    "its downloaded file runs with node and prints each cell's verified output; with the solutions, every exercise is solved",
    async () => {
      const { cells, exercises } = parseChapter(source);
      mkdirSync(OUT, { recursive: true });
      const file = path.join(OUT, chapterFileName(id));
      writeFileSync(file, chapterFile({ id, title: title(source), source }, { solutions: true }));
      const { stdout } = await run(process.execPath, [file], { cwd: OUT, maxBuffer: 64 << 20 });
      const [cellPart, ...exerciseParts] = stdout.split(/^\nExercise \d+\n/m);
      // A cell that throws shows its line on the page; the file prints the error alone.
      const expected = cells
        .map((c) => ({ text: normaliseOutput(c.output ?? "").replace(c.options.throws ? / \(line \d+\)$/ : /$^/, ""), form: c.outputForm === true }))
        .filter((o) => o.text !== "");
      // Output fences with the form of a varying output (`output form`) are matched as forms.
      if (expected.some((e) => e.form)) expect(outputMatches(cellPart, expected), normaliseOutput(cellPart)).toBe(true);
      else expect(normaliseOutput(cellPart)).toBe(expected.map((e) => e.text).join("\n"));
      expect(exerciseParts).toHaveLength(exercises.length);
      exerciseParts.forEach((part, i) => expect(part.trimEnd(), `exercise ${i + 1}`).toMatch(new RegExp(`Exercise ${i + 1}: (\\d+) of \\1 checks pass — solved$`)));
    },
    // Chapter 11 trains for about 40 s on a quiet machine; the limit is for a file that never ends, not a slow machine.
    600_000,
  );
});
