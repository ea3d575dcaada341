/**
 * The trainer's runs and networks, kept: comparison runs surviving a reload,
 * and a saved file loading back to the same predictions. (The network just
 * trained reaching the cells is in islands-10-11.test.ts; how long an epoch
 * takes in Chromium is a benchmark's figure: npm run bench:browser.)
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Sequential, loadMnist, unpackTrained } from "nnfs";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, openIsland } from "./pages.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch();
});
afterAll(async () => chrome?.close());

describe("the trainer's network, kept", () => {
  test("comparison runs survive a reload; Reset forgets them", async () => {
    const { page, problems } = await openIsland(chrome.browser, "11-training-better/", ".tr-compare");
    const t = page.locator(".tr-compare");
    await t.getByLabel("Epochs").selectOption("1");
    await t.getByLabel("Hidden neurons").selectOption("16");
    await t.getByRole("button", { name: "Train", exact: true }).click();
    await page.locator(".tr-compare[data-state=done]").waitFor({ timeout: 90_000 });
    await t.locator(".tr-table tbody tr").nth(2).locator("td").nth(1).filter({ hasText: "%" }).waitFor({ timeout: 10_000 });
    const table = await t.locator(".tr-table tbody").innerText();

    await page.reload({ waitUntil: "networkidle" });
    await t.scrollIntoViewIfNeeded();
    await t.locator("[role=status]", { hasText: /^Your last comparison \(3 runs\), kept in this browser/ }).waitFor({ timeout: 20_000 });
    expect(await t.locator(".tr-table tbody").innerText()).toBe(table);
    expect(await t.getByLabel("Hidden neurons").inputValue()).toBe("16");
    await t.locator(".u-legend .u-series").nth(3).waitFor({ timeout: 10_000 }); // the chart: x and three runs

    await t.getByRole("button", { name: "Reset" }).click();
    expect(await t.getAttribute("data-state")).toBe("idle");
    await page.reload({ waitUntil: "networkidle" });
    await t.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !document.querySelector(".tr-compare")?.closest("astro-island")?.hasAttribute("ssr"));
    expect(await t.getAttribute("data-state")).toBe("idle");
    expect(await t.locator(".tr-table").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 240_000);

  test("a saved file loads back to a network with the same answers for every test digit", async () => {
    // Start with no kept network: the 10 epochs trained above test better than this 1 epoch, and would stay kept.
    const blank = await chrome.browser.newPage();
    await blank.goto(baseUrl());
    await blank.evaluate(() => localStorage.removeItem("nnfs:trained-digits"));
    await blank.close();
    const { page, problems } = await openIsland(chrome.browser, "11-training-better/", ".tr:not(.tr-compare)");
    const t = page.locator(".tr:not(.tr-compare)");
    await t.getByLabel("Epochs").selectOption("1");
    await t.getByRole("button", { name: "Train", exact: true }).click();
    await t.locator(".tr-test-accuracy").waitFor({ timeout: 60_000 });
    const kept = await page.evaluate(() => localStorage.getItem("nnfs:trained-digits"));
    const [download] = await Promise.all([page.waitForEvent("download"), t.getByRole("button", { name: "Save network" }).click()]);
    const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");

    await t.getByRole("button", { name: "Reset" }).click();
    await t.locator("input[type=file]").setInputFiles({ name: "digits-network.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await t.locator("[role=status]", { hasText: /^Loaded: test accuracy/ }).waitFor({ timeout: 30_000 });
    const reloaded = await page.evaluate(() => localStorage.getItem("nnfs:trained-digits"));

    const { test: digits } = await loadMnist();
    const trained = unpackTrained(kept!).network.predict(digits.X);
    expect(Sequential.fromJSON(text).predict(digits.X)).toEqual(trained); // the file
    expect(unpackTrained(reloaded!).network.predict(digits.X)).toEqual(trained); // the network kept after loading it
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
