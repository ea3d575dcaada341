/**
 * Chapter 12's kernel race in Chromium: a real race in a Web Worker, every
 * lane timed (the WebAssembly SIMD one too: Chromium has it), the page never
 * blocked, and Stop ending a long race at once. One page load.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { launch, type Launched } from "./chromium.ts";
import { longTasks, openIsland, watchLongTasks } from "./pages.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch();
});
afterAll(async () => chrome?.close());

test("a race at 128 × 128 times every kernel off the page's thread; Stop ends a race at 1024 × 1024", async () => {
  const { page, problems } = await openIsland(chrome.browser, "12-making-it-fast/", "[data-kernel-race]");
  const race = page.locator("[data-kernel-race]");
  expect(await race.getAttribute("data-state")).toBe("idle");
  // The cells near the island load their editor as they come into view: let that finish first.
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1500);
  await watchLongTasks(page);

  await race.getByLabel("Matrix size").selectOption("128");
  await expect.poll(() => race.getByRole("status").innerText()).toMatch(/^Pick a size and press Race: 128 × 128 matrices, 4\.2 million flops/);
  await race.getByRole("button", { name: "Race" }).click();
  expect(await race.getAttribute("data-state")).toBe("racing");
  await page.locator("[data-kernel-race][data-state=done]").waitFor({ timeout: 60_000 });

  const lanes = await race.locator("[data-lane]").evaluateAll((els) =>
    els.map((el) => ({ id: el.getAttribute("data-lane"), status: el.getAttribute("data-status"), gflops: Number(el.getAttribute("data-gflops")), text: el.textContent })),
  );
  expect(lanes.map((l) => l.id)).toEqual(["naive", "ikj", "blocked", "nnfs", "simd", "ceiling"]);
  for (const l of lanes) {
    expect(l.status, l.id!).toBe("done");
    expect(l.gflops, l.id!).toBeGreaterThan(0);
    expect(l.text, l.id!).toMatch(/\d GFLOP\/s$/); // no "(wrong result!)"
  }
  expect(await race.getByRole("status").innerText()).toMatch(/^Done: at 128 × 128 the fastest was .+, [\d.]+ GFLOP\/s\.$/);
  expect(await longTasks(page)).toEqual([]);

  // A long race, stopped: the worker ends, the page says so, and Race works again.
  await race.getByLabel("Matrix size").selectOption("1024");
  expect(await race.locator("[data-lane=naive]").getAttribute("data-status")).toBe("skipped");
  await race.getByRole("button", { name: "Race" }).click();
  await page.locator("[data-lane=ikj][data-status=running]").waitFor({ timeout: 30_000 });
  await race.getByRole("button", { name: "Stop" }).click();
  expect(await race.getAttribute("data-state")).toBe("stopped");
  expect(await race.getByRole("status").innerText()).toBe("Stopped.");
  expect(await race.getByRole("button", { name: "Race" }).isEnabled()).toBe(true);
  expect(problems).toEqual([]);
}, 120_000);
