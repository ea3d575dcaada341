/**
 * The islands' layout, enforced: components/islands/<island>/ holds one
 * island (its views, tested logic, CSS and worker), and
 * components/islands/shared/ the pieces several islands use. No island
 * imports another island; shared code imports no island; the top of
 * components/ holds folders only.
 */
import { describe, expect, test } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const COMPONENTS = fileURLToPath(new URL("../../components/", import.meta.url));
const ISLANDS = path.join(COMPONENTS, "islands");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const full = path.join(dir, f);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|tsx|css)$/.test(f) ? [full] : [];
  });
}

/** The files a file imports by relative path, resolved (queries such as ?worker&url dropped). */
function relativeImports(file: string): string[] {
  const src = readFileSync(file, "utf8");
  const specs = [...src.matchAll(/(?:from\s+|import\s+|import\(\s*)["'](\.\.?\/[^"']+)["']/g)].map((m) => m[1].split("?")[0]);
  return specs.map((s) => path.resolve(path.dirname(file), s));
}

/** The island folder a path lies in ("shared" for the shared pieces), or null outside components/islands. */
function folderOf(p: string): string | null {
  const rel = path.relative(ISLANDS, p);
  return rel.startsWith("..") ? null : rel.split(path.sep)[0];
}

const all = files(ISLANDS);

describe("components/islands", () => {
  test("the top of components/ holds folders only, and islands/ one folder per island plus shared/", () => {
    const loose = readdirSync(COMPONENTS).filter((f) => !statSync(path.join(COMPONENTS, f)).isDirectory());
    expect(loose).toEqual([]);
    const folders = readdirSync(ISLANDS);
    expect(folders).toContain("shared");
    expect(folders.length).toBeGreaterThan(5);
    for (const f of folders) expect(statSync(path.join(ISLANDS, f)).isDirectory(), f).toBe(true);
  });

  test("every island folder has its view (a .tsx whose name matches the folder)", () => {
    const pascal = (kebab: string) => kebab.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
    for (const f of readdirSync(ISLANDS).filter((f) => f !== "shared")) {
      expect(readdirSync(path.join(ISLANDS, f)), f).toContain(`${pascal(f)}.tsx`);
    }
  });

  test("no island imports another island", () => {
    const bad: string[] = [];
    for (const file of all) {
      const from = folderOf(file)!;
      if (from === "shared") continue;
      for (const target of relativeImports(file)) {
        const to = folderOf(target);
        if (to !== null && to !== from && to !== "shared") bad.push(`${path.relative(COMPONENTS, file)} → ${path.relative(COMPONENTS, target)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  test("shared code imports no island", () => {
    const bad: string[] = [];
    for (const file of all.filter((f) => folderOf(f) === "shared")) {
      for (const target of relativeImports(file)) {
        const to = folderOf(target);
        if (to !== null && to !== "shared") bad.push(`${path.relative(COMPONENTS, file)} → ${path.relative(COMPONENTS, target)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  test("islands import nothing outside components/islands but the cell protocol and bridge (the reader's code), the display pictures and lib/", () => {
    const allowed = [path.join(COMPONENTS, "cell/protocol.ts"), path.join(COMPONENTS, "cell/page/bridge.ts"), path.join(COMPONENTS, "display") + path.sep];
    const bad: string[] = [];
    for (const file of all) {
      for (const target of relativeImports(file)) {
        if (folderOf(target) !== null) continue;
        if (allowed.some((a) => target === a || target.startsWith(a))) continue;
        bad.push(`${path.relative(COMPONENTS, file)} → ${path.relative(COMPONENTS, target)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  test("the rule can fail: an import from one island into another is caught", () => {
    const neuron = path.join(ISLANDS, "neuron", "Neuron.tsx");
    const target = path.resolve(path.dirname(neuron), "../trainer/format.ts");
    expect(folderOf(target)).toBe("trainer");
    expect(folderOf(neuron)).toBe("neuron");
  });
});
