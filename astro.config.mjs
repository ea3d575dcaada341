// @ts-check
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import preact from "@astrojs/preact";
import { unified } from "@astrojs/markdown-remark";
import remarkMath from "remark-math";
import rehypeKatex from "rehype-katex";
import { remarkCells } from "./src/plugins/remark-cells.ts";

// Astro 7's default Markdown processor ignores remark/rehype plugins, so the
// unified processor is named explicitly: without it, KaTeX never runs.
const processor = unified({
  remarkPlugins: [remarkMath, remarkCells],
  rehypePlugins: [rehypeKatex],
});

// BASE_PATH lets the book be hosted under a sub-path, e.g. BASE_PATH=/nnfs/.
const base = process.env.BASE_PATH ?? "/";

export default defineConfig({
  base,
  // OUT_DIR lets the browser tests build a second copy (under a sub-path) beside dist/.
  outDir: process.env.OUT_DIR ?? "./dist",
  trailingSlash: "always",
  integrations: [preact(), mdx()],
  markdown: {
    processor,
    shikiConfig: {
      themes: { light: "github-light", dark: "github-dark" },
    },
  },
  vite: {
    resolve: {
      alias: { nnfs: fileURLToPath(new URL("./lib/index.ts", import.meta.url)) },
    },
  },
});
