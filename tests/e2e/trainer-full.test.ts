/**
 * All of MNIST in the page: choosing it and pressing Train downloads the
 * gzipped file once (the bar counts its bytes up to the file's size), the
 * worker decompresses it with the browser's DecompressionStream and trains
 * on the 50,000 digits, and the run is measured on the 10,000 official test
 * digits (data-test-accuracy). Not timed: the speed is measured by
 * scripts/bench-mnist-browser.ts.
 */
import { statSync } from "node:fs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launch, type Launched } from "./chromium.ts";
import { openIsland } from "./pages.ts";
import { ROOT } from "./build.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch();
});
afterAll(async () => chrome?.close());

test("a short run on all of MNIST: download with its bytes, then test accuracy on 10,000 digits", async () => {
  const fileSize = statSync(`${ROOT}dist/data/mnist-full.bin.gz`).size;
  const { page, problems } = await openIsland(chrome.browser, "10-training-on-digits/", "[data-trainer]");
  const requests: string[] = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  const t = page.locator("[data-trainer]").first();
  // Nothing of it is fetched before the reader asks.
  expect(requests.filter((p) => p.endsWith("mnist-full.bin.gz"))).toEqual([]);
  await t.getByLabel("Digits").selectOption("full");
  await t.getByLabel("Epochs").selectOption("1");
  await t.getByLabel("Hidden neurons").selectOption("16");
  await t.getByLabel("Batch size").selectOption("256");
  // A network of 4 MB/s, so that the bar has time to show the download.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: 4e6, uploadThroughput: -1 });
  // Record every value the bar shows, and every status line.
  await page.evaluate(() => {
    const w = window as unknown as { seen: [number, number][]; said: string[] };
    w.seen = [];
    w.said = [];
    const status = document.querySelector("[data-trainer] [role=status]")!;
    new MutationObserver(() => w.said.push(status.textContent ?? "")).observe(status, { subtree: true, childList: true, characterData: true });
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLElement>("[data-download-loaded]");
      if (bar) w.seen.push([Number(bar.dataset.downloadLoaded), Number(bar.dataset.downloadTotal)]);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-download-loaded"] });
  });
  await t.getByRole("button", { name: "Train", exact: true }).click();
  await page.locator("[data-trainer][data-state=done]").waitFor({ timeout: 240_000 });
  await page.locator("[data-trainer][data-test-accuracy]").waitFor({ timeout: 30_000 });

  const seen = await page.evaluate(() => (window as unknown as { seen: [number, number][] }).seen);
  expect(seen.length, "the bar showed the download").toBeGreaterThan(2);
  for (const [, total] of seen) expect(total).toBe(fileSize);
  for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
  expect(seen.at(-1)![0]).toBe(fileSize);
  expect(requests.filter((p) => p.endsWith("/nnfs/data/mnist-full.bin.gz"))).toHaveLength(1);

  const accuracy = Number(await t.getAttribute("data-test-accuracy"));
  expect(accuracy).toBeGreaterThan(0.85); // 16 hidden neurons, one epoch over 50,000 digits
  expect(accuracy).toBeLessThanOrEqual(1);
  // Decompressed and split as the library does: 10,000 official test digits.
  const summary = await t.locator(".tr-summary").innerText();
  expect(summary).toMatch(/ of the 10,000 test digits read wrong\./);
  const wrong = Number(/(\d+) of the 10,000/.exec(summary)![1]);
  expect(wrong / 10_000).toBeCloseTo(1 - accuracy, 4);
  const status = await t.locator("[role=status]").innerText();
  expect(status).toMatch(/^Done: 1 epoch in [\d.]+ s on wasm-relaxed-simd; test accuracy [\d.]+ %\.$/);
  // Between the end of training and the result, the line said what was happening, never a bare "Done.".
  const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
  expect(said).not.toContain("Done.");
  expect(said.some((s) => /^Done: 1 epoch in [\d.]+ s; measuring the network on the 10,000 test digits…$/.test(s))).toBe(true);
  expect(problems).toEqual([]);
  await page.close();
}, 300_000);
