/** The book's chapters in reading order, and helpers the pages share. */
import { getCollection, type CollectionEntry } from "astro:content";
import { parseChapter } from "./cells.ts";

export type Chapter = CollectionEntry<"chapters">;

/** "02-a-single-neuron" → 2 */
export function chapterNumber(id: string): number {
  const n = Number.parseInt(id, 10);
  if (!Number.isFinite(n)) throw new Error(`chapter folder "${id}" must start with its number, e.g. 02-a-single-neuron`);
  return n;
}

export async function allChapters(): Promise<Chapter[]> {
  const chapters = await getCollection("chapters");
  return chapters.sort((a, b) => chapterNumber(a.id) - chapterNumber(b.id));
}

/** A link to a chapter, honouring the base path the site is built for. */
export function chapterHref(id: string): string {
  return `${import.meta.env.BASE_URL}${id}/`;
}

/** The chapter's code as one file a reader can download and run (src/pages/code/[file].ts). */
export function chapterCodeHref(id: string): string {
  return `${import.meta.env.BASE_URL}code/chapter-${id.slice(0, 2)}.ts`;
}

/** Totals already counted, by the chapter's source: every page's sidebar asks for every chapter's. */
const totalsBySource = new Map<string, { cells: number; exercises: number }>();

/** How many cells and exercises a chapter has (the progress shown for it counts against these). */
export function chapterTotals(chapter: Chapter): { cells: number; exercises: number } {
  const source = chapter.body ?? "";
  let totals = totalsBySource.get(source);
  if (!totals) {
    const { cells, exercises } = parseChapter(source);
    totals = { cells: cells.length, exercises: exercises.length };
    if (totalsBySource.size > 64) totalsBySource.clear(); // the dev server sees every edit's source
    totalsBySource.set(source, totals);
  }
  return { ...totals };
}
