/** The islands of chapters 7 to 9, driven in Chromium by mouse, touch and keyboard. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Launched } from "./chromium.ts";
import { openIsland as openIslandIn, type WatchedPage } from "./pages.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch({ hasTouch: true }); // a mouse and a touch screen, like a touch laptop
});
afterAll(async () => chrome?.close());

const PHONE = { width: 375, height: 740 };

const openIsland = (path: string, selector: string, viewport?: { width: number; height: number }): Promise<WatchedPage> =>
  openIslandIn(chrome.browser, path, selector, viewport);

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
const text = async (page: Page, selector: string) => (await page.locator(selector).first().innerText()).trim();

/** Where a pointer must be to set bar k of the distribution to p: page coordinates inside the plot. */
async function barPoint(page: Page, k: number, p: number): Promise<{ x: number; y: number }> {
  const box = (await page.locator(".db-plot").boundingBox())!;
  return { x: box.x + ((k + 0.5) / 10) * box.width, y: box.y + (1 - p) * box.height };
}
const barValue = async (page: Page, k: number) => Number(await page.locator(`.db-col[data-k="${k}"]`).getAttribute("aria-valuenow"));
const ce = async (page: Page) => Number(await page.locator(".db-ce").getAttribute("data-value"));
const total = (page: Page) =>
  page.$$eval(".db-col", (els) => els.reduce((s, e) => s + Number(e.getAttribute("aria-valuenow")), 0));

describe("chapter 7: the predicted distribution", () => {
  test("mouse: dragging the true digit's bar up lowers the cross-entropy and turns the answer right", async () => {
    const { page, problems } = await openIsland("07-measuring-mistakes/", ".db");
    await page.getByRole("button", { name: "Even" }).click();
    expect(await ce(page)).toBeCloseTo(Math.log(10), 6);
    expect(await text(page, ".db-verdict")).toBe("0, wrong");

    // Drag bar 3 (the true digit) from the bottom to 0.6 of the height.
    const from = await barPoint(page, 3, 0.05);
    const to = await barPoint(page, 3, 0.6);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 6 });
    await page.mouse.up();
    const p3 = await barValue(page, 3);
    expect(p3).toBeGreaterThan(0.45);
    expect(p3).toBeLessThan(0.7);
    expect(await ce(page)).toBeCloseTo(-Math.log(p3), 5);
    expect(await total(page)).toBeCloseTo(1, 6);
    expect(await text(page, ".db-verdict")).toBe("3, right");

    // Another true digit: the same bars, now wrong.
    await page.getByRole("combobox", { name: "True digit" }).selectOption("8");
    expect(await text(page, ".db-verdict")).toBe("3, wrong");
    expect(await page.locator(".db-col.db-true").getAttribute("data-k")).toBe("8");
    expect(problems).toEqual([]);
    await page.close();
  });

  test("keyboard: arrows change a bar and move between bars; the clipped ceiling is 16.1", async () => {
    const { page, problems } = await openIsland("07-measuring-mistakes/", ".db");
    await page.getByRole("button", { name: "Confident and wrong" }).click();
    await page.getByRole("slider", { name: /^digit 0/ }).focus();
    for (let k = 0; k < 3; k++) await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("digit 3 (the true digit)");
    await page.keyboard.press("Home"); // the true digit gets 0
    expect(await barValue(page, 3)).toBe(0);
    expect(await ce(page)).toBeCloseTo(-Math.log(1e-7), 4);
    expect(await text(page, ".db-ce")).toBe("−ln 0.00 = 16.118");
    await page.keyboard.press("PageUp");
    await page.keyboard.press("ArrowUp");
    expect(await barValue(page, 3)).toBeCloseTo(0.11, 9);
    expect(await total(page)).toBeCloseTo(1, 6);
    await page.keyboard.press("End");
    expect(await text(page, ".db-verdict")).toBe("3, right");
    expect(await ce(page)).toBeLessThan(1e-6);
    // One tab stop for the ten bars: Tab leaves the chart.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).not.toBe("slider");
    expect(problems).toEqual([]);
    await page.close();
  });

  test("touch, on a 375-px phone: a tap sets a bar, and nothing scrolls sideways", async () => {
    const { page, problems } = await openIsland("07-measuring-mistakes/", ".db", PHONE);
    expect(await noSideScroll(page)).toBe(true);
    await page.getByRole("button", { name: "Even" }).click();
    await page.locator(".db-plot").scrollIntoViewIfNeeded();
    const at = await barPoint(page, 7, 0.8);
    await page.touchscreen.tap(at.x, at.y);
    expect(await barValue(page, 7)).toBeGreaterThan(0.6);
    expect(await text(page, ".db-verdict")).toBe("7, wrong");
    expect(problems).toEqual([]);
    await page.close();
  });
});
