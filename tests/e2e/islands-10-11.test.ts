/**
 * The trainer of chapters 10 and 11 in Chromium: real training in a Web
 * Worker on the 8,000 training digits, with the page kept responsive.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Launched } from "./chromium.ts";
import { openIsland as openIslandIn, type WatchedPage } from "./pages.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch();
});
afterAll(async () => chrome?.close());

const CH10 = "10-training-on-digits/";
const openIsland = (path: string, selector: string, viewport?: { width: number; height: number }): Promise<WatchedPage> =>
  openIslandIn(chrome.browser, path, selector, viewport);

const trainer = (page: Page, nth = 0) => page.locator("[data-trainer]").nth(nth);
const attr = async (page: Page, name: string, nth = 0) => trainer(page, nth).getAttribute(name);

/** Starts recording the page's long tasks (over 50 ms on the main thread). */
async function watchLongTasks(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
    }).observe({ type: "longtask" });
  });
}
const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);

describe("chapter 10: the trainer", () => {
  test("the defaults pass 95 % validation accuracy within 15 s of Train, never blocking the page", async () => {
    const { page, problems } = await openIsland(CH10, "[data-trainer]");
    const t = trainer(page);
    expect(await attr(page, "data-state")).toBe("idle");
    expect(await page.getByRole("button", { name: "Stop" }).first().isDisabled()).toBe(true);
    await watchLongTasks(page);

    await t.getByRole("button", { name: "Train", exact: true }).click();
    const started = Date.now();
    expect(await attr(page, "data-state")).toBe("training");
    await page.waitForFunction(
      () => Number(document.querySelector("[data-trainer]")!.getAttribute("data-val-accuracy")) >= 0.95,
      undefined,
      { timeout: 15_000, polling: 50 },
    );
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(15);
    await page.locator("[data-trainer][data-state=done]").waitFor({ timeout: 30_000 });
    await t.locator(".tr-test-accuracy").waitFor({ timeout: 10_000 });
    expect(await longTasks(page)).toEqual([]);

    expect(await attr(page, "data-epoch")).toBe("10");
    expect(Number(await attr(page, "data-val-accuracy"))).toBeGreaterThanOrEqual(0.95);
    // The same numbers as in Node: the seeded run is the same everywhere.
    expect(await t.locator(".tr-test-accuracy").innerText()).toBe("94.6 %");
    expect(await t.locator("[role=status]").innerText()).toMatch(/^Done: 10 epochs in [\d.]+ s; test accuracy 94\.6 %\.$/);
    expect(await t.locator(".tr-wrong li").count()).toBe(24);
    expect(await t.locator(".tr-wrong canvas").first().getAttribute("aria-label")).toMatch(/^A \d, read as \d$/);
    expect(await t.locator(".tr-chart canvas").count()).toBe(2); // uPlot drew both charts
    expect(problems).toEqual([]);
    await page.close();
  });

  test("Stop ends training mid-epoch; Reset goes back to the start", async () => {
    const { page, problems } = await openIsland(CH10, "[data-trainer]");
    const t = trainer(page);
    await t.getByLabel("Epochs").selectOption("30");
    await t.getByLabel("Batch size").selectOption("8");
    await t.getByRole("button", { name: "Train", exact: true }).click();
    // Part-way through the second epoch.
    await page.waitForFunction(() => {
      const el = document.querySelector("[data-trainer]")!;
      const bar = el.querySelector("progress")!;
      return el.getAttribute("data-epoch") === "1" && bar.value > 1.3 / 30;
    }, undefined, { timeout: 20_000, polling: 20 });
    await t.getByRole("button", { name: "Stop" }).click();
    const pressed = Date.now();
    await page.locator("[data-trainer][data-state=stopped]").waitFor({ timeout: 2_000 });
    expect(Date.now() - pressed).toBeLessThan(1_000);
    expect(await attr(page, "data-epoch")).toBe("1");
    await page.waitForTimeout(500);
    expect(await attr(page, "data-epoch")).toBe("1"); // nothing goes on in the background
    // The network as it was is measured on the test digits and kept.
    await t.locator("[role=status]", { hasText: /^Stopped after 1 full epoch in [\d.]+ s; test accuracy \d+\.\d %\.$/ }).waitFor({ timeout: 10_000 });
    expect(await t.getByRole("button", { name: "Train", exact: true }).isEnabled()).toBe(true);

    await t.getByRole("button", { name: "Reset" }).click();
    expect(await attr(page, "data-state")).toBe("idle");
    expect(await attr(page, "data-epoch")).toBe("0");
    expect(await t.getByLabel("Epochs").inputValue()).toBe("10");
    expect(problems).toEqual([]);
    await page.close();
  });
});
