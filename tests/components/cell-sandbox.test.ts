import { describe, expect, test } from "vitest";
import { guardedFetch, lockDown, REMOVED_GLOBALS } from "../../components/cell/worker/sandbox.ts";

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

  test.each(["https://elsewhere.example/nnfs/data/x", "/nnfs/index.html", "/nnfs/data/../secret"])("refuses %s", async (url) => {
    await expect(guarded(url)).rejects.toThrow(/a cell may read only the book's data files \(\/nnfs\/data\/…\)/);
  });
});

test("lockDown removes what a cell has no business with, from the global and its prototypes", () => {
  const proto: Record<string, unknown> = { indexedDB: {}, fetch: async () => new Response("x"), postMessage() {} };
  const scope = Object.create(proto) as Record<string, unknown>;
  Object.assign(scope, { location: { origin: "https://book.example" }, caches: {}, Worker: class {} });
  lockDown(scope, "/data/");
  for (const name of ["indexedDB", "caches", "Worker", "postMessage"]) expect(scope[name], name).toBeUndefined();
  expect(proto.indexedDB).toBeUndefined();
  expect(proto.fetch).toBeUndefined();
  expect(typeof scope.fetch).toBe("function");
  expect(REMOVED_GLOBALS).toContain("navigator");
});
