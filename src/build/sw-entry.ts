/**
 * The service worker's own code (src/build/service-worker.ts bundles it and
 * writes it to `sw.js`, the list of files to precache put in the place of
 * `self.__WB_MANIFEST`). It does what Workbox's generated worker does for the
 * options the book used: precache every file of the build, answer a page's
 * URL (ending in "/") with its index.html, ignore query strings, fall back to
 * 404.html for pages that do not exist (not for search pieces or chapter
 * code), drop the caches of older builds, keep all of MNIST in its own cache
 * once downloaded, and wait for the reader's "Reload" (a SKIP_WAITING message)
 * before a new build takes over.
 */
import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import type { PrecacheEntry } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { CacheFirst } from "workbox-strategies";
import { CacheableResponsePlugin } from "workbox-cacheable-response";

/** Put in by the bundler (service-worker.ts): the site's base path, ending in "/". */
declare const NNFS_BASE: string;
/** Put in by the bundler: the cache that keeps all of MNIST (FULL_DATA_CACHE). */
declare const NNFS_FULL_DATA_CACHE: string;

const worker = self as unknown as {
  __WB_MANIFEST: PrecacheEntry[];
  skipWaiting(): Promise<void>;
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
};

worker.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") worker.skipWaiting();
});
clientsClaim();

precacheAndRoute(worker.__WB_MANIFEST, { directoryIndex: "index.html", ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL(`${NNFS_BASE}404.html`), { denylist: [/\/pagefind\//, /\/code\//] }));

registerRoute(
  /\/data\/mnist-full\.bin\.gz$/,
  new CacheFirst({ cacheName: NNFS_FULL_DATA_CACHE, plugins: [new CacheableResponsePlugin({ statuses: [200] })] }),
  "GET",
);
