import { describe, expect, test } from "vitest";
import { guardedFetch, lockDown, plainPath, REMOVED_GLOBALS } from "../../components/cell/worker/sandbox.ts";

describe("guardedFetch", () => {
  const calls: [string, RequestInit | undefined][] = [];
  const real = (async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push([String(url), init]);
    return new Response("ok");
  }) as typeof fetch;
  const guarded = guardedFetch(real, "https://book.example", "/nnfs/data/");

  test.each(["/nnfs/data/mnist.bin", "https://book.example/nnfs/data/x.bin"])("reads the book's data: %s", async (url) => {
    await expect(guarded(url)).resolves.toBeInstanceOf(Response);
    const [sent, init] = calls[calls.length - 1];
    expect(sent).toMatch(/^https:\/\/book\.example\/nnfs\/data\//);
    expect(init).toMatchObject({ credentials: "omit", mode: "same-origin" });
  });

  test.each([
    "https://elsewhere.example/nnfs/data/x",
    "/nnfs/index.html",
    "/nnfs/data/../secret",
    "/nnfs/data/..%2F..%2Findex.html",
    "/nnfs/data/%2e%2e/index.html",
    "/nnfs/data/..%5Csecret",
    "/nnfs/data%2F..%2Fsecret",
    "/nnfs/data/%zz",
  ])("refuses %s", async (url) => {
    const before = calls.length;
    await expect(guarded(url)).rejects.toThrow(/a cell may read only the book's data files \(\/nnfs\/data\/…\)/);
    expect(calls.length).toBe(before);
  });
});

test.each([
  { path: "/data/mnist.bin", plain: "/data/mnist.bin" },
  { path: "/data/..%2F", plain: null },
  { path: "/data/%2E%2E/x", plain: null },
  { path: "/data/a%2Fb", plain: null },
  { path: "/data/%E0%A4%A", plain: null },
])("plainPath($path) is $plain", ({ path, plain }) => expect(plainPath(path)).toBe(plain));

test("lockDown removes what a cell has no business with, from the global and its prototypes", () => {
  const proto: Record<string, unknown> = { indexedDB: {}, fetch: async () => new Response("x"), postMessage() {} };
  const scope = Object.create(proto) as Record<string, unknown>;
  Object.assign(scope, { location: { origin: "https://book.example" }, caches: {}, Worker: class {} });
  lockDown(scope, "/data/");
  for (const name of ["indexedDB", "caches", "Worker", "postMessage"]) expect(scope[name], name).toBeUndefined();
  expect(proto.indexedDB).toBeUndefined();
  expect(proto.fetch).toBeUndefined();
  expect(typeof scope.fetch).toBe("function");
});

test("lockDown removes the old file-system API and MessageChannel, which outlive a cell", () => {
  const names = ["webkitRequestFileSystem", "webkitRequestFileSystemSync", "webkitResolveLocalFileSystemURL", "MessageChannel", "navigator"];
  const scope = Object.fromEntries(names.map((n) => [n, () => {}])) as Record<string, unknown>;
  scope.location = { origin: "https://book.example", href: "https://book.example/" };
  scope.fetch = async () => new Response("x");
  lockDown(scope, "/data/");
  for (const name of names) expect(scope[name], name).toBeUndefined();
});

test("location reads, and refuses every assignment with a message instead of doing nothing", () => {
  const scope: Record<string, unknown> = { location: { origin: "https://book.example", href: "https://book.example/02/", pathname: "/02/" }, fetch: async () => new Response("x") };
  lockDown(scope, "/data/");
  const location = scope.location as Record<string, unknown> & { reload(): void };
  expect(location.pathname).toBe("/02/");
  expect(() => (scope.location = "/x")).toThrow(/^location: navigation is not available in a cell/);
  expect(() => (location.href = "/x")).toThrow(/^location\.href: navigation is not available in a cell/);
  expect(() => location.reload()).toThrow(/^location\.reload\(\): navigation is not available/);
  expect(location.href).toBe("https://book.example/02/");
});
