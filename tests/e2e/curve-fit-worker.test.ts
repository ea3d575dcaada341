/**
 * Chapter 1's curve fit trains in a Web Worker (the page only draws what the
 * worker sends), and a new start while paused trains the new network. How
 * long the page's tasks take is measured by a benchmark, not asserted here:
 * node bench/curve-fit-main-thread.ts prints the long tasks while it trains.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launch, type Launched } from "./chromium.ts";
import { checkControl, openIsland } from "./pages.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch();
});
afterAll(async () => chrome?.close());

const text = (page: import("playwright-core").Page, selector: string) => page.locator(selector).first().innerText();

describe("chapter 1: the curve-fitting network's worker", () => {
  test("training runs in the island's Web Worker; New start while paused trains the new network", async () => {
    const { page, problems } = await openIsland(chrome.browser, "01-why-neural-networks/", ".cf");
    // Three neurons cannot quite fit the wave, so they train through their whole budget:
    // thousands of steps, none of them on the page's thread.
    await checkControl(page.getByRole("radio", { name: "3 neurons" }));
    const stepsNow = async () => Number(await text(page, ".cf-steps"));
    await page.waitForFunction(() => Number(document.querySelector(".cf-steps")?.textContent) >= 1500, null, { timeout: 30_000 });
    const names = await Promise.all(page.workers().map((w) => w.evaluate(() => (self as unknown as { name: string }).name)));
    expect(names).toContain("nnfs-curve-fit");

    // Pause, then New start: the new network starts from step 0 and learns.
    await page.getByRole("button", { name: "Pause" }).click();
    await page.getByRole("button", { name: "Train" }).waitFor();
    expect(await text(page, ".cf-state")).toBe("paused");
    // Snapshots of the old network sent before the worker heard of the pause are still on their way:
    // once its paused one is drawn, the next "learning" can only be the new network's.
    await page.locator(".cf-state[data-worker=paused]").waitFor();
    await page.getByRole("button", { name: "New start" }).click();
    await page.getByRole("button", { name: "Pause" }).waitFor();
    await page.waitForFunction(() => document.querySelector(".cf-state")?.textContent === "learning");
    const early = await stepsNow();
    await page.waitForFunction((n) => Number(document.querySelector(".cf-steps")?.textContent) > n + 100, early, { timeout: 20_000 });
    expect(early).toBeLessThan(1500);
    expect(problems).toEqual([]);
    await page.close();
  });
});
