// The library's conventions, checked: every export of lib/ has a doc comment
// naming its chapter and showing an example; index.ts only re-exports; lib/
// imports nothing outside lib/, and only with explicit .ts extensions.
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";

const dir = new URL("../../lib/", import.meta.url);
// display.ts belongs to the code cells and keeps its own conventions.
const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "index.ts" && f !== "display.ts");
const source = (f: string) => readFileSync(new URL(f, dir), "utf8");

function exportsWithDocs(text: string): { name: string; doc: string }[] {
  const out: { name: string; doc: string }[] = [];
  const re = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?export (?:async )?(?:function|class|const|interface|type) (\w+)/g;
  // An overloaded function is documented once, above its first signature.
  for (const m of text.matchAll(re)) if (!out.some((e) => e.name === m[2])) out.push({ name: m[2], doc: m[1] ?? "" });
  return out;
}

describe.each(files)("lib/%s", (file) => {
  const text = source(file);

  test.each(exportsWithDocs(text).map((e) => [e.name, e.doc]))("export %s has a doc comment with @chapter and @example", (_, doc) => {
    expect(doc).toMatch(/@chapter \d+/);
    expect(doc).toMatch(/@example/);
  });

  test("imports only lib/ files, with .ts extensions", () => {
    for (const m of text.matchAll(/from "([^"]+)"/g)) expect(m[1]).toMatch(/^\.\/(kernels\/)?[\w-]+\.ts$/);
  });
});

test("index.ts only re-exports", () => {
  const lines = source("index.ts").split("\n").filter((l) => l.trim() && !l.trim().startsWith("//"));
  for (const line of lines) expect(line).toMatch(/^export \* from "\.\/(kernels\/)?[\w-]+\.ts";$/);
});

test("every lib file is re-exported by index.ts", () => {
  const index = source("index.ts");
  for (const f of files) expect(index).toContain(`export * from "./${f}";`);
});
