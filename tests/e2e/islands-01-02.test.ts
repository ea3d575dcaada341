/** The islands of chapters 1 and 2, driven in Chromium with the mouse and the keyboard. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, checkControl, openIsland as openIslandIn, openPage, type WatchedPage } from "./pages.ts";
import { yFromClient } from "../../components/islands/curve-fit/curve-fit.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch();
});
afterAll(async () => chrome?.close());

const openIsland = (path: string, selector: string): Promise<WatchedPage> => openIslandIn(chrome.browser, path, selector);

const text = (page: Page, selector: string) => page.locator(selector).first().innerText();

describe("chapter 2: the neuron", () => {
  test("sliders move the sum, by keyboard and by mouse", async () => {
    const { page, problems } = await openIsland("02-a-single-neuron/", ".nr");
    expect(await text(page, ".nr-result")).toBe("29");
    expect(await text(page, ".nr-eq")).toBe("1 · 3 + 2 · 4 + 3 · 5 + 3");

    // Keyboard: x₁ from 1 to 1.5 in five steps of 0.1.
    const x1 = page.getByLabel("x₁ (input 1)");
    await x1.focus();
    for (let k = 0; k < 5; k++) await page.keyboard.press("ArrowRight");
    expect(await text(page, "[data-term='0']")).toBe("4.5");
    expect(await text(page, ".nr-result")).toBe("30.5");

    // Keyboard: w₂ down to its minimum with Home; 1.5·3 + 2·(−5) + 3·5 + 3 = 12.5.
    await page.getByLabel("w₂ (weight 2)").focus();
    await page.keyboard.press("Home");
    expect(await text(page, ".nr-eq")).toBe("1.5 · 3 + 2 · (−5) + 3 · 5 + 3");
    expect(await text(page, ".nr-result")).toBe("12.5");

    // Mouse: a click at the left end of the bias slider sets the bias near −5.
    const bias = page.getByLabel("bias b (added to the sum)");
    const box = (await bias.boundingBox())!;
    await page.mouse.click(box.x + 2, box.y + box.height / 2);
    const b = Number(await bias.inputValue());
    expect(b).toBeLessThan(-4.5);
    expect(Number((await text(page, ".nr-result")).replace("−", "-"))).toBeCloseTo(9.5 + b, 6);

    // The diagram follows: a negative weight is drawn dashed, as "negative".
    expect(await page.locator(".nr-edge").nth(1).getAttribute("class")).toContain("nr-negative");

    await page.getByRole("button", { name: /Back to/ }).click();
    expect(await text(page, ".nr-result")).toBe("29");
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("chapter 1: the curve-fitting network", () => {
  test("points move by keyboard and by dragging, and a big network fits them", async () => {
    const { page, problems } = await openIsland("01-why-neural-networks/", ".cf");
    const point = (i: number) => page.locator(`.cf-point[data-index='${i}']`);
    const yOf = async (i: number) => Number(await point(i).getAttribute("aria-valuenow"));

    // Keyboard: the first point of the wave starts at −0.25; two steps up, then Home.
    expect(await yOf(0)).toBe(-0.25);
    await point(0).focus();
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    expect(await yOf(0)).toBe(-0.15);
    await page.keyboard.press("Home");
    expect(await yOf(0)).toBe(1);
    await page.keyboard.press("End");
    expect(await yOf(0)).toBe(-1);

    // Mouse: drag the middle point (x = 0, y = 0) upwards.
    const dot = (await point(4).locator(".cf-dot").boundingBox())!;
    const plot = (await page.locator(".cf-plot").boundingBox())!;
    const start = { x: dot.x + dot.width / 2, y: dot.y + dot.height / 2 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x, start.y - 30, { steps: 4 });
    await page.mouse.move(start.x, start.y - 60, { steps: 4 });
    await page.mouse.up();
    const expected = yFromClient(start.y - 60, plot.y, plot.height);
    expect(expected).toBeGreaterThan(0.2);
    expect(await yOf(4)).toBe(expected);

    // A big network, the wave again: the error falls close to zero while we wait.
    await checkControl(page.getByRole("radio", { name: "16 neurons" }));
    await page.getByRole("button", { name: "Wave" }).click();
    expect(await yOf(0)).toBe(-0.25);
    await page.waitForFunction(() => Number(document.querySelector(".cf-error")?.getAttribute("data-value")) < 1e-3, null, {
      timeout: 20_000,
    });

    // Pause stops the steps counter.
    await page.getByRole("button", { name: "Pause" }).click();
    await page.getByRole("button", { name: "Train" }).waitFor();
    // The snapshots the worker sent before it heard of the pause are still drawn: wait for its paused one.
    await page.locator(".cf-state[data-worker=paused]").waitFor();
    const steps = await text(page, ".cf-steps");
    // A moved point gives a running network new steps; a paused one only redraws its error. The worker
    // answers in order, so once the new error is drawn every snapshot sent since the pause has been.
    const error = await page.locator(".cf-error").getAttribute("data-value");
    await point(0).focus();
    await page.keyboard.press("ArrowUp");
    await page.waitForFunction((before) => document.querySelector(".cf-error")?.getAttribute("data-value") !== before, error);
    expect(await text(page, ".cf-steps")).toBe(steps);
    expect(await page.locator(".cf-state").getAttribute("data-worker")).toBe("paused");
    // The button names what it will do; it is not a toggle (a changing name and aria-pressed contradict each other).
    expect(await page.getByRole("button", { name: "Train" }).getAttribute("aria-pressed")).toBeNull();

    expect(problems).toEqual([]);
    await page.close();
  });

  test.each([1280, 390])("at %d px the axis names overlap no dot, with the Wave's points", async (width) => {
    const { page, problems } = await openIsland("01-why-neural-networks/", ".cf");
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole("button", { name: "Wave" }).click();
    await page.locator(".cf-label").first().scrollIntoViewIfNeeded();
    const boxes = async (selector: string) => Promise.all((await page.locator(selector).all()).map(async (l) => (await l.boundingBox())!));
    const labels = await boxes(".cf-label");
    const dots = await boxes(".cf-dot");
    expect(labels).toHaveLength(2);
    expect(dots).toHaveLength(9);
    const apart = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
      a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
    for (const label of labels) for (const dot of dots) expect(apart(label, dot)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("the curve is usable on a phone, with no horizontal scroll", async () => {
    const phone = await launch({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
    try {
      const { page } = await openPage(phone.browser, `${baseUrl()}01-why-neural-networks/`);
      await page.locator(".cf").scrollIntoViewIfNeeded();
      await page.waitForFunction(() => !document.querySelector("astro-island:has(.cf)")?.hasAttribute("ssr"));
      // A tap anywhere in a dot's column, well away from the dot, moves that dot there.
      const dot = (await page.locator(".cf-point[data-index='2'] .cf-dot").boundingBox())!;
      const plot = (await page.locator(".cf-plot").boundingBox())!;
      const at = { x: dot.x + dot.width / 2 + 8, y: plot.y + plot.height * 0.2 };
      await page.touchscreen.tap(at.x, at.y);
      const y = yFromClient(at.y, plot.y, plot.height);
      expect(y).toBeGreaterThan(0.3);
      expect(Number(await page.locator(".cf-point[data-index='2']").getAttribute("aria-valuenow"))).toBe(y);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.close();
    } finally {
      await phone.close();
    }
  });
});
