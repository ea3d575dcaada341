/**
 * Runs one chapter's cells (and exercises) and the tests of what it adds:
 *   npm run test:chapter -- 02
 */
import { spawnSync } from "node:child_process";
import { chapterFiles } from "../tests/chapters/chapters.ts";

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
console.log(`Chapter ${chapter.id}`);
// Tests named after the chapter folder's number (tests/**/NN-*.test.ts) belong to it too.
const result = spawnSync("npx", ["vitest", "run", "tests/chapters/", `tests/**/${only.padStart(2, "0")}-*.test.ts`], {
  stdio: "inherit",
  env: { ...process.env, CHAPTER: only },
});
process.exit(result.status ?? 1);
