/**
 * Runs one chapter's cells and exercises, and the tests of what it adds —
 * its islands' logic and the lib files it introduces:
 *   npm run test:chapter -- 02
 */
import { spawnSync } from "node:child_process";
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
const result = spawnSync("npx", ["vitest", "run", "tests/chapters/", "tests/site/chapter-file.test.ts", ...own], {
  stdio: "inherit",
  env: { ...process.env, CHAPTER: only },
});
process.exit(result.status ?? 1);
