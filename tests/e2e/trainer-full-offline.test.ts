/**
 * All of MNIST for offline reading: the service worker does not precache it,
 * keeps it in its own cache the first time a reader trains on it, and with
 * the network gone a later visit trains on it from there.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Server } from "node:http";
import type { Locator, Page } from "playwright-core";
import { serve } from "../../scripts/serve.ts";
import { launch, type Launched } from "./chromium.ts";
import { openPage } from "./pages.ts";
import { E2E_BASE, ROOT } from "./build.ts";

let chrome: Launched;
let server: Server;
let url: string;

beforeAll(async () => {
  ({ server, url } = await serve({ root: `${ROOT}dist`, port: 0, base: E2E_BASE }));
  chrome = await launch({ serviceWorkers: "allow" });
});
afterAll(async () => {
  await chrome?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function shortFullRun(page: Page): Promise<Locator> {
  const t = page.locator("[data-trainer]").first();
  await t.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !document.querySelector("[data-trainer]")?.closest("astro-island")?.hasAttribute("ssr"));
  await t.getByLabel("Digits").selectOption("full");
  await t.getByLabel("Epochs").selectOption("1");
  await t.getByLabel("Hidden neurons").selectOption("16");
  await t.getByLabel("Batch size").selectOption("256");
  await t.getByRole("button", { name: "Train", exact: true }).click();
  await page.locator("[data-trainer][data-state=done][data-test-accuracy]").waitFor({ timeout: 240_000 });
  return t;
}

const cachedFull = (page: Page) =>
  page.evaluate(async () => {
    const names = await caches.keys();
    const all: string[] = [];
    for (const name of names) for (const r of await (await caches.open(name)).keys()) all.push(`${name} ${new URL(r.url).pathname}`);
    return all.filter((e) => e.includes("mnist-full"));
  });

test("not precached; cached when first trained on; trains offline from the cache", async () => {
  const { page, problems } = await openPage(chrome.browser, `${url}10-training-on-digits/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
  expect(await cachedFull(page)).toEqual([]);

  const first = Number(await (await shortFullRun(page)).getAttribute("data-test-accuracy"));
  await expect.poll(() => cachedFull(page), { timeout: 30_000 }).toEqual(["nnfs-mnist-full /nnfs/data/mnist-full.bin.gz"]);

  await chrome.browser.setOffline(true);
  try {
    await page.reload({ waitUntil: "load" });
    const again = Number(await (await shortFullRun(page)).getAttribute("data-test-accuracy"));
    expect(again).toBe(first); // the same digits and seed: the same network
  } finally {
    await chrome.browser.setOffline(false);
  }
  expect(problems).toEqual([]);
  await page.close();
}, 600_000);
