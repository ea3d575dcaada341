// The repository's layers import only downwards: scripts/ (the tools) may be
// used by tests, never the other way round, so scripts import nothing from tests/.
import { readFileSync, readdirSync } from "node:fs";
import { expect, test } from "vitest";

const dir = new URL("../../scripts/", import.meta.url);
const scripts = readdirSync(dir).filter((f) => /\.(ts|mjs|js)$/.test(f));

test.each(scripts)("scripts/%s imports nothing from tests/", (file) => {
  const text = readFileSync(new URL(file, dir), "utf8");
  const imports = [...text.matchAll(/(?:from|import\()\s*["']([^"']+)["']/g)].map((m) => m[1]);
  expect(imports.filter((p) => /(^|\/)tests\//.test(p))).toEqual([]);
});
