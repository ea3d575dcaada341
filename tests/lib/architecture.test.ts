// The shape of the library, checked: arrows only point back in the book (a
// chapter-N file imports files of chapters ≤ N and the kernels floor, which
// imports no chapter), no import goes round in a loop, every file has a test of
// its own, no file is over 300 lines, and index.ts re-exports the chapter files
// in book order.
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";

const lib = new URL("../../lib/", import.meta.url);
const read = (f: string) => readFileSync(new URL(f, lib), "utf8");
const chapterFiles = readdirSync(lib).filter((f) => f.endsWith(".ts") && f !== "index.ts");
const kernelFiles = readdirSync(new URL("kernels/", lib)).filter((f) => f.endsWith(".ts")).map((f) => `kernels/${f}`);

/** The chapter a file's header names ("Chapter 3:", "Chapters 10–11:" → 10, "Chapter 3 (and 9):" → 3), or null. */
export function headerChapter(text: string): number | null {
  const header = /^\/\*\*?\s*\n?\s*\*?\s*Chapters? (\d+)/.exec(text);
  return header ? Number(header[1]) : null;
}

/** The lib files a file imports (paths relative to lib/), type-only imports included. */
export function importsOf(file: string, text: string): string[] {
  const dir = file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "";
  return [...text.matchAll(/^import [^;]*? from "(\.{1,2}\/[^"]+)";/gm)].map((m) => {
    const parts = (dir + m[1]).split("/");
    const out: string[] = [];
    for (const p of parts) {
      if (p === "..") out.pop();
      else if (p !== ".") out.push(p);
    }
    return out.join("/");
  });
}

/** Every import that points forward in the book: "dense.ts (chapter 3) imports init.ts (chapter 11)". */
export function forwardImports(files: Record<string, string>): string[] {
  const chapterOf = (f: string) => headerChapter(files[f] ?? "");
  const problems: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    const kernel = file.startsWith("kernels/");
    const own = kernel ? null : chapterOf(file);
    for (const target of importsOf(file, text)) {
      if (target.startsWith("kernels/")) continue; // the floor, open to everyone
      const theirs = chapterOf(target);
      if (kernel) problems.push(`${file} (kernels floor) imports ${target}: kernels import no chapter`);
      else if (own === null || theirs === null || theirs > own) {
        problems.push(`${file} (chapter ${own ?? "?"}) imports ${target} (chapter ${theirs ?? "?"})`);
      }
    }
  }
  return problems;
}

/** Every import loop, each as the files in order with the first repeated: "a.ts → b.ts → a.ts". */
export function importCycles(files: Record<string, string>): string[] {
  const cycles = new Set<string>();
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    path.push(file);
    for (const target of importsOf(file, files[file] ?? "")) {
      if (!(target in files)) continue;
      if (state.get(target) === "open") {
        const loop = path.slice(path.indexOf(target));
        const first = loop.indexOf([...loop].sort()[0]); // the same loop reads the same from wherever it was entered
        const turned = [...loop.slice(first), ...loop.slice(0, first)];
        cycles.add([...turned, turned[0]].join(" → "));
      } else if (!state.has(target)) visit(target);
    }
    path.pop();
    state.set(file, "done");
  };
  for (const file of Object.keys(files).sort()) if (!state.has(file)) visit(file);
  return [...cycles].sort();
}

const all: Record<string, string> = Object.fromEntries([...chapterFiles, ...kernelFiles].map((f) => [f, read(f)]));

describe("arrows point back in the book", () => {
  test.each([
    { header: "/**\n * Chapter 3: a dense layer", chapter: 3 },
    { header: "/**\n * Chapters 10–11: optimisers", chapter: 10 },
    { header: "/** Chapter 3: the transpose. */", chapter: 3 },
    { header: "/**\n * Chapter 3 (explained in chapter 6): random", chapter: 3 },
    { header: "/**\n * Showing pictures from a cell", chapter: null },
  ])("headerChapter reads $chapter", ({ header, chapter }) => {
    expect(headerChapter(header)).toBe(chapter);
  });

  test("the check finds a forward import, a headerless import and a kernel that reaches up", () => {
    const files = {
      "dense.ts": '/**\n * Chapter 3: dense\n */\nimport { he } from "./init.ts";\nimport { x } from "./kernels/k.ts";\n',
      "init.ts": '/**\n * Chapter 11: init\n */\nimport type { Dense } from "./dense.ts";\n',
      "odd.ts": '/** no header */\nimport { Dense } from "./dense.ts";\n',
      "kernels/k.ts": '/** a kernel */\nimport { Matrix } from "../matrix.ts";\n',
    };
    expect(forwardImports(files)).toEqual([
      "dense.ts (chapter 3) imports init.ts (chapter 11)",
      "odd.ts (chapter ?) imports dense.ts (chapter 3)",
      "kernels/k.ts (kernels floor) imports matrix.ts: kernels import no chapter",
    ]);
  });

  test("every chapter file of lib/ that imports anything names its chapter", () => {
    const headless = chapterFiles.filter((f) => headerChapter(all[f]) === null && importsOf(f, all[f]).length > 0);
    expect(headless).toEqual([]);
  });

  test("no lib file imports a later chapter's file, and kernels import no chapter", () => {
    expect(forwardImports(all)).toEqual([]);
  });
});

describe("no import loops", () => {
  test("the check finds a loop of three, a loop of two through a type import, and no loop in a chain", () => {
    const files = {
      "kernels/a.ts": 'import { b } from "./b.ts";\n',
      "kernels/b.ts": 'import { c } from "./c.ts";\n',
      "kernels/c.ts": 'import { a } from "./a.ts";\n',
      "kernels/d.ts": 'import type { E } from "./e.ts";\n',
      "kernels/e.ts": 'import { d } from "./d.ts";\n',
      "x.ts": 'import { a } from "./kernels/a.ts";\n',
      "y.ts": 'import { x } from "./x.ts";\n',
    };
    expect(importCycles(files)).toEqual([
      "kernels/a.ts → kernels/b.ts → kernels/c.ts → kernels/a.ts",
      "kernels/d.ts → kernels/e.ts → kernels/d.ts",
    ]);
  });

  test("lib/ (index.ts included, type imports counted) has no import loop: every floor reads bottom-up", () => {
    expect(importCycles({ ...all, "index.ts": read("index.ts") })).toEqual([]);
  });
});

describe("every file has a test of its own", () => {
  // A file is tested in tests/lib/<name>.test.ts or tests/lib/<name>-<part>.test.ts (kernels/ likewise);
  // the one exception is named with the test that holds it.
  const ownTest: Record<string, string> = { "kernels/wasm-bytes.ts": "kernels/wasm-build.test.ts" };
  const testsDir = new URL("./", import.meta.url);
  const testFiles = [
    ...readdirSync(testsDir).filter((f) => f.endsWith(".test.ts")),
    ...readdirSync(new URL("kernels/", testsDir)).filter((f) => f.endsWith(".test.ts")).map((f) => `kernels/${f}`),
  ];
  test.each([...chapterFiles, ...kernelFiles])("%s", (file) => {
    const base = file.replace(/\.ts$/, "");
    const own = testFiles.filter((t) => t === `${base}.test.ts` || t.startsWith(`${base}-`) || t === ownTest[file]);
    expect(own, `no tests/lib/${base}.test.ts`).not.toEqual([]);
  });
});

describe("small files", () => {
  test.each([...chapterFiles, ...kernelFiles, "index.ts"])("%s has at most 300 lines", (file) => {
    expect(read(file).split("\n").length).toBeLessThanOrEqual(300);
  });
});

describe("index.ts", () => {
  const reexports = [...read("index.ts").matchAll(/^export \* from "\.\/([\w/-]+\.ts)";$/gm)].map((m) => m[1]);

  test("re-exports every chapter file once", () => {
    expect([...reexports].filter((f) => !f.startsWith("kernels/")).sort()).toEqual([...chapterFiles].sort());
    expect(new Set(reexports).size).toBe(reexports.length);
  });

  test("lists the chapter files in book order", () => {
    const chapters = reexports.filter((f) => !f.startsWith("kernels/") && headerChapter(all[f]) !== null).map((f) => headerChapter(all[f])!);
    expect(chapters).toEqual([...chapters].sort((a, b) => a - b));
  });
});
