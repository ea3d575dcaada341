/**
 * Astro integration: after the build (and after the search index, which it
 * must include), writes `sw.js`, a service worker that precaches every file
 * the book needs — the pages, scripts and styles, the KaTeX fonts, the digit
 * data, the editor and transpiler chunks, the search index, the downloadable
 * chapter files — so that after one visit the whole book works offline. Each
 * build's files are listed with their hashes: a new build installs beside the
 * old one and waits until the reader reloads (src/offline/register.ts shows
 * "a new version is available"); outdated caches are removed.
 *
 * All of MNIST (`data/mnist-full.bin.gz`, 11 MB) is the exception: most
 * readers never ask for it, so it is not precached. The first time a reader
 * trains on it, the worker answers the download from the network and keeps a
 * copy (cache first, `FULL_DATA_CACHE`), which later visits, online or off,
 * get without downloading again.
 *
 * The worker's code (sw-entry.ts, on Workbox's modules) is bundled and
 * minified by Rolldown as soon as the build starts, beside the pages' bundles;
 * only the list of files, which needs the finished build, waits for its end
 * (workbox-build's getManifest: the files and their hashes). Workbox's own
 * generateSW did both at the end, loading Rollup, Babel and Terser for it.
 */
import { fileURLToPath } from "node:url";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { AstroIntegration } from "astro";
import { rolldown } from "rolldown";
import { getManifest } from "workbox-build/build/get-manifest.js";

/** The cache that keeps all of MNIST once a reader has downloaded it. */
export const FULL_DATA_CACHE = "nnfs-mnist-full";

const ENTRY = fileURLToPath(new URL("./sw-entry.ts", import.meta.url));
/** Where the bundled code reads its list of files (sw-entry.ts). */
const MANIFEST_SLOT = /\b[\w$]+\.__WB_MANIFEST\b/g;

const withSlash = (base: string) => (base.endsWith("/") ? base : `${base}/`);

/** The service worker's code for a site under `base`, minified, with the slot for its list of files. */
export async function bundleServiceWorker(base: string): Promise<string> {
  const bundle = await rolldown({
    input: ENTRY,
    logLevel: "silent",
    transform: {
      define: {
        // Workbox's modules log and check their arguments only outside production.
        "process.env.NODE_ENV": JSON.stringify("production"),
        NNFS_BASE: JSON.stringify(withSlash(base)),
        NNFS_FULL_DATA_CACHE: JSON.stringify(FULL_DATA_CACHE),
      },
    },
  });
  try {
    const { output } = await bundle.generate({ format: "iife", minify: true });
    const code = output[0].code;
    const slots = code.match(MANIFEST_SLOT)?.length ?? 0;
    if (slots !== 1) throw new Error(`service worker: expected one place for the list of files (__WB_MANIFEST) in the bundled code, found ${slots}`);
    return code;
  } finally {
    await bundle.close();
  }
}

export async function buildServiceWorker(
  outDir: string,
  base: string,
  log: (m: string) => void = () => {},
  code: Promise<string> = bundleServiceWorker(base),
): Promise<{ count: number; size: number }> {
  const prefix = withSlash(base);
  const { count, size, warnings, manifestEntries } = await getManifest({
    globDirectory: outDir,
    globPatterns: ["**/*"],
    // The PDF, if someone put one in dist/, is not part of the site. KaTeX's
    // fonts come as woff2, woff and ttf; every browser with service workers
    // takes the woff2, so the other two (0.9 MB) are not downloaded for nothing.
    // The social cards are for link previews, not for reading.
    globIgnores: ["sw.js", "**/*.pdf", "**/*.map", "**/KaTeX_*.woff", "**/KaTeX_*.ttf", "cards/**", "data/mnist-full.*"],
    modifyURLPrefix: { "": prefix },
    // The digit data is 7.9 MB; everything else is far smaller.
    maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
  });
  // The list as the minified code writes object literals: {url:"…",revision:"…"}.
  const list = `[${(manifestEntries ?? []).map((e) => `{url:${JSON.stringify(e.url)},revision:${JSON.stringify(e.revision)}}`).join(",")}]`;
  const sw = (await code).replace(MANIFEST_SLOT, () => list);
  writeFileSync(path.join(outDir, "sw.js"), sw);
  if (warnings.length) log(`service worker: ${warnings.join("; ")}`);
  log(`service worker precaches ${count} files (${(size / 1e6).toFixed(1)} MB)`);
  return { count, size };
}

export function serviceWorker(): AstroIntegration {
  let base = "/";
  let code: Promise<string> | null = null;
  return {
    name: "nnfs:service-worker",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base;
      },
      "astro:build:start": () => {
        code = bundleServiceWorker(base);
        // Awaited at the end of the build, where a failure is reported.
        code.catch(() => undefined);
      },
      "astro:build:done": async ({ dir, logger }) => {
        await buildServiceWorker(fileURLToPath(dir), base, (m) => logger.info(m), code ?? bundleServiceWorker(base));
      },
    },
  };
}
