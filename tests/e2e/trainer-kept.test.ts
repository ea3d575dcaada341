/**
 * The trainer's network and runs, kept: the defaults' epoch time in
 * Chromium, the trained network reaching the code cells, comparison runs
 * surviving a reload, and a saved file loading back to the same predictions.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Sequential, loadMnist, unpackTrained } from "nnfs";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, openIsland } from "./pages.ts";
import { cellAt, run } from "./cell-helpers.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch();
});
afterAll(async () => chrome?.close());

const PROBE = [
  'import { loadMnist, evaluate, trainedNetwork } from "nnfs";',
  "const m = await loadMnist();",
  "const t = trainedNetwork();",
  "console.log(t.about);",
  "console.log(evaluate(t, m.test.X, m.test.y).accuracy);",
].join("\n");

describe("the trainer's network, kept", () => {
  test("an epoch of the defaults takes under half a second, and the cells read the network just trained", async () => {
    const { page, problems } = await openIsland(chrome.browser, "10-training-on-digits/", "[data-trainer]");
    const before = await run(cellAt(page, 0), PROBE, 60_000);
    expect(before.output).toContain("trainedNetwork: no trained network yet: press Train in chapter 10");

    const t = page.locator("[data-trainer]").first();
    await t.scrollIntoViewIfNeeded();
    await page.evaluate(() => {
      const w = window as unknown as { epochAt: [number, number][] };
      w.epochAt = [];
      const el = document.querySelector("[data-trainer]")!;
      // Each change of data-epoch, with the epoch it names: under load two epochs may reach the page in one render.
      new MutationObserver(() => w.epochAt.push([Number(el.getAttribute("data-epoch")), performance.now()])).observe(el, { attributes: true, attributeFilter: ["data-epoch"] });
    });
    await t.getByRole("button", { name: "Train", exact: true }).click();
    await page.locator("[data-trainer][data-state=done]").waitFor({ timeout: 60_000 });
    const at = await page.evaluate(() => (window as unknown as { epochAt: [number, number][] }).epochAt);
    const [first, last] = [at[0], at.at(-1)!];
    expect(last[0]).toBe(10); // the last change names epoch 10 (Reset is not pressed)
    expect(at.length).toBeGreaterThanOrEqual(5); // the epochs reach the page as they end, not all at once
    const perEpoch = (last[1] - first[1]) / (last[0] - first[0]) / 1000; // from the first epoch seen to the last, batching delays cancel out
    console.log(`seconds per epoch in Chromium: ${perEpoch.toFixed(3)}`);
    expect(perEpoch).toBeLessThanOrEqual(0.5);
    await t.locator(".tr-test-accuracy").waitFor({ timeout: 10_000 });

    const after = await run(cellAt(page, 0), PROBE, 60_000);
    expect(after.state).toBe("ok");
    expect(after.output.trim().split("\n")).toEqual(["SGD, lr 0.2, batch 32, 10 epochs, 128 hidden, seed 1", "0.946"]);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);

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
