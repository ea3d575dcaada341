/**
 * Offline: after one visit the service worker holds the whole book, so with
 * the network gone a chapter never visited still loads, a cell runs and
 * search finds its chapter. Then a new build: the reader is offered a reload,
 * the page does not change until they take it, and the cache then holds the
 * new build only. The book is served from a copy of dist/, so that the "new
 * build" can be written without touching what other tests serve.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Server } from "node:http";
import type { Page } from "playwright-core";
import { serve } from "../../scripts/serve.ts";
import { launch, type Launched } from "./chromium.ts";
import { openPage } from "./pages.ts";
import { E2E_BASE, ROOT } from "./build.ts";

let chrome: Launched;
let dir: string;
let server: Server;
let url: string;
let page: Page;
let problems: string[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "nnfs-offline-"));
  cpSync(path.join(ROOT, "dist"), dir, { recursive: true });
  ({ server, url } = await serve({ root: dir, port: 0, base: E2E_BASE }));
  chrome = await launch({ serviceWorkers: "allow" });
});
afterAll(async () => {
  await chrome?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

test("visit once, go offline: another chapter loads, a cell runs, search works", async () => {
  ({ page, problems } = await openPage(chrome.browser, `${url}02-a-single-neuron/`));
  // The page registers the worker once it has loaded; a build made with NODE_ENV
  // other than "production" leaves the registration out, and this says so at once.
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined), {
      message: "the page registered no service worker",
      timeout: 10_000,
    })
    .toBe(true);
  // The worker takes control once everything is precached.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });

  await chrome.browser.setOffline(true);
  try {
    await page.goto(`${url}03-layers-and-batches/`, { waitUntil: "load" });
    expect(await page.locator("h1").first().textContent()).toBe("Layers and batches");
    // The page's styles and fonts came from the cache too.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/Iowan|Palatino|Georgia|serif/);
    await page.locator(".katex").first().scrollIntoViewIfNeeded();
    // A font loads after the page's load event when the machine is busy: wait until the page's fonts are settled (loaded or failed).
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    expect(await page.evaluate(() => document.fonts.check("16px KaTeX_Main"))).toBe(true);

    const cell = page.locator("[data-cell]").first();
    await cell.scrollIntoViewIfNeeded();
    await cell.getByRole("button", { name: "Run" }).click();
    await page.waitForFunction(() => /^(ok|error)$/.test(document.querySelector("[data-cell]")?.getAttribute("data-state") ?? ""), null, { timeout: 30_000 });
    expect(await cell.getAttribute("data-state")).toBe("ok");
    expect(await cell.locator("[data-cell-output]").textContent()).toContain("4.8");

    await page.reload({ waitUntil: "load" });
    await page.keyboard.press("/");
    await page.keyboard.type("sigmoid");
    // Typing on a busy machine can pause past the search's debounce: the hits of "sig" or "sigmo" show first.
    await page.locator("[data-search-status]").filter({ hasText: "“sigmoid”" }).waitFor({ timeout: 30_000 });
    await page.locator(".search-hit").first().waitFor({ timeout: 30_000 });
    expect(await page.locator(".search-chapter").first().textContent()).toBe("4. Activation: the sigmoid");
    // Nothing the pages asked for was missing offline.
    expect(problems).toEqual([]);
  } finally {
    await chrome.browser.setOffline(false);
  }
});

test("a new build: 'a new version is available', the page changes on Reload only, and the cache holds the new build alone", async () => {
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null), "the first test left a page the worker controls").toBe(true);
  // The new build changes chapter 2; its sw.js lists the page with a new revision.
  const chapter = path.join(dir, "02-a-single-neuron", "index.html");
  writeFileSync(chapter, readFileSync(chapter, "utf8").replace('<html lang="en"', '<html lang="en" data-build="2"'));
  const swFile = path.join(dir, "sw.js");
  const sw = readFileSync(swFile, "utf8");
  const entry = new RegExp(`\\{url:"${E2E_BASE}02-a-single-neuron/index\\.html",revision:"([0-9a-f]+)"\\}`).exec(sw);
  expect(entry, "sw.js lists chapter 2 with a revision").not.toBeNull();
  writeFileSync(swFile, sw.replace(entry![0], entry![0].replace(entry![1], "build2")));

  // Opening the chapter still shows the old build (from the cache), and the page finds the new one waiting.
  await page.goto(`${url}02-a-single-neuron/`, { waitUntil: "load" });
  const banner = page.locator(".update-banner");
  await banner.waitFor({ timeout: 30_000 });
  expect(await banner.textContent()).toContain("A new version of the book is available.");
  expect(await page.locator("html").getAttribute("data-build")).toBeNull();

  await banner.getByRole("button", { name: "Reload" }).click();
  await expect.poll(() => page.locator("html").getAttribute("data-build").catch(() => null), { timeout: 20_000 }).toBe("2");
  await page.waitForLoadState("load");
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const urls = (await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)))).flat();
    return { names, chapter: urls.filter((u) => u.includes("/02-a-single-neuron/")) };
  });
  expect(cached.names).toHaveLength(1);
  expect(cached.chapter.map((u) => new URL(u).search)).toEqual(["?__WB_REVISION__=build2"]);
  expect(await page.locator(".update-banner").count()).toBe(0);
  await page.close();
});
