/**
 * Chapter 12 in Chromium: the trainer's worker loads the WebAssembly kernels
 * (the page's Content-Security-Policy allows 'wasm-unsafe-eval', the bytes come
 * with the worker's script) and says so in its status line.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { launch, type Launched } from "./chromium.ts";
import { openIsland } from "./pages.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch();
});
afterAll(async () => chrome?.close());

test("the chapter 10 trainer trains on wasm-relaxed-simd and says so", async () => {
  const { page, problems } = await openIsland(chrome.browser, "10-training-on-digits/", "[data-trainer]");
  const t = page.locator("[data-trainer]").first();
  await t.getByRole("button", { name: "Train", exact: true }).click();
  await page.locator("[data-trainer][data-state=done]").waitFor({ timeout: 30_000 });
  const status = await t.locator("[role=status]").innerText();
  const m = /^Done: 10 epochs in ([\d.]+) s on (\S+); test accuracy ([\d.]+) %\.$/.exec(status);
  expect(m, status).not.toBeNull();
  expect(m![2]).toBe("wasm-relaxed-simd");
  console.log(`trainer: 10 epochs in ${m![1]} s (${(Number(m![1]) / 10).toFixed(2)} s an epoch, with validation) on ${m![2]}`);
  expect(problems).toEqual([]);
  await page.close();
});
