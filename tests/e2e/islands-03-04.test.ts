/** The islands of chapters 3 and 4, driven in Chromium by mouse, touch and keyboard. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, openIsland as openIslandIn, type WatchedPage } from "./pages.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch({ hasTouch: true }); // touch as well as a mouse, like a laptop with a touch screen
});
afterAll(async () => chrome?.close());

const openIsland = (path: string, selector: string, viewport?: { width: number; height: number }): Promise<WatchedPage> =>
  openIslandIn(chrome.browser, path, selector, viewport);

const text = async (page: Page, selector: string) => (await page.locator(selector).first().innerText()).trim();
const z = (i: number, j: number) => `.mp-result[data-i="${i}"][data-j="${j}"]`;
const usedIn = (page: Page, m: "X" | "W") =>
  page.$$eval(`.mp-entry.mp-used[data-m="${m}"]`, (els) => els.map((e) => `${e.dataset.r},${e.dataset.c}`));
const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);

describe("chapter 3: the matrix product", () => {
  test("mouse: pointing at an output shows its row of X, its column of W and their sum; edits flow through", async () => {
    const { page, problems } = await openIsland("03-layers-and-batches/", ".mp");
    expect(await text(page, z(0, 0))).toBe("2.8");
    expect(await text(page, z(0, 1))).toBe("−1.79");

    await page.hover(z(1, 2));
    expect(await text(page, ".mp-eq")).toBe("= −0.3");
    expect(await text(page, ".mp-sr")).toBe("2 × (−0.26) + 5 × (−0.27) + −1 × 0.17 + 2 × 0.87 = −0.3");
    expect(await usedIn(page, "X")).toEqual(["1,0", "1,1", "1,2", "1,3"]);
    expect(await usedIn(page, "W")).toEqual(["0,2", "1,2", "2,2", "3,2"]);

    // Doubling the first input adds 1 × 0.2 to Z(0, 0): 3, and leaves other samples alone.
    await page.getByLabel("X row 1, column 1").fill("2");
    expect(await text(page, z(0, 0))).toBe("3");
    expect(await text(page, z(1, 0))).toBe("6.9");

    // Half-typed numbers show as a dash, only where they are used.
    await page.getByLabel("W row 2, column 2").fill("-");
    expect(await page.getByLabel("W row 2, column 2").getAttribute("aria-invalid")).toBe("true");
    expect(await text(page, z(0, 1))).toBe("—");
    expect(await text(page, z(0, 0))).toBe("3");

    // A fourth sample: Z grows a row, [0.5, −1, 1.5, 3]·column 1 of W = 1.55.
    await page.hover(z(2, 2));
    await page.getByRole("button", { name: "Add a sample" }).click();
    expect(await text(page, ".mp-z .mp-label")).toBe("Z = X·W [4×3]");
    expect(await text(page, z(3, 0))).toBe("1.55");
    expect(await page.getByRole("button", { name: "Add a sample" }).isDisabled()).toBe(true);

    // Down to one neuron: the selection (column 3) moves to the one column left.
    await page.getByRole("button", { name: "Remove a neuron" }).click();
    await page.getByRole("button", { name: "Remove a neuron" }).click();
    expect(await text(page, ".mp-z .mp-label")).toBe("Z = X·W [4×1]");
    expect(await text(page, ".mp-readout-head")).toBe("Z row 3, column 1 = row 3 of X · column 1 of W");
    expect(await page.locator(".mp-result").count()).toBe(4);

    await page.locator(".mp-reset").click();
    expect(await text(page, ".mp-z .mp-label")).toBe("Z = X·W [3×3]");
    expect(await text(page, z(0, 0))).toBe("2.8");
    expect(await text(page, z(0, 1))).toBe("−1.79");
    expect(problems).toEqual([]);
    await page.close();
  });

  test("keyboard: tab to Z, arrows move between its entries", async () => {
    const { page } = await openIsland("03-layers-and-batches/", ".mp");
    // The last field of X, then Tab: the selected entry of Z is the one tab stop in it.
    await page.getByLabel("X row 3, column 4").focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Z row 1, column 1: 2.8");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown"); // stays on the last row
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Z row 3, column 2: −1.949");
    expect(await page.locator(z(2, 1)).getAttribute("aria-pressed")).toBe("true");
    expect(await text(page, ".mp-readout-head")).toBe("Z row 3, column 2 = row 3 of X · column 2 of W");
    expect(await usedIn(page, "X")).toEqual(["2,0", "2,1", "2,2", "2,3"]);
    await page.keyboard.press("Home");
    expect(await text(page, ".mp-eq")).toBe("= −0.59");
    await page.close();
  });

  test("touch, on a 375-px phone: a tap selects an output, and nothing scrolls sideways", async () => {
    const { page, problems } = await openIsland("03-layers-and-batches/", ".mp", { width: 375, height: 740 });
    expect(await noSideScroll(page)).toBe(true);
    await page.locator(z(0, 2)).scrollIntoViewIfNeeded();
    await page.tap(z(0, 2));
    expect(await page.locator(z(0, 2)).getAttribute("aria-pressed")).toBe("true");
    expect(await text(page, ".mp-eq")).toBe("= 1.885");
    expect(await usedIn(page, "W")).toEqual(["0,2", "1,2", "2,2", "3,2"]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

/** Where x lies on the plot, in page pixels: the plot spans x = −10…10 between 34 and 310 of its 320-unit viewBox. */
async function plotPoint(page: Page, x: number): Promise<{ x: number; y: number }> {
  const box = (await page.locator(".sp-plot").boundingBox())!;
  const unit = box.width / 320;
  return { x: box.x + (34 + ((x + 10) / 20) * 276) * unit, y: box.y + box.height / 2 };
}

const readout = async (page: Page) => ({
  z: Number(await page.locator(".sp-calc").getAttribute("data-z")),
  y: Number(await page.locator(".sp-calc").getAttribute("data-y")),
});

describe("chapter 4: the sigmoid plot", () => {
  test("keyboard: the sliders set w, b and x, and the readout follows", async () => {
    const { page, problems } = await openIsland("04-activation-the-sigmoid/", ".sp");
    expect(await text(page, ".sp-y")).toBe("0.881"); // σ(1·2 + 0)

    await page.getByLabel("weight w").focus();
    for (let k = 0; k < 10; k++) await page.keyboard.press("ArrowRight"); // w: 1 → 2
    await page.getByLabel("bias b").focus();
    for (let k = 0; k < 12; k++) await page.keyboard.press("ArrowLeft"); // b: 0 → −6
    expect(await text(page, ".sp-desc")).toContain("crossing ½ at x = −b/w = 3");
    expect((await readout(page)).z).toBe(-2);
    expect((await readout(page)).y).toBeCloseTo(1 / (1 + Math.exp(2)), 12);
    expect(await text(page, ".sp-y")).toBe("0.119");

    await page.getByLabel("input x").focus();
    for (let k = 0; k < 10; k++) await page.keyboard.press("ArrowRight"); // x: 2 → 3
    expect(await text(page, ".sp-y")).toBe("0.5");

    await page.getByLabel("weight w").focus();
    await page.keyboard.press("Home"); // w = −5: the curve falls
    expect(await text(page, ".sp-desc")).toMatch(/falls from 1 to 0, crossing ½ at x = −b\/w = −1\.2; almost a step, going from 0\.9 to 0\.1 over/);

    await page.getByRole("button", { name: "Back to σ(x)" }).click();
    expect((await readout(page)).z).toBe(2);
    expect((await readout(page)).y).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("the legend names the dashed σ(x) only while it can be seen: not at the start, nor without JavaScript", async () => {
    const legend = (page: Page) => text(page, ".sp-legend");
    const noScript = await chrome.browser.browser()!.newContext({ javaScriptEnabled: false });
    const still = await noScript.newPage();
    await still.goto(`${baseUrl()}04-activation-the-sigmoid/`, { waitUntil: "load" });
    expect(await still.locator(".sp-curve").count()).toBe(1);
    expect(await still.locator(".sp-ref").count()).toBe(0);
    expect(await legend(still)).not.toContain("for comparison");
    await noScript.close();

    const { page, problems } = await openIsland("04-activation-the-sigmoid/", ".sp");
    expect(await page.locator(".sp-ref").count()).toBe(0);
    expect(await legend(page)).not.toContain("for comparison");
    await page.getByLabel("weight w").focus();
    await page.keyboard.press("ArrowRight"); // w: 1 → 1.1, and the curves part
    await page.locator(".sp-ref").waitFor();
    expect(await legend(page)).toContain("σ(x), for comparison");
    await page.getByRole("button", { name: "Back to σ(x)" }).click();
    await page.locator(".sp-ref").waitFor({ state: "detached" });
    expect(await legend(page)).not.toContain("for comparison");
    expect(problems).toEqual([]);
    await page.close();
  });

  test("mouse: a click on the plot moves the probe there, and a drag carries it along", async () => {
    const { page } = await openIsland("04-activation-the-sigmoid/", ".sp");
    const at = await plotPoint(page, -3);
    await page.mouse.click(at.x, at.y);
    expect(await page.getByLabel("input x").inputValue()).toBe("-3");
    expect((await readout(page)).y).toBeCloseTo(1 / (1 + Math.exp(3)), 9);

    const from = await plotPoint(page, -5);
    const to = await plotPoint(page, 5);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    expect(await page.getByLabel("input x").inputValue()).toBe("5");
    expect(await text(page, ".sp-y")).toBe("0.993");
    await page.close();
  });

  test.each([390, 1280])("at %i px the title's and the readout's formulas are each on one line", async (width) => {
    const { page, problems } = await openIsland("04-activation-the-sigmoid/", ".sp", { width, height: 900 });
    await page.getByLabel("bias b").focus();
    for (let k = 0; k < 3; k++) await page.keyboard.press("ArrowLeft"); // b: 0 → −1.5, the curve crosses ½ at x = 1.5
    expect(await text(page, ".sp-desc")).toContain("crossing ½ at x = −b/w = 1.5;");
    const formulas = await page.locator(".sp-formula").evaluateAll((els) =>
      els.map((el) => ({ text: el.textContent, lines: new Set(Array.from(el.getClientRects(), (r) => Math.round(r.top))).size })),
    );
    expect(formulas.map((f) => f.text)).toEqual(["y = σ(w·x + b)", "x = −b/w = 1.5"]);
    for (const f of formulas) expect(f.lines, `${width} px: ${f.text}`).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("touch, on a 375-px phone: a tap on the plot moves the probe, and nothing scrolls sideways", async () => {
    const { page, problems } = await openIsland("04-activation-the-sigmoid/", ".sp", { width: 375, height: 740 });
    expect(await noSideScroll(page)).toBe(true);
    await page.locator(".sp-plot").scrollIntoViewIfNeeded();
    const at = await plotPoint(page, 0);
    await page.touchscreen.tap(at.x, at.y);
    expect(await page.getByLabel("input x").inputValue()).toBe("0");
    expect(await text(page, ".sp-y")).toBe("0.5");
    expect(problems).toEqual([]);
    await page.close();
  });
});
