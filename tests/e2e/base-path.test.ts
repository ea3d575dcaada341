/**
 * The book built for a host under a sub-path (BASE_PATH=/nnfs/): every link,
 * stylesheet, script, font and data file must stay under that path.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, openPage } from "./pages.ts";
import { E2E_BASE, ROOT } from "./build.ts";

// The browser tests' own build (tests/e2e/setup.ts) is the one under a sub-path.
const outDir = path.join(ROOT, "dist");
let url: string;
let chrome: Launched;

beforeAll(async () => {
  url = baseUrl();
  chrome = await launch();
});

afterAll(async () => {
  await chrome?.close();
});

test("under /nnfs/, the home page and every chapter load everything they need from /nnfs/", async () => {
  expect(E2E_BASE).toBe("/nnfs/");
  expect(url).toMatch(/\/nnfs\/$/);
  const { page, problems } = await openPage(chrome.browser, url);
  const chapters = await page.$$eval(".contents a", (as) => as.map((a) => (a as HTMLAnchorElement).href));
  expect(chapters.length).toBeGreaterThan(0);
  expect(problems).toEqual([]);
  // Four pages at a time: each waits half a second of network quiet after loading.
  const visit = async (href: string) => {
    expect(href.startsWith(url), href).toBe(true);
    const requested: string[] = [];
    const visited = await openPage(chrome.browser, href, { requests: requested });
    expect(requested[0], href).toBe(href); // the page itself, then everything it loads
    expect(visited.problems, href).toEqual([]);
    const outside = requested.filter((r) => r.startsWith("http://127.0.0.1") && !new URL(r).pathname.startsWith("/nnfs/"));
    expect(outside, `${href} requested files outside /nnfs/`).toEqual([]);
    const links = await visited.page.$$eval("a[href]", (as) => as.map((a) => a.getAttribute("href")!).filter((h) => h.startsWith("/")));
    expect(links.filter((h) => !h.startsWith("/nnfs/")), `${href} links outside /nnfs/`).toEqual([]);
    await visited.page.close();
  };
  const queue = [...chapters];
  await Promise.all(Array.from({ length: 4 }, async () => {
    for (let href = queue.shift(); href; href = queue.shift()) await visit(href);
  }));
  // The service worker precaches the book under /nnfs/ only.
  const sw = readFileSync(path.join(outDir, "sw.js"), "utf8");
  const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]);
  expect(precached.length).toBeGreaterThan(50);
  expect(precached.filter((u) => !u.startsWith("/nnfs/"))).toEqual([]);
  expect(precached).toContain("/nnfs/02-a-single-neuron/index.html");
  // Search loads its index from /nnfs/pagefind/ and its results link under /nnfs/.
  await page.fill("input[type=search]", "sigmoid");
  await page.locator(".search-hit").first().waitFor();
  const found = await page.$$eval(".search-hit a", (as) => as.map((a) => a.getAttribute("href")!));
  expect(found.length).toBeGreaterThan(0);
  expect(found.filter((h) => !h.startsWith("/nnfs/"))).toEqual([]);
  expect(problems).toEqual([]);
  await page.close();
});
