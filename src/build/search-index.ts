/**
 * Astro integration: after `astro build`, Pagefind indexes the chapters in
 * the output folder and writes its index and search script to `pagefind/`.
 * No server is involved: the page fetches the index's small pieces as the
 * reader types, and the service worker keeps them for offline reading.
 *
 * What is indexed is what a reader reads (ChapterLayout marks the article
 * with data-pagefind-body): the text, the formulas as they are displayed, and
 * the code of cells and exercises, so that an identifier like `matmul` is
 * found. What would pollute the results is left out: KaTeX's hidden MathML
 * copy of every formula (its TeX source included) and the cells' second,
 * hidden copy of their code (<template>), kept for the editor.
 *
 * Pagefind is handed only the pages that mark a body to index: given the whole
 * folder, it also read and parsed every other page only to drop it (/book/
 * alone is 3.3 MB of HTML, half of the site's), which doubled its time. The
 * index comes out the same, byte for byte.
 */
import { readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";

export const SEARCH_EXCLUDED = [".katex-mathml", "template", "noscript", ".cell-bar", "[data-cell-note]"];

/** The pages under `outDir` that mark a body for search (data-pagefind-body), as paths relative to it with "/". */
export function searchablePages(outDir: string): string[] {
  return (readdirSync(outDir, { recursive: true, encoding: "utf8" }) as string[])
    .filter((f) => f.endsWith(".html") && readFileSync(path.join(outDir, f), "utf8").includes("data-pagefind-body"))
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

export async function buildSearchIndex(outDir: string, log: (message: string) => void = () => {}): Promise<number> {
  const { index, errors } = await pagefind.createIndex({
    excludeSelectors: SEARCH_EXCLUDED,
    forceLanguage: "en",
    // Identifiers such as add_row or shape names like [batch, nOut] keep their punctuation.
    includeCharacters: "_",
  });
  if (!index) throw new Error(`search index: Pagefind could not start: ${errors.join("; ")}`);
  try {
    const pages = searchablePages(outDir);
    if (pages.length === 0) throw new Error(`search index: no chapter page (data-pagefind-body) found in ${outDir}`);
    // One glob naming those pages; a name with a glob's special characters could not be named so: then the whole folder.
    const glob = pages.some((p) => /[{}[\]*?,!\\]/.test(p)) ? undefined : `{${pages.join(",")}}`;
    const added = await index.addDirectory({ path: outDir, glob });
    if (added.errors.length) throw new Error(`search index: ${added.errors.join("; ")}`);
    if (added.page_count === 0) throw new Error(`search index: no chapter page found in ${outDir}`);
    const outputPath = path.join(outDir, "pagefind");
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`search index: ${written.errors.join("; ")}`);
    // The book draws its own results (src/search/); Pagefind's ready-made UIs would only be downloaded and cached for nothing.
    for (const file of readdirSync(outputPath)) if (/^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(file)) rmSync(path.join(outputPath, file));
    log(`indexed ${added.page_count} pages for search`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

export function searchIndex(): AstroIntegration {
  return {
    name: "nnfs:search-index",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        await buildSearchIndex(fileURLToPath(dir), (m) => logger.info(m));
      },
    },
  };
}
