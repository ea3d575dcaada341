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
  // A channel's ports outlive the cell that made them (they are not timers).
  "MessageChannel",
  // Chromium's old file-system API: persistent files, readable from any page of the book.
  "webkitRequestFileSystem",
  "webkitRequestFileSystemSync",
  "webkitResolveLocalFileSystemURL",
  "webkitResolveLocalFileSystemSyncURL",
  "webkitIndexedDB",
  "storageBuckets",
] as const;

/**
 * A fetch that reads only files under `allowedPrefix` of the book's own
 * origin (the data sets), without credentials.
 */
export function guardedFetch(realFetch: typeof fetch, origin: string, allowedPrefix: string): typeof fetch {
  return (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), origin);
    const path = plainPath(url.pathname);
    if (url.origin !== origin || path === null || !path.startsWith(allowedPrefix)) {
      return Promise.reject(new TypeError(`fetch: a cell may read only the book's data files (${allowedPrefix}…), not ${url.href}`));
    }
    return realFetch(new URL(path, origin), { ...init, credentials: "omit", mode: "same-origin" });
  };
}

/**
 * The path as a server that decodes `%2F` and `%2E` would see it, or null
 * when decoding reveals a step up (`..`), a `.` step, a backslash or a NUL:
 * `/data/..%2Fsecret` must not pass for a data file.
 */
export function plainPath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (/[\\\0]/.test(decoded) || decoded.split("/").some((step) => step === ".." || step === ".")) return null;
  return decoded === pathname ? pathname : null;
}

const NO_NAVIGATION = "navigation is not available in a cell: cells run in a worker, away from the page";

/**
 * A read-only stand-in for `location`: reading works, and assigning it, or
 * any of its parts, throws instead of doing nothing (cells run non-strict).
 */
function readOnlyLocation(real: Location): object {
  const copy: Record<string, unknown> = {};
  for (const key of ["href", "origin", "protocol", "host", "hostname", "port", "pathname", "search", "hash"]) {
    Object.defineProperty(copy, key, {
      get: () => (real as unknown as Record<string, unknown>)[key],
      set: () => {
        throw new TypeError(`location.${key}: ${NO_NAVIGATION}`);
      },
      enumerable: true,
    });
  }
  for (const method of ["assign", "replace", "reload"]) {
    copy[method] = () => {
      throw new TypeError(`location.${method}(): ${NO_NAVIGATION}`);
    };
  }
  copy.toString = () => real.href;
  return Object.freeze(copy);
}

/** Removes `name` from `scope` and every prototype of it that holds it; `scope[name]` becomes `value`. */
function remove(scope: object, name: string, value: unknown = undefined): void {
  removeAll(scope, name);
  try {
    Object.defineProperty(scope, name, { value, configurable: false, writable: false });
  } catch {
    /* not there in this engine */
  }
}

function removeAll(scope: object, name: string): void {
  for (let o: object | null = scope; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    if (Object.prototype.hasOwnProperty.call(o, name)) {
      try {
        delete (o as Record<string, unknown>)[name];
      } catch {
        /* not configurable: shadowed by the caller */
      }
    }
  }
}

/** Call after taking private copies of postMessage and the like: they are removed here. */
export function lockDown(scope: Record<string, unknown>, allowedPrefix: string): void {
  const realFetch = (scope.fetch as typeof fetch).bind(scope);
  const origin = (scope.location as Location).origin;
  const location = readOnlyLocation(scope.location as Location);
  for (const name of REMOVED_GLOBALS) remove(scope, name);
  remove(scope, "fetch", guardedFetch(realFetch, origin, allowedPrefix));
  Object.defineProperty(scope, "location", {
    get: () => location,
    set: () => {
      throw new TypeError(`location: ${NO_NAVIGATION}`);
    },
    configurable: false,
  });
}
