/**
 * Astro integration: after the build (and after the search index, which it
 * must include), workbox-build writes `sw.js`, a service worker that
 * precaches every file the book needs — the pages, scripts and styles, the
 * KaTeX fonts, the digit data, the editor and transpiler chunks, the search
 * index, the downloadable chapter files — so that after one visit the whole
 * book works offline. Each build's files are listed with their hashes: a new
 * build installs beside the old one and waits until the reader reloads
 * (src/offline/register.ts shows "a new version is available"); outdated
 * caches are removed.
 *
 * All of MNIST (`data/mnist-full.bin.gz`, 11 MB) is the exception: most
 * readers never ask for it, so it is not precached. The first time a reader
 * trains on it, the worker answers the download from the network and keeps a
 * copy (cache first, `FULL_DATA_CACHE`), which later visits, online or off,
 * get without downloading again.
 */
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { generateSW } from "workbox-build";

/** The cache that keeps all of MNIST once a reader has downloaded it. */
export const FULL_DATA_CACHE = "nnfs-mnist-full";

export async function buildServiceWorker(outDir: string, base: string, log: (m: string) => void = () => {}): Promise<{ count: number; size: number }> {
  const prefix = base.endsWith("/") ? base : `${base}/`;
  const { count, size, warnings } = await generateSW({
    globDirectory: outDir,
    globPatterns: ["**/*"],
    // The PDF, if someone put one in dist/, is not part of the site. KaTeX's
    // fonts come as woff2, woff and ttf; every browser with service workers
    // takes the woff2, so the other two (0.9 MB) are not downloaded for nothing.
    // The social cards are for link previews, not for reading.
    globIgnores: ["sw.js", "**/*.pdf", "**/*.map", "**/KaTeX_*.woff", "**/KaTeX_*.ttf", "cards/**", "data/mnist-full.*"],
    swDest: `${outDir.replace(/\/$/, "")}/sw.js`,
    modifyURLPrefix: { "": prefix },
    // The digit data is 7.9 MB; everything else is far smaller.
    maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
    // Page URLs end in "/": serve their index.html from the cache.
    directoryIndex: "index.html",
    ignoreURLParametersMatching: [/.*/],
    // All of MNIST: downloaded only when asked for, then kept (see above).
    runtimeCaching: [
      {
        urlPattern: /\/data\/mnist-full\.bin\.gz$/,
        handler: "CacheFirst",
        options: { cacheName: FULL_DATA_CACHE, cacheableResponse: { statuses: [200] } },
      },
    ],
    navigateFallback: `${prefix}404.html`,
    navigateFallbackDenylist: [/\/pagefind\//, /\/code\//],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    // A new version waits for the reader's "Reload" (a SKIP_WAITING message) instead of changing the page under them.
    skipWaiting: false,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: "production",
  });
  if (warnings.length) log(`service worker: ${warnings.join("; ")}`);
  log(`service worker precaches ${count} files (${(size / 1e6).toFixed(1)} MB)`);
  return { count, size };
}

export function serviceWorker(): AstroIntegration {
  let base = "/";
  return {
    name: "nnfs:service-worker",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base;
      },
      "astro:build:done": async ({ dir, logger }) => {
        await buildServiceWorker(fileURLToPath(dir), base, (m) => logger.info(m));
      },
    },
  };
}
