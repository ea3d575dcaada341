// index.ts only re-exports: every runtime export of every file it lists reaches `nnfs`.
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import * as nnfs from "nnfs";

const index = readFileSync(new URL("../../lib/index.ts", import.meta.url), "utf8");
const files = [...index.matchAll(/^export \* from "\.\/([\w/-]+\.ts)";$/gm)].map((m) => m[1]);

test.each(files)("every runtime export of %s is in nnfs", async (file) => {
  const mod = await import(`../../lib/${file}`);
  for (const [name, value] of Object.entries(mod)) expect((nnfs as Record<string, unknown>)[name], name).toBe(value);
});
