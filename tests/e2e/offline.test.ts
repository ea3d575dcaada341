/**
 * Offline: after one visit the service worker holds the whole book, so with
 * the network gone a chapter never visited still loads, a cell runs and
 * search finds its chapter.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, openPage } from "./pages.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch({ serviceWorkers: "allow" });
});
afterAll(async () => chrome?.close());

test("visit once, go offline: another chapter loads, a cell runs, search works", async () => {
  const { page } = await openPage(chrome.browser, `${baseUrl()}02-a-single-neuron/`);
  // The worker is active once everything is precached.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.state;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });

  await chrome.browser.setOffline(true);
  try {
    await page.goto(`${baseUrl()}03-layers-and-batches/`, { waitUntil: "load" });
    expect(await page.locator("h1").first().textContent()).toBe("Layers and batches");
    // KaTeX's fonts and the page's styles came from the cache too.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/Iowan|Palatino|Georgia|serif/);

    const cell = page.locator("[data-cell]").first();
    await cell.scrollIntoViewIfNeeded();
    await cell.getByRole("button", { name: "Run" }).click();
    await cell.locator("[data-state=ok]").or(page.locator("[data-cell][data-state=ok]").first()).first().waitFor({ timeout: 30_000 });
    expect(await cell.locator("[data-cell-output]").textContent()).toContain("4.8");

    await page.reload({ waitUntil: "load" });
    await page.keyboard.press("/");
    await page.keyboard.type("sigmoid");
    await page.locator(".search-hit").first().waitFor({ timeout: 30_000 });
    expect(await page.locator(".search-chapter").first().textContent()).toBe("4. Activation: the sigmoid");
  } finally {
    await chrome.browser.setOffline(false);
  }
  await page.close();
}, 180_000);
