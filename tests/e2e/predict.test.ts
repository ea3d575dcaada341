/**
 * "Predict, then run" in the page: the output waits until the reader runs the
 * cell or presses Show me, the guess survives a reload, everything works from
 * the keyboard, and without JavaScript nothing is hidden.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, openPage } from "./pages.ts";

let chrome: Launched;
const chapter1 = () => `${baseUrl()}01-why-neural-networks/`;

beforeAll(async () => {
  chrome = await launch();
});
afterAll(async () => chrome?.close());

describe("predict, then run", () => {
  test("the output is hidden until Show me; the guess and the reveal survive a reload", async () => {
    const { page, problems } = await openPage(chrome.browser, chapter1());
    await page.evaluate(() => localStorage.clear());
    await page.reload({ waitUntil: "networkidle" });
    const predict = page.locator('[data-predict-id="shifted-plus"]');
    const output = predict.locator(".cell-output");
    await page.waitForSelector('[data-predict-id="shifted-plus"][data-pending]', { state: "attached" });
    expect(await output.isVisible()).toBe(false);

    // The reader chooses with the keyboard: Tab to the group, arrows within it.
    await predict.getByRole("radio", { name: "a plus sign" }).focus();
    await page.keyboard.press("ArrowDown");
    expect(await predict.getByRole("radio", { name: "something else" }).isChecked()).toBe(true);
    expect(await predict.locator("[data-predict-feedback]").textContent()).toContain("Your guess: “something else”");
    expect(await output.isVisible()).toBe(false);

    await predict.getByRole("button", { name: "Show me" }).click();
    expect(await output.isVisible()).toBe(true);
    expect(await output.textContent()).toContain("something else");
    expect(await predict.locator("[data-predict-feedback]").textContent()).toBe("You predicted “something else”: right.");
    expect(await predict.getByRole("button", { name: "Show me" }).isVisible()).toBe(false);

    await page.reload({ waitUntil: "networkidle" });
    await page.waitForFunction(() => document.querySelector('[data-predict-id="shifted-plus"] [data-predict-feedback]')?.textContent === "You predicted “something else”: right.");
    expect(await predict.getByRole("radio", { name: "something else" }).isChecked()).toBe(true);
    expect(await output.isVisible()).toBe(true);
    // A reload cancels what the page was still loading (the cell worker): that is not a problem of the page.
    expect(problems.filter((p) => !p.includes("net::ERR_ABORTED"))).toEqual([]);
    await page.close();
  });

  test("running the cell reveals its output, and a wrong guess is told the answer", async () => {
    const { page } = await openPage(chrome.browser, chapter1());
    await page.evaluate(() => localStorage.clear());
    await page.reload({ waitUntil: "networkidle" });
    const predict = page.locator('[data-predict-id="shifted-plus"]');
    await predict.getByText("an error").click();
    await predict.scrollIntoViewIfNeeded();
    await predict.getByRole("button", { name: "Run" }).click();
    await page.waitForSelector('[data-predict-id="shifted-plus"]:not([data-pending])', { state: "attached", timeout: 20_000 });
    await page.waitForFunction(() => document.querySelector('[data-predict-id="shifted-plus"] .cell-output')?.textContent?.includes("something else"), null, { timeout: 20_000 });
    expect(await predict.locator("[data-predict-feedback]").textContent()).toBe("You predicted “an error”; the answer is “something else”.");
    await page.close();
  });

  test("without JavaScript the question and the output are both there", async () => {
    const noScript = await chrome.browser.browser()!.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(chapter1(), { waitUntil: "load" });
    const predict = page.locator('[data-predict-id="shifted-plus"]');
    expect(await predict.getByRole("radio").count()).toBe(3);
    expect(await predict.locator(".cell-output").isVisible()).toBe(true);
    expect(await predict.getByRole("button", { name: "Show me" }).isVisible()).toBe(false);
    await noScript.close();
  });
});
