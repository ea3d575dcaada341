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

const cdReadout = async (page: Page) => {
  const el = page.locator(".cd-readout");
  return { step: Number(await el.getAttribute("data-step")), value: Number(await el.getAttribute("data-value")), trend: await el.getAttribute("data-trend") };
};

describe("chapter 8: descent on a contour map", () => {
  test("keyboard: sliders set the start and the learning rate; Step walks down; a new rate mid-walk goes on from the ball; the diverging preset climbs", async () => {
    const { page, problems } = await openIsland("08-gradient-descent/", ".cd");
    expect(await cdReadout(page)).toEqual({ step: 0, value: 65, trend: "start" }); // (−5, 2): 25 + 40
    await page.getByLabel("start y").focus();
    for (let k = 0; k < 4; k++) await page.keyboard.press("ArrowLeft"); // y: 2 → 1
    await page.getByLabel("start x").focus();
    for (let k = 0; k < 40; k++) await page.keyboard.press("ArrowRight"); // x: −5 → 5
    expect((await cdReadout(page)).value).toBe(35);

    await page.getByRole("button", { name: "Step", exact: true }).focus();
    await page.keyboard.press("Enter"); // lr 0.05: (5, 1) → (4.5, 0)
    const one = await cdReadout(page);
    expect(one.step).toBe(1);
    expect(one.value).toBeCloseTo(20.25, 9);
    await page.getByRole("button", { name: "10 steps" }).click();
    expect((await cdReadout(page)).step).toBe(11);

    const eleven = await cdReadout(page);
    await page.getByRole("button", { name: /^Diverges/ }).click();
    expect(await page.getByRole("button", { name: /^Diverges/ }).getAttribute("aria-pressed")).toBe("true");
    expect(await cdReadout(page)).toEqual(eleven); // the walk so far is kept, not replayed with the new rate
    await page.getByRole("button", { name: "10 steps" }).click();
    expect((await cdReadout(page)).step).toBe(21);
    expect(await text(page, ".cd-desc")).toMatch(/Learning rates: 0\.05 from step 0, 0\.105 from step 11\.$/);

    await page.getByRole("button", { name: "Back to the start" }).click();
    expect((await cdReadout(page)).step).toBe(0);
    await page.getByRole("button", { name: "10 steps" }).click(); // all with 0.105, from (5, 1)
    const diverging = await cdReadout(page);
    expect(diverging.trend).toBe("diverging");
    expect(await text(page, ".cd-desc")).toMatch(/^After 10 steps g has grown .*learning rate 0\.105 is too large\.$/);
    await page.getByRole("button", { name: "Back to the start" }).click();
    await page.getByRole("button", { name: "Step", exact: true }).click();
    expect(await text(page, ".cd-desc")).toMatch(/^After 1 step the ball/);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("mouse: a click on the map moves the start there", async () => {
    const { page, problems } = await openIsland("08-gradient-descent/", ".cd");
    const box = (await page.locator(".cd-map").boundingBox())!;
    // (0, 1.5) on a map spanning x −6…6 and y −3…3.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.25);
    expect(await page.getByLabel("start x").inputValue()).toBe("0");
    expect(await page.getByLabel("start y").inputValue()).toBe("1.5");
    expect((await cdReadout(page)).value).toBeCloseTo(22.5, 9);
    await page.getByRole("button", { name: /^Smooth/ }).click();
    await page.getByRole("button", { name: "10 steps" }).click();
    expect((await cdReadout(page)).trend).toBe("arrived");
    expect(problems).toEqual([]);
    await page.close();
  });

  test("on a 375-px phone, the loss plot's tick labels stay inside the plot, even after a walk that diverges to 10⁹", async () => {
    const { page, problems } = await openIsland("08-gradient-descent/", ".cd", PHONE);
    await page.getByRole("button", { name: /^Diverges/ }).click();
    for (let k = 0; k < 10; k++) await page.getByRole("button", { name: "10 steps" }).click();
    expect((await cdReadout(page)).trend).toBe("diverging");
    const outside = await page.locator(".cd-loss").evaluate((svg) => {
      const plot = svg.getBoundingClientRect();
      return [...svg.querySelectorAll("text")]
        .filter((t) => { const b = t.getBoundingClientRect(); return b.left < plot.left || b.right > plot.right; })
        .map((t) => t.textContent);
    });
    expect(await page.locator(".cd-loss text").allTextContents()).toContain("1e8");
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("touch, on a 375-px phone: a tap moves the start, and nothing scrolls sideways", async () => {
    const { page, problems } = await openIsland("08-gradient-descent/", ".cd", PHONE);
    expect(await noSideScroll(page)).toBe(true);
    await page.locator(".cd-map").scrollIntoViewIfNeeded();
    const box = (await page.locator(".cd-map").boundingBox())!;
    await page.touchscreen.tap(box.x + box.width * 0.75, box.y + box.height / 2); // (3, 0)
    expect(await page.getByLabel("start x").inputValue()).toBe("3");
    expect((await cdReadout(page)).value).toBe(9);
    await page.getByRole("button", { name: "Step", exact: true }).tap();
    expect((await cdReadout(page)).value).toBeCloseTo(2.7 ** 2, 9);
    expect(problems).toEqual([]);
    await page.close();
  });
});

const tnStep = async (page: Page) => Number(await page.locator(".tn-formula").getAttribute("data-step"));

describe("chapter 9: the tiny network, step by step", () => {
  test("keyboard and mouse: Next walks forwards, then backwards; gradients appear in the cards and the table; the update lowers the loss and shows the new weights", async () => {
    const { page, problems } = await openIsland("09-backpropagation/", ".tn");
    expect(await tnStep(page)).toBe(0);
    expect(await page.locator('.tn-node[data-node="h1"] .tn-value').textContent()).toBe("h₁ ?");

    await page.getByRole("button", { name: "Next" }).focus();
    await page.keyboard.press("Enter"); // z₁
    await page.keyboard.press("Enter"); // h₁
    expect(await text(page, ".tn-symbols")).toBe("h₁ = σ(z₁)");
    expect(await page.locator('.tn-node[data-node="h1"]').getAttribute("class")).toContain("tn-current");
    expect(await page.locator('.tn-node[data-node="h1"] .tn-value').textContent()).toMatch(/^h₁ \d\.\d\d$/);

    expect(await page.locator('.tn-node[data-node="h1"] .tn-z').textContent()).toMatch(/^z \d\.\d\d$/);

    for (let k = 0; k < 8; k++) await page.getByRole("button", { name: "Next" }).click(); // to ∂L/∂v
    expect(await text(page, ".tn-phase")).toMatch(/^Backward · step 10 of 19$/i);
    const gradCell = (id: string) => text(page, `.tn-params tr[data-param="${id}"] .tn-grad-cell`);
    expect(await gradCell("v1")).toMatch(/^−?\d\.\d{3}$/);
    expect(await gradCell("w11")).toBe("");
    expect(await page.locator('.tn-params tr[data-param="v1"]').getAttribute("class")).toBe("tn-hot-row");
    expect(await page.locator('.tn-edge[data-edge="v1"]').getAttribute("class")).toContain("tn-hot");
    expect(await page.locator('.tn-node[data-node="out"] .tn-grad').count()).toBe(1); // ∂L/∂z of the output

    await page.getByRole("button", { name: "Back" }).click();
    expect(await gradCell("v1")).toBe("");

    // The inputs' gradients: each the sum of the paths through both hidden neurons.
    await page.getByLabel("step", { exact: true }).focus();
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    expect(await text(page, ".tn-symbols")).toBe("∂L/∂x₂ = ∂L/∂z₁ · w₂₁ + ∂L/∂z₂ · w₂₂ (two paths, added)");
    expect(await page.locator('.tn-node[data-node="x2"] .tn-grad').count()).toBe(1);
    expect(await text(page, '.tn-params tr[data-param="c"] .tn-next-cell')).toBe("");

    await page.keyboard.press("End");
    expect(await tnStep(page)).toBe(19);
    const [before, after] = (await text(page, ".tn-numbers")).match(/\d\.\d{4}/g)!.map(Number);
    expect(after).toBeLessThan(before);
    expect(await page.locator(".tn-grad[data-grad]").count()).toBe(5); // ∂ on every card but L's
    expect(await text(page, '.tn-params tr[data-param="c"] .tn-next-cell')).toMatch(/^−?\d\.\d{3}$/);
    expect(await page.locator(".tn-params tr.tn-hot-row").count()).toBe(9);

    await page.getByRole("button", { name: "Start over" }).click();
    expect(await tnStep(page)).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  test.each([1280, 390])("at %d px every step's formula breaks only between its pieces, and the update rule stays on one line", async (width) => {
    const { page, problems } = await openIsland("09-backpropagation/", ".tn", { width, height: 900 });
    await page.getByLabel("step", { exact: true }).focus();
    await page.keyboard.press("Home");
    for (let k = 0; k <= 19; k++) {
      expect(await tnStep(page)).toBe(k);
      const lines = await page.$$eval(".tn-formula .tn-piece", (pieces) =>
        pieces.map((p) => ({ text: p.textContent, lines: new Set([...p.getClientRects()].map((r) => Math.round(r.top))).size })),
      );
      expect(lines.filter((p) => p.lines !== 1)).toEqual([]);
      // and no piece runs out of the panel
      expect(await page.$eval(".tn-formula", (f) => f.scrollWidth <= f.clientWidth)).toBe(true);
      if (k === 19) expect(lines.map((p) => p.text)).toContain("w ← w − η·∂L/∂w,");
      await page.keyboard.press("ArrowRight");
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  test("touch, on a 375-px phone: Next and Back by tapping, and nothing scrolls sideways", async () => {
    const { page, problems } = await openIsland("09-backpropagation/", ".tn", PHONE);
    expect(await noSideScroll(page)).toBe(true);
    await page.getByRole("button", { name: "Next" }).tap();
    await page.getByRole("button", { name: "Next" }).tap();
    expect(await tnStep(page)).toBe(2);
    await page.getByRole("button", { name: "Back" }).tap();
    expect(await text(page, ".tn-symbols")).toBe("z₁ = x₁·w₁₁ + x₂·w₂₁ + b₁");
    expect(problems).toEqual([]);
    await page.close();
  });
});
