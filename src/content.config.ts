import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

// A chapter is a folder chapters/NN-slug/ holding index.mdx; its id is the folder name.
const chapters = defineCollection({
  loader: glob({
    pattern: "*/index.mdx",
    base: "./chapters",
    generateId: ({ entry }) => entry.split("/")[0],
  }),
  schema: z.object({
    title: z.string(),
    summary: z.string(),
  }),
});

export const collections = { chapters };
