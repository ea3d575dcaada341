/**
 * /code/chapter-NN.ts: each chapter's cells and exercises as one TypeScript
 * file a reader can run at home (src/code/chapter-file.ts says how it is made).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { allChapters, type Chapter } from "../../lib/chapters.ts";
import { chapterFile, chapterFileName } from "../../code/chapter-file.ts";

export const getStaticPaths = (async () => {
  const chapters = await allChapters();
  return chapters.map((chapter) => ({ params: { file: chapterFileName(chapter.id) }, props: { chapter } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ chapter: Chapter }> = ({ props }) => {
  const { chapter } = props;
  const text = chapterFile({ id: chapter.id, title: chapter.data.title, source: chapter.body ?? "" });
  return new Response(text, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
};
