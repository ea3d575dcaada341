/**
 * Locks the cell worker down before any reader code runs. A dedicated worker
 * already has no DOM, no localStorage and no cookies API, but it could still
 * open IndexedDB or the Cache API of the book's origin, talk to other tabs or
 * reach the network, and the page's Content-Security-Policy does not cover
 * it (a worker loaded from a URL gets the policy of its own response). So the
 * worker keeps private copies of what it needs and removes the rest.
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

export function lockDown(scope: Record<string, unknown>, allowedPrefix: string): void {
  const realFetch = (scope.fetch as typeof fetch).bind(scope);
  const origin = (scope.location as Location).origin;
  for (const name of REMOVED_GLOBALS) {
    try {
      Object.defineProperty(scope, name, { value: undefined, configurable: false, writable: false });
    } catch {
      /* not there in this engine */
    }
  }
  Object.defineProperty(scope, "fetch", { value: guardedFetch(realFetch, origin, allowedPrefix), configurable: false, writable: false });
}
