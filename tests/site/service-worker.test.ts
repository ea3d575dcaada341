/**
 * The service worker precaches the book but not all of MNIST, which it keeps
 * only once a reader has downloaded it (cache first, in its own cache).
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { FULL_DATA_CACHE, buildServiceWorker } from "../../src/build/service-worker.ts";

const dir = mkdtempSync(path.join(tmpdir(), "nnfs-sw-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("all of MNIST is left out of the precache and cached when first fetched", async () => {
  mkdirSync(path.join(dir, "data"));
  writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>book</title>");
  writeFileSync(path.join(dir, "404.html"), "<!doctype html><title>404</title>");
  writeFileSync(path.join(dir, "data", "mnist.bin"), new Uint8Array(1000));
  writeFileSync(path.join(dir, "data", "mnist-full.bin.gz"), new Uint8Array(2000));
  const { count } = await buildServiceWorker(dir, "/nnfs/");
  const sw = readFileSync(path.join(dir, "sw.js"), "utf8");
  const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]);
  expect(precached).toContain("/nnfs/data/mnist.bin");
  expect(precached).not.toContain("/nnfs/data/mnist-full.bin.gz");
  expect(count).toBe(precached.length);
  // The runtime route: the file's pattern, answered from its own cache when it is there.
  expect(sw).toContain(String.raw`/\/data\/mnist-full\.bin\.gz$/`);
  // (the minifier may quote the name with " or `)
  expect(sw).toMatch(new RegExp(`cacheName:(["\`])${FULL_DATA_CACHE}\\1`));
}, 60_000);
