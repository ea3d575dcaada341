/** The chapter folders, optionally narrowed to one by CHAPTER=NN (see npm run test:chapter). */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const CHAPTERS_DIR = fileURLToPath(new URL("../../chapters/", import.meta.url));

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
