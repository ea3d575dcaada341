/**
 * Chapter 12's kernel race in Chromium: a real race in a Web Worker, every
 * lane timed (the WebAssembly SIMD one too: Chromium has it), the roofline
 * drawn with every kernel on it, the page never blocked; at 1024 the naive
 * loop races on its first rows, and Stop ends a long race at once. One page
 * load.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { launch, type Launched } from "./chromium.ts";
import { openIsland } from "./pages.ts";
import { blockingTasks, watchMainThread } from "./main-thread.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch();
});
afterAll(async () => chrome?.close());

test("a race at 128 × 128 times every kernel off the page's thread and draws the roofline; at 1024 the naive loop races on its first rows; Stop ends a race", async () => {
  const { page, problems } = await openIsland(chrome.browser, "12-making-it-fast/", "[data-kernel-race]");
  const race = page.locator("[data-kernel-race]");
  expect(await race.getAttribute("data-state")).toBe("idle");
  await watchMainThread(page);

  await race.getByLabel("Matrix size").selectOption("128");
  await expect.poll(() => race.getByRole("status").innerText()).toMatch(/^Pick a size and press Race: 128 × 128 matrices, 4\.2 million flops/);
  await race.getByRole("button", { name: "Race" }).click();
  expect(await race.getAttribute("data-state")).toBe("racing");
  await page.locator("[data-kernel-race][data-state=done]").waitFor({ timeout: 60_000 });

  const lanes = await race.locator("[data-lane]").evaluateAll((els) =>
    els.map((el) => ({ id: el.getAttribute("data-lane"), status: el.getAttribute("data-status"), gflops: Number(el.getAttribute("data-gflops")), text: el.textContent })),
  );
  expect(lanes.map((l) => l.id)).toEqual(["yardstick", "stream", "naive", "ikj", "typed", "blocked", "tiled", "nnfs", "simd"]);
  for (const l of lanes) {
    expect(l.status, l.id!).toBe("done");
    expect(l.gflops, l.id!).toBeGreaterThan(0);
    expect(l.text, l.id!).toMatch(/\d G(FLOP|B)\/s$/); // no "(wrong result!)"
  }
  expect(await race.locator("[data-lane=yardstick]").innerText()).toMatch(/best with (4|8|12|16) running sums/);
  expect(await race.getByRole("status").innerText()).toMatch(/^Done: at 128 × 128 the fastest was .+, [\d.]+ GFLOP\/s\.$/);
  // The roofline: every kernel and the stream as a point, and the chart in words.
  const roofline = race.locator("[data-roofline]");
  expect(await roofline.locator("[data-point]").evaluateAll((els) => els.map((el) => el.getAttribute("data-point")))).toEqual([
    "stream", "naive", "ikj", "typed", "blocked", "tiled", "nnfs", "simd",
  ]);
  expect(await roofline.locator("svg").getAttribute("role")).toBe("img");
  expect(await roofline.locator(".kr-roofline-words").innerText()).toMatch(/^Memory brings [\d.]+ GB\/s and the scalar yardstick is [\d.]+ GFLOP\/s/);
  expect(await blockingTasks(page)).toEqual([]);

  // At 1024 the naive loop races on its first 64 rows, within the lane's time cap; then Stop ends the race.
  await race.getByLabel("Matrix size").selectOption("1024");
  expect(await race.locator("[data-lane=naive]").innerText()).toContain("on the first 64 of 1024 rows, to save time");
  await race.getByRole("button", { name: "Race" }).click();
  await page.locator("[data-lane=naive][data-status=done]").waitFor({ timeout: 60_000 });
  expect(await race.locator("[data-lane=naive]").innerText()).toMatch(/\d GFLOP\/s$/);
  await page.locator("[data-lane=ikj][data-status=running]").waitFor({ timeout: 30_000 });
  await race.getByRole("button", { name: "Stop" }).click();
  expect(await race.getAttribute("data-state")).toBe("stopped");
  expect(await race.getByRole("status").innerText()).toBe("Stopped.");
  expect(await race.getByRole("button", { name: "Race" }).isEnabled()).toBe(true);
  expect(problems).toEqual([]);
}, 180_000);
