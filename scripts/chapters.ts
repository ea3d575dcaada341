/**
 * The chapters and what belongs to them, for the chapter tests and for the
 * chapter scripts (npm run test:chapter, npm run cells:update): the chapter
 * folders, optionally narrowed to one by CHAPTER=NN.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const CHAPTERS_DIR = fileURLToPath(new URL("../chapters/", import.meta.url));

export interface ChapterFile {
  id: string;
  file: string;
  source: string;
}

export function chapterFiles(only = process.env.CHAPTER): ChapterFile[] {
  const ids = readdirSync(CHAPTERS_DIR)
    .filter((d) => existsSync(path.join(CHAPTERS_DIR, d, "index.mdx")))
    .filter((d) => !only || d.startsWith(only.padStart(2, "0")))
    .sort();
  return ids.map((id) => {
    const file = path.join(CHAPTERS_DIR, id, "index.mdx");
    return { id, file, source: readFileSync(file, "utf8") };
  });
}

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** Every tagged export of lib/: its name, its file and the chapter its doc comment names. */
export function libExportTags(): { name: string; file: string; chapter: number }[] {
  const lib = path.join(ROOT, "lib");
  const files = readdirSync(lib).filter((f) => f.endsWith(".ts") && f !== "index.ts");
  // The kernels floor carries no chapter, but what index.ts re-exports from it is tagged.
  files.push(...readdirSync(path.join(lib, "kernels")).filter((f) => f.endsWith(".ts")).map((f) => `kernels/${f}`));
  const re = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export (?:async )?(?:function|class|const|let|interface|type) (\w+)/g;
  const out: { name: string; file: string; chapter: number }[] = [];
  for (const file of files) {
    for (const m of readFileSync(path.join(lib, file), "utf8").matchAll(re)) {
      const tag = /@chapter (\d+)/.exec(m[1]);
      if (tag && !out.some((e) => e.name === m[2])) out.push({ name: m[2], file, chapter: Number(tag[1]) });
    }
  }
  return out;
}

/**
 * The tests that belong to a chapter besides its cells: those of the islands
 * it imports (components/islands/<island>/ is tested by
 * tests/components/islands/<island>.test.ts and <island>-<part>.test.ts) and
 * those of the lib files whose exports it introduces (tests/lib/<file>.test.ts).
 */
export function ownTests(chapter: ChapterFile): string[] {
  const n = Number.parseInt(chapter.id, 10);
  const islandTests = readdirSync(path.join(ROOT, "tests/components/islands"));
  const folders = [...chapter.source.matchAll(/^import \w+ from "\.\.\/\.\.\/components\/islands\/([\w-]+)\/\w+\.tsx";/gm)].map((m) => m[1]);
  const islands = folders.flatMap((folder) =>
    islandTests
      .filter((f) => f === `${folder}.test.ts` || (f.startsWith(`${folder}-`) && f.endsWith(".test.ts")))
      .map((f) => `tests/components/islands/${f}`),
  );
  const libFiles = [...new Set(libExportTags().filter((e) => e.chapter === n).map((e) => `tests/lib/${e.file.replace(/\.ts$/, ".test.ts")}`))];
  return [...islands, ...libFiles].filter((f) => existsSync(path.join(ROOT, f))).sort();
}
