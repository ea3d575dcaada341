/**
 * Locks the cell worker down before any reader code runs. A dedicated worker
 * has no DOM, no localStorage and no cookies API, and the page's
 * Content-Security-Policy (which the worker inherits, see controller.ts)
 * keeps it from loading code or data from elsewhere. What is left is the
 * book's own origin: its IndexedDB and Cache storage, other tabs, and its
 * files. So the worker keeps private copies of what it needs (postMessage,
 * fetch) and removes the rest, from the global and from its prototypes (where
 * `WorkerGlobalScope.prototype.fetch.call(self, …)` would still reach them).
 */

/** Globals a cell has no business with. */
export const REMOVED_GLOBALS = [
  "indexedDB",
  "caches",
  "cookieStore",
  "BroadcastChannel",
  "XMLHttpRequest",
  "WebSocket",
  "WebTransport",
  "EventSource",
  "Worker",
  "SharedWorker",
  "importScripts",
  "navigator",
  "postMessage",
  "close",
] as const;

/**
 * A fetch that reads only files under `allowedPrefix` of the book's own
 * origin (the data sets), without credentials.
 */
export function guardedFetch(realFetch: typeof fetch, origin: string, allowedPrefix: string): typeof fetch {
  return (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), origin);
    if (url.origin !== origin || !url.pathname.startsWith(allowedPrefix)) {
      return Promise.reject(new TypeError(`fetch: a cell may read only the book's data files (${allowedPrefix}…), not ${url.href}`));
    }
    return realFetch(url, { ...init, credentials: "omit", mode: "same-origin" });
  };
}

/** Removes `name` from `scope` and every prototype of it that holds it; `scope[name]` becomes `value`. */
function remove(scope: object, name: string, value: unknown = undefined): void {
  for (let o: object | null = scope; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    if (Object.prototype.hasOwnProperty.call(o, name)) {
      try {
        delete (o as Record<string, unknown>)[name];
      } catch {
        /* not configurable: shadowed below */
      }
    }
  }
  try {
    Object.defineProperty(scope, name, { value, configurable: false, writable: false });
  } catch {
    /* not there in this engine */
  }
}

/** Call after taking private copies of postMessage and the like: they are removed here. */
export function lockDown(scope: Record<string, unknown>, allowedPrefix: string): void {
  const realFetch = (scope.fetch as typeof fetch).bind(scope);
  const origin = (scope.location as Location).origin;
  for (const name of REMOVED_GLOBALS) remove(scope, name);
  remove(scope, "fetch", guardedFetch(realFetch, origin, allowedPrefix));
}
