/** The islands of chapters 5 and 6, driven in Chromium by mouse, touch and keyboard, on real MNIST digits. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, checkControl, openIsland as openIslandIn, type WatchedPage } from "./pages.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch({ hasTouch: true }); // a mouse and a touch screen, like a touch laptop
});
afterAll(async () => chrome?.close());

const PHONE = { width: 375, height: 740 };

const openIsland = (path: string, selector: string, viewport?: { width: number; height: number }): Promise<WatchedPage> =>
  openIslandIn(chrome.browser, path, selector, viewport);

type Fraction = [number, number];

/** A mouse drag through points given as fractions of the element's box. */
async function mouseDrag(page: Page, selector: string, points: Fraction[]) {
  const box = (await page.locator(selector).boundingBox())!;
  const at = ([fx, fy]: Fraction) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps: 4 });
  await page.mouse.up();
}

/** A one-finger drag, sent as real touch events (Chromium turns them into pointer events). */
async function touchDrag(page: Page, selector: string, points: Fraction[]) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  const box = (await page.locator(selector).boundingBox())!;
  const at = ([fx, fy]: Fraction) => ({ x: box.x + fx * box.width, y: box.y + fy * box.height });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [at(points[0])] });
  for (const p of points.slice(1)) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [at(p)] });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
const gridLabel = (page: Page) => page.locator(".wp-grid").getAttribute("aria-label");
const counts = async (page: Page) => {
  const m = /(\d+) positive and (\d+) negative/.exec((await gridLabel(page)) ?? "");
  return m ? { pos: Number(m[1]), neg: Number(m[2]) } : null;
};
const sumShown = async (page: Page) => (await page.locator(".wp-readout strong").first().innerText()).trim();
const inked = async (page: Page) => Number(await page.locator(".dd-input canvas").getAttribute("data-inked"));
const outputs = (page: Page) => page.locator(".dd-svg").getAttribute("data-outputs");

describe("chapter 5: the weight painter", () => {
  test("mouse: real digits load; painting changes the weights and the sums; the bias moves the bar", async () => {
    const { page, problems } = await openIsland("05-bias-as-a-threshold/", ".wp");
    await page.locator(".wp-digit").nth(9).waitFor();
    expect(await page.locator(".wp-digit").count()).toBe(10);
    expect(await counts(page)).toEqual({ pos: 80, neg: 160 });
    // The upright-stroke detector and the typical 1: lit with the bias at −10.
    expect(await page.locator(".wp-digit[aria-pressed=true]").getAttribute("aria-label")).toMatch(/^A handwritten 1: weighted sum 2\d\.\d, output 1\.00$/);
    expect(await page.locator(".wp-verdict").innerText()).toMatch(/lights up/);

    await page.getByRole("button", { name: "Blank" }).click();
    expect(await counts(page)).toEqual({ pos: 0, neg: 0 });
    expect(await sumShown(page)).toBe("0.0");

    // A vertical stroke of positive weight down the middle: the 1's sum goes up again.
    await mouseDrag(page, ".wp-grid", [[0.5, 0.15], [0.5, 0.5], [0.5, 0.85]]);
    const after = await counts(page);
    expect(after!.pos).toBeGreaterThan(40);
    expect(Number((await sumShown(page)).replace("−", "-"))).toBeGreaterThan(5);

    // The bias slider, from the keyboard: Home is −100, and nothing clears that bar.
    await page.getByLabel(/^Bias/).focus();
    await page.keyboard.press("Home");
    expect(await page.locator(".wp-slider output").innerText()).toBe("−100");
    expect(await page.locator(".wp-verdict").innerText()).toMatch(/stays dark/);

    // Another digit: the readout follows the choice.
    await page.locator(".wp-digit").nth(0).click();
    expect(await page.locator(".wp-verdict").innerText()).toMatch(/for this 0\.$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("the chosen digit shows faintly under the grid, where its ink is, and can be hidden", async () => {
    const { page, problems } = await openIsland("05-bias-as-a-threshold/", ".wp");
    await page.locator(".wp-digit").nth(9).waitFor();
    await page.getByRole("button", { name: "Blank" }).click();
    /** The grid's colour at a cell, and at a corner no digit reaches. */
    const colourAt = (row: number, col: number) =>
      page.locator(".wp-grid").evaluate((c, [r, k]) => {
        const canvas = c as HTMLCanvasElement;
        const cell = canvas.width / 28;
        return Array.from(canvas.getContext("2d")!.getImageData((k + 0.5) * cell, (r + 0.5) * cell, 1, 1).data).join(",");
      }, [row, col]);
    expect(await page.locator(".wp-grid").getAttribute("data-ghost")).toBe("1");
    expect(await gridLabel(page)).toMatch(/The handwritten 1 shows faintly through the grid/);
    const paper = await colourAt(0, 0);
    // The typical 1 (a stroke leaning right) crosses row 14 at column 16: its ink shows there, not in the corner.
    expect(await colourAt(14, 16)).not.toBe(paper);

    await page.locator(".wp-digit").nth(7).click();
    expect(await page.locator(".wp-grid").getAttribute("data-ghost")).toBe("7");

    await checkControl(page.getByLabel("Show the chosen digit under the grid"), false);
    expect(await page.locator(".wp-grid").getAttribute("data-ghost")).toBeNull();
    expect(await gridLabel(page)).not.toMatch(/shows faintly/);
    expect(await colourAt(14, 16)).toBe(paper);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("keyboard: arrows move the cursor, Space paints, Shift+arrows paint a line", async () => {
    const { page } = await openIsland("05-bias-as-a-threshold/", ".wp");
    await page.getByRole("button", { name: "Blank" }).click();
    await page.locator(".wp-grid").focus();
    expect(await page.locator(".wp-cursor").innerText()).toBe("Cursor at row 15, column 15: weight 0");
    await page.keyboard.press("Space");
    expect(await counts(page)).toEqual({ pos: 1, neg: 0 });
    expect(await page.locator(".wp-cursor").innerText()).toBe("Cursor at row 15, column 15: weight 1");

    await checkControl(page.getByLabel("Negative (−1)"));
    await page.locator(".wp-grid").focus();
    await page.keyboard.press("ArrowUp");
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+ArrowRight");
    expect(await counts(page)).toEqual({ pos: 1, neg: 4 });
    expect(await page.locator(".wp-cursor").innerText()).toBe("Cursor at row 14, column 18: weight −1");
    await page.close();
  });

  test("touch, on a 375-px phone: a finger paints, and nothing scrolls sideways", async () => {
    const { page, problems } = await openIsland("05-bias-as-a-threshold/", ".wp", PHONE);
    await page.getByRole("button", { name: "Blank" }).click();
    await touchDrag(page, ".wp-grid", [[0.2, 0.5], [0.4, 0.5], [0.6, 0.5], [0.8, 0.5]]);
    expect((await counts(page))!.pos).toBeGreaterThan(20);
    expect(await noSideScroll(page)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("when the digits cannot be downloaded, the island says so and offers to try again", async () => {
    const page = await chrome.browser.newPage();
    await page.route("**/data/mnist.bin", (route) => route.abort());
    await page.goto(`${baseUrl()}05-bias-as-a-threshold/`);
    await page.locator(".wp").scrollIntoViewIfNeeded();
    const alert = page.locator(".wp [role=alert]");
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/could not be loaded/);
    await page.unroute("**/data/mnist.bin");
    await page.getByRole("button", { name: "Try again" }).click();
    await page.locator(".wp-digit").nth(9).waitFor();
    await page.close();
  });
});

describe("chapter 6: draw a digit", () => {
  test("mouse: a stroke fills the 28×28 input and changes the outputs; Clear empties it", async () => {
    const { page, problems } = await openIsland("06-a-network-that-looks-at-digits/", ".dd");
    expect(await inked(page)).toBe(0);
    const before = await outputs(page);
    expect(await page.locator(".dd-answer").innerText()).toMatch(/Draw something/);

    await mouseDrag(page, ".dd-canvas", [[0.3, 0.25], [0.7, 0.25], [0.45, 0.8]]); // a 7
    expect(await inked(page)).toBeGreaterThan(20);
    expect(await outputs(page)).not.toBe(before);
    expect(await page.locator(".dd-answer").innerText()).toMatch(/^The network says \d\./);

    await page.getByRole("button", { name: "Clear" }).click();
    expect(await inked(page)).toBe(0);
    expect(await outputs(page)).toBe(before);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("keyboard: Space puts the pen down, arrows draw, Delete clears", async () => {
    const { page } = await openIsland("06-a-network-that-looks-at-digits/", ".dd");
    await page.locator(".dd-canvas").focus();
    expect(await page.locator(".dd-pen-status").innerText()).toMatch(/Pen up/);
    await page.keyboard.press("Space");
    for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Space");
    expect(await page.locator(".dd-pen-status").innerText()).toMatch(/Pen up/);
    expect(await inked(page)).toBeGreaterThan(10);
    expect(await page.locator(".dd-answer").innerText()).toMatch(/^The network says \d\./);
    await page.keyboard.press("Delete");
    expect(await inked(page)).toBe(0);
    await page.close();
  });

  test("touch, on a 375-px phone: a finger draws; a real digit loads; nothing scrolls sideways", async () => {
    const { page, problems } = await openIsland("06-a-network-that-looks-at-digits/", ".dd", PHONE);
    // The output values and the layers' sizes are drawn in the network's SVG, which the phone shrinks: as shown, at least 11 px.
    const shownPx = (selector: string) =>
      page.locator(selector).first().evaluate((el) => {
        const svg = el.closest("svg")!;
        return (parseFloat(getComputedStyle(el).fontSize) * svg.getBoundingClientRect().width) / svg.viewBox.baseVal.width;
      });
    for (const selector of [".dd-value", ".dd-label", ".dd-caption"]) expect(await shownPx(selector), selector).toBeGreaterThanOrEqual(11);
    await touchDrag(page, ".dd-canvas", [[0.5, 0.15], [0.5, 0.4], [0.5, 0.6], [0.5, 0.85]]); // a 1
    expect(await inked(page)).toBeGreaterThan(10);
    expect(await noSideScroll(page)).toBe(true);

    await page.getByRole("button", { name: "A real digit" }).click();
    await page.locator(".dd-answer", { hasText: "the digit is a" }).waitFor();
    expect(await page.locator(".dd-answer").innerText()).toMatch(/^The network says \d \(the digit is a \d\)\./);
    expect(await inked(page)).toBeGreaterThan(30);

    // New random weights: a different network, so different outputs for the same digit.
    const first = await outputs(page);
    await page.getByRole("button", { name: "New random weights" }).click();
    expect(await outputs(page)).not.toBe(first);
    expect(await noSideScroll(page)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
