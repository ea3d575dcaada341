/** The remark plugin turns cell and exercise fences into <Cell> and <Exercise> elements. */
import { readCache } from "../../components/cell/build/pictures.ts";
import { describe, expect, test } from "vitest";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkMdx from "remark-mdx";
import remarkMath from "remark-math";
import { VFile } from "vfile";
import type { Root } from "mdast";
import { remarkCells, chapterOf } from "../../components/cell/build/remark-cells.ts";

function transform(source: string) {
  const processor = unified().use(remarkParse).use(remarkMath).use(remarkMdx).use(remarkCells);
  const file = new VFile({ path: "/book/chapters/02-a-single-neuron/index.mdx", value: source });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  return tree.children.map((n) => {
    const el = n as unknown as { type: string; name?: string; attributes?: { name: string; value: string }[] };
    return el.type === "mdxJsxFlowElement" ? { name: el.name, ...Object.fromEntries(el.attributes!.map((a) => [a.name, a.value])) } : { type: el.type };
  });
}

const fence = (info: string, body: string) => "```" + info + "\n" + body + "\n```\n";

describe("remarkCells", () => {
  test.each([
    {
      title: "a cell and its output fence become one Cell",
      source: fence("ts cell", "console.log(1 + 1);") + "\n" + fence("output", "2"),
      expected: [{ name: "Cell", chapter: "02-a-single-neuron", index: "0", code: "console.log(1 + 1);", output: "2", line: "1" }],
    },
    {
      title: "a cell without output is marked so",
      source: fence("ts cell", "const a = 1;"),
      expected: [{ name: "Cell", chapter: "02-a-single-neuron", index: "0", code: "const a = 1;", output: "", line: "1", nooutput: "true" }],
    },
    {
      title: "options reach the element",
      source: fence("ts cell throws timeout=60000", "throw new Error('x');") + "\n" + fence("output", "Error: x (line 1)"),
      expected: [{ name: "Cell", chapter: "02-a-single-neuron", index: "0", code: "throw new Error('x');", output: "Error: x (line 1)", line: "1", throws: "true", timeout: "60000" }],
    },
    {
      title: "an output form fence reaches the element marked as a form",
      source: fence("ts cell", "console.log(performance.now());") + "\n" + fence("output form", "<number>"),
      expected: [{ name: "Cell", chapter: "02-a-single-neuron", index: "0", code: "console.log(performance.now());", output: "<number>", line: "1", outputform: "true" }],
    },
    {
      title: "plain ts fences and other languages stay code",
      source: fence("ts", "const a = 1;") + "\n" + fence("output", "not a cell's"),
      expected: [{ type: "code" }, { type: "code" }],
    },
    {
      title: "an exercise's three fences become one Exercise",
      source: "Text $x$.\n\n" + fence("ts exercise", "let f = 0;") + "\n" + fence("ts solution", "let f = 1;") + "\n" + fence("ts checks", 'check("f", () => f, 1);'),
      expected: [{ type: "paragraph" }, { name: "Exercise", chapter: "02-a-single-neuron", index: "0", code: "let f = 0;", solution: "let f = 1;", checks: 'check("f", () => f, 1);', line: "3" }],
    },
  ])("$title", ({ source, expected }) => {
    expect(transform(source)).toEqual(expected);
  });

  test.each([
    { title: "unknown cell option", source: fence("ts cell fast", "1"), error: /unknown option "fast"/ },
    { title: "an exercise without its solution", source: fence("ts exercise", "1") + "\n" + fence("ts checks", "2"), error: /must be followed by a `ts solution` fence/ },
    { title: "a stray solution", source: "Hi.\n\n" + fence("ts solution", "1"), error: /must follow a `ts exercise` fence/ },
  ])("$title is an error that says what is wrong", ({ source, error }) => {
    expect(() => transform(source)).toThrow(error);
  });

  test("the chapter is the folder name", () => {
    expect(chapterOf("/x/chapters/03-layers/index.mdx")).toBe("03-layers");
    expect(chapterOf(undefined)).toBe("");
  });
});

describe("cells that draw", () => {
  async function transformAsync(source: string) {
    const processor = unified().use(remarkParse).use(remarkMath).use(remarkMdx).use(remarkCells);
    const file = new VFile({ path: "/book/chapters/05-drawing/index.mdx", value: source });
    const tree = (await processor.run(processor.parse(file), file)) as Root;
    return tree.children.map((n) => Object.fromEntries((n as unknown as { attributes: { name: string; value: string }[] }).attributes.map((a) => [a.name, a.value])));
  }

  test("the chapter runs at build time, and each drawing's line of output becomes its picture", async () => {
    const text = '[plot "up": 3 points, y from 0 to 0.5 (min 0, max 0.5)]';
    const [first, second] = await transformAsync(
      fence("ts cell", 'import { plot } from "nnfs";\nconst ys = [0, 0.25, 0.5];\nconsole.log("before");') +
        "\n" + fence("output", "before") + "\n" +
        fence("ts cell", 'plot(ys, { title: "up" });\nconsole.log("after");') + "\n" + fence("output", `${text}\nafter`),
    );
    expect(first.outputhtml).toBeUndefined(); // draws nothing: its output stays text
    await new Promise((r) => setTimeout(r, 50)); // the cache is written once the run has finished
    expect(Object.keys(readCache())).not.toContain("05-drawing"); // not a chapter of the book: nothing kept for it
    const lines = second.outputhtml.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^<span class="out-display out-display-plot"><span class="out-picture"><span class="dp-plot" role="img" aria-label="\[plot &quot;up&quot;: 3 points/);
    expect(lines[0]).toContain('<span class="dp-title" data-text="up">');
    expect(lines[1]).toBe("after");
    expect(second.output).toBe(`${text}\nafter`); // the text is still there for the page's own checks
  });

  test("a chapter that draws nothing is transformed synchronously, as before", () => {
    expect(() => transform(fence("ts cell", "console.log(1);") + "\n" + fence("output", "1"))).not.toThrow();
  });
});
