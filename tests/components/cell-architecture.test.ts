/**
 * The cell runtime's layout, enforced: protocol.ts, notebook/ (pure),
 * worker/ (runs code), types/ (checks types), page/ (the page's side) and build/ (Astro components,
 * remark plugin). Arrows only go down; page/ and worker/ know each other only
 * through protocol.ts; nothing imports a test runner; no cycles; small files;
 * every field of every message is read by the side that receives it.
 */
import { describe, expect, test } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../components/cell/", import.meta.url));

function files(dir = ROOT): string[] {
  return readdirSync(dir).flatMap((f) => {
    const full = path.join(dir, f);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|astro)$/.test(f) ? [full] : [];
  });
}

const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join("/");
const part = (r: string) => (r.includes("/") ? r.slice(0, r.indexOf("/")) : r);

/** Every module a file imports: `import … from "x"`, `import "x"`, `import("x")`, `export … from "x"`. */
export function importsOf(source: string): string[] {
  const found = source.matchAll(/(?:^|[\s;])(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|(?:^|[\s;])import\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm);
  return [...found].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** What each part may import inside components/cell (besides itself, npm packages and lib/). */
const ALLOWED: Record<string, string[]> = {
  "protocol.ts": [],
  notebook: [],
  worker: ["protocol.ts", "notebook"],
  page: ["protocol.ts", "notebook"],
  // The type check: the chapter tests' compiler program and the editor's language service.
  types: ["protocol.ts", "notebook"],
  build: ["notebook", "page", "worker", "types"],
};

const all = files().map((f) => ({ file: rel(f), source: readFileSync(f, "utf8") }));
const edges = all.flatMap(({ file, source }) =>
  importsOf(source).map((spec) => {
    const local = spec.startsWith(".");
    const target = local ? path.posix.normalize(path.posix.join(path.posix.dirname(file), spec.replace(/\?.*$/, ""))) : spec;
    return { file, spec, target, local };
  }),
);

describe("the cell runtime's import rules", () => {
  test("the six parts are there", () => {
    expect([...new Set(all.map((f) => part(f.file)))].sort()).toEqual(["build", "notebook", "page", "protocol.ts", "types", "worker"]);
  });

  test.each(Object.keys(ALLOWED))("%s imports only what lies below it", (from) => {
    const bad = edges.filter((e) => part(e.file) === from && e.local && !e.target.startsWith("../")).filter((e) => {
      const to = part(e.target);
      if (to === from) return false;
      // The page names the worker's bundle as a URL to start it, and nothing else of it.
      if (e.file === "page/worker-url.ts" && e.spec === "../worker/worker.ts?worker&url") return false;
      // Likewise for the language service's worker, started after the reader's first edit.
      if (e.file === "page/types-url.ts" && e.spec === "../types/ls-worker.ts?worker&url") return false;
      return !ALLOWED[from].includes(to);
    });
    expect(bad.map((e) => `${e.file} → ${e.spec}`)).toEqual([]);
  });

  test("outside components/cell, only the library (lib/) and the output pictures (components/display/) are imported by relative path", () => {
    const out = edges.filter((e) => e.local && e.target.startsWith("../") && !/^(\.\.\/)+lib\//.test(e.target) && !/^\.\.\/display\//.test(e.target));
    expect(out.map((e) => `${e.file} → ${e.spec}`)).toEqual([]);
  });

  test("the output pictures (components/display/) are pure: they import only each other and lib/", () => {
    const dir = fileURLToPath(new URL("../../components/display/", import.meta.url));
    const bad = readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .flatMap((f) => importsOf(readFileSync(path.join(dir, f), "utf8")).map((spec) => `${f} → ${spec}`))
      .filter((e) => !/ → \.\/[\w-]+\.(ts|css)$/.test(e) && !/ → (\.\.\/)+lib\//.test(e));
    expect(bad).toEqual([]);
  });

  test("nothing imports a test runner or a test file at run time", () => {
    const bad = edges.filter((e) => /^(vitest|playwright|@playwright|jsdom)/.test(e.spec) || /(^|\/)tests\//.test(e.target));
    expect(bad.map((e) => `${e.file} → ${e.spec}`)).toEqual([]);
  });

  test("no import cycles", () => {
    const graph = new Map<string, string[]>();
    for (const e of edges) if (e.local && !e.target.startsWith("../")) graph.set(e.file, [...(graph.get(e.file) ?? []), e.target]);
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (node: string, trail: string[]) => {
      if (state.get(node) === "done") return;
      if (state.get(node) === "open") return void cycles.push([...trail.slice(trail.indexOf(node)), node].join(" → "));
      state.set(node, "open");
      for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
      state.set(node, "done");
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });

  test("no file over 250 lines", () => {
    const long = all.filter((f) => f.source.split("\n").length > 250).map((f) => `${f.file}: ${f.source.split("\n").length}`);
    expect(long).toEqual([]);
  });
});

describe("every field of every message is used", () => {
  const protocol = readFileSync(path.join(ROOT, "protocol.ts"), "utf8");
  /** The field names of a union type declared in protocol.ts (with the interfaces it spreads in). */
  const fields = (name: string): string[] => {
    const block = protocol.slice(protocol.indexOf(`export type ${name} =`)).split(/\n(?=export |\/\*\*\n)/)[0];
    const spread = [...block.matchAll(/& (\w+)\)/g)].map((m) => protocol.slice(protocol.indexOf(`interface ${m[1]} {`)).split("\n}")[0]);
    return [...new Set([block, ...spread].join("\n").matchAll(/(?:^|[{;]\s*)(\w+)\??:/gm))].map((m) => m[1]).filter((f) => f !== "type");
  };
  const code = (dir: string) => all.filter((f) => f.file.startsWith(dir)).map((f) => f.source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")).join("\n");

  test.each([
    { message: "ToWorker", reader: "worker/" },
    { message: "FromWorker", reader: "page/" },
  ])("$message: each field is read in $reader", ({ message, reader }) => {
    const names = fields(message);
    expect(names.length).toBeGreaterThan(3);
    const source = code(reader);
    const unused = names.filter((f) => !new RegExp(`\\.${f}\\b|[{,]\\s*${f}\\b[^:]`).test(source));
    expect(unused).toEqual([]);
  });
});
