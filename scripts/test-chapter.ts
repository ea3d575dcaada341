/**
 * Runs one chapter's cells and exercises, and the tests of what it adds —
 * its islands' logic and the lib files it introduces:
 *   npm run test:chapter -- 02
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { chapterFiles, ownTests } from "./chapters.ts";

const only = process.argv[2];
if (!only || !/^\d{1,2}$/.test(only)) {
  console.error("usage: npm run test:chapter -- NN   (NN: the chapter's number, e.g. 02)");
  process.exit(2);
}
const [chapter] = chapterFiles(only);
if (!chapter) {
  console.error(`no chapter folder starts with ${only.padStart(2, "0")} in chapters/`);
  process.exit(2);
}
const own = ownTests(chapter);
console.log(`Chapter ${chapter.id}: its cells and exercises, and ${own.length ? own.join(", ") : "no tests of its own"}`);
// The chapter's downloadable code file runs too (tests/site/chapter-file.test.ts narrows to CHAPTER).
// Vitest's own entry script with this same Node: no shell and no .cmd shim, so Windows runs it too.
const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");
const result = spawnSync(process.execPath, [vitest, "run", "tests/chapters/", "tests/site/chapter-file.test.ts", ...own], {
  stdio: "inherit",
  env: { ...process.env, CHAPTER: only },
});
process.exit(result.status ?? 1);
