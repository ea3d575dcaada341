/**
 * The trainer of chapters 10 and 11 in Chromium: real training in a Web
 * Worker on the 8,000 training digits, with the page kept responsive.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, openIsland as openIslandIn, type WatchedPage } from "./pages.ts";
import { blockingTasks, watchMainThread } from "./main-thread.ts";
import { cellAt, run } from "./cell-helpers.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch({ typeService: "stand-in" }); // the notebook, not types: chromium.ts
});
afterAll(async () => chrome?.close());

const CH10 = "10-training-on-digits/";
const openIsland = (path: string, selector: string, viewport?: { width: number; height: number }): Promise<WatchedPage> =>
  openIslandIn(chrome.browser, path, selector, viewport);

/** A cell that reads the network the trainer kept, as a reader would. */
const PROBE = [
  'import { loadMnist, evaluate, trainedNetwork } from "nnfs";',
  "const m = await loadMnist();",
  "const t = trainedNetwork();",
  "console.log(t.about);",
  "console.log(evaluate(t, m.test.X, m.test.y).accuracy);",
].join("\n");

const trainer = (page: Page, nth = 0) => page.locator("[data-trainer]").nth(nth);
const attr = async (page: Page, name: string, nth = 0) => trainer(page, nth).getAttribute(name);

/** A mouse drag through points given as fractions of the element's box. */
async function mouseDrag(page: Page, selector: string, points: [number, number][]) {
  const box = (await page.locator(selector).boundingBox())!;
  const at = ([fx, fy]: [number, number]) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps: 4 });
  await page.mouse.up();
}

describe("chapter 10: the trainer", () => {
  // The epoch at which validation passes 95 % is held in Node (tests/components/islands/trainer-run.test.ts);
  // here, the same run in Chromium, on its WebAssembly kernels, ends with the same numbers.
  test("the defaults train in a worker to the same accuracies as in Node, epoch by epoch, never blocking the page; the cells and the drawing pad read the network", async () => {
    const { page, problems } = await openIsland(CH10, "[data-trainer]");
    const before = await run(cellAt(page, 0), PROBE, 60_000);
    expect(before.output).toContain("trainedNetwork: no trained network yet: press Train in chapter 10");
    const t = trainer(page);
    await t.scrollIntoViewIfNeeded();
    expect(await attr(page, "data-state")).toBe("idle");
    expect(await page.getByRole("button", { name: "Stop" }).first().isDisabled()).toBe(true);
    await page.evaluate(() => {
      const w = window as unknown as { epochs: number[] };
      w.epochs = [];
      const el = document.querySelector("[data-trainer]")!;
      // Each change of data-epoch, with the epoch it names: under load two epochs may reach the page in one render.
      new MutationObserver(() => w.epochs.push(Number(el.getAttribute("data-epoch")))).observe(el, { attributes: true, attributeFilter: ["data-epoch"] });
    });
    await watchMainThread(page);

    await t.getByRole("button", { name: "Train", exact: true }).click();
    expect(await attr(page, "data-state")).toBe("training");
    await page.locator("[data-trainer][data-state=done]").waitFor({ timeout: 60_000 });
    await t.locator(".tr-test-accuracy").waitFor({ timeout: 10_000 });
    expect(await blockingTasks(page)).toEqual([]);
    const epochs = await page.evaluate(() => (window as unknown as { epochs: number[] }).epochs);
    expect(epochs.at(-1)).toBe(10);
    expect(epochs.length).toBeGreaterThanOrEqual(5); // the epochs reach the page as they end, not all at once
    expect(epochs).toEqual([...epochs].sort((a, b) => a - b)); // in order

    expect(await attr(page, "data-epoch")).toBe("10");
    expect(Number(await attr(page, "data-val-accuracy"))).toBeGreaterThanOrEqual(0.95);
    // The same numbers as in Node: the seeded run is the same everywhere.
    expect(await t.locator(".tr-test-accuracy").innerText()).toBe("94.6 %");
    expect(await t.locator("[role=status]").innerText()).toMatch(/^Done: 10 epochs in [\d.]+ s on wasm-relaxed-simd; test accuracy 94\.6 %\.$/);
    expect(await t.locator(".tr-wrong li").count()).toBe(24);
    expect(await t.locator(".tr-wrong canvas").first().getAttribute("aria-label")).toMatch(/^A \d, read as \d$/);
    expect(await t.locator(".tr-chart canvas").count()).toBe(2); // uPlot drew both charts
    // With no cursor on them, the legends keep each curve's last value (a dash only where a curve has no point).
    await page.waitForFunction(() => [...document.querySelectorAll("[data-trainer] .u-legend .u-value")].every((v) => /^\d/.test(v.textContent ?? "")), undefined, { timeout: 10_000 });
    const legend = await t.locator(".u-legend .u-value").allInnerTexts();
    expect(legend).toHaveLength(6); // epoch and two curves, on each chart
    expect(legend[0]).toBe("10.00");
    expect(legend[5]).toBe((100 * Number(await attr(page, "data-val-accuracy"))).toFixed(1));

    // The drawing pad below reads with the network just trained.
    const pad = page.locator(".dd").filter({ hasText: "your trained network reads it" });
    await pad.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !document.querySelector(".dd")?.closest("astro-island")?.hasAttribute("ssr"));
    await mouseDrag(page, ".dd-canvas", [[0.5, 0.15], [0.5, 0.5], [0.5, 0.85]]); // a 1
    const outputs = (await pad.locator(".dd-bars").getAttribute("data-outputs"))!.split(" ").map(Number);
    expect(outputs).toHaveLength(10);
    expect(outputs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
    expect(await pad.locator(".dd-answer").innerText()).toMatch(/^It reads a \d \(\d+ %\)/);
    expect(await pad.locator(".dd-about").innerText()).toBe("The network: SGD, lr 0.2, batch 32, 10 epochs, 128 hidden, seed 1.");

    // So do the cells: the network just trained, with the same test accuracy.
    const after = await run(cellAt(page, 0), PROBE, 60_000);
    expect(after.state).toBe("ok");
    expect(after.output.trim().split("\n")).toEqual(["SGD, lr 0.2, batch 32, 10 epochs, 128 hidden, seed 1", "0.946"]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("Stop ends training mid-epoch; Reset goes back to the start", async () => {
    const { page, problems } = await openIsland(CH10, "[data-trainer]");
    const t = trainer(page);
    await t.getByLabel("Epochs").selectOption("30");
    await t.getByLabel("Batch size").selectOption("8");
    await t.getByRole("button", { name: "Train", exact: true }).click();
    // Part-way through the second epoch or later (an epoch on the fast kernels can pass between two polls).
    await page.waitForFunction(() => {
      const el = document.querySelector("[data-trainer]")!;
      const bar = el.querySelector("progress")!;
      return Number(el.getAttribute("data-epoch")) >= 1 && bar.value > 1.3 / 30;
    }, undefined, { timeout: 20_000, polling: 20 });
    const epochAtStop = Number(await attr(page, "data-epoch"));
    await t.getByRole("button", { name: "Stop" }).click();
    await page.locator("[data-trainer][data-state=stopped]").waitFor({ timeout: 10_000 });
    // Stop ends the epoch under way, not the run after it: at most the epoch the worker was
    // in when Stop reached it is finished (an epoch on the fast kernels is a fraction of a second).
    const finished = Number(await attr(page, "data-epoch"));
    expect(finished).toBeGreaterThanOrEqual(Math.max(1, epochAtStop));
    expect(finished).toBeLessThanOrEqual(epochAtStop + 1);
    expect(finished).toBeLessThan(30);
    await page.waitForTimeout(500);
    expect(Number(await attr(page, "data-epoch"))).toBe(finished); // nothing goes on in the background
    // The network as it was is measured on the test digits and kept.
    const epochs = `${finished} full epoch${finished === 1 ? "" : "s"}`;
    await t.locator("[role=status]", { hasText: new RegExp(`^Stopped after ${epochs} in [\\d.]+ s on wasm-relaxed-simd; test accuracy \\d+\\.\\d %\\.$`) }).waitFor({ timeout: 10_000 });
    expect(await t.getByRole("button", { name: "Train", exact: true }).isEnabled()).toBe(true);

    await t.getByRole("button", { name: "Reset" }).click();
    expect(await attr(page, "data-state")).toBe("idle");
    expect(await attr(page, "data-epoch")).toBe("0");
    expect(await t.getByLabel("Epochs").inputValue()).toBe("10");
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("chapter 11: comparison, saving and loading", () => {
  const CH11 = "11-training-better/";

  test("comparison mode trains three runs one after another and overlays their training losses and validation curves", async () => {
    const { page, problems } = await openIsland(CH11, ".tr-compare");
    const t = page.locator(".tr-compare");
    await t.getByLabel("Epochs").selectOption("1");
    await t.getByLabel("Hidden neurons").selectOption("16");
    await t.getByRole("button", { name: "Train", exact: true }).click();
    await page.locator(".tr-compare[data-state=done]").waitFor({ timeout: 60_000 });
    await t.locator(".tr-table tbody tr").nth(2).locator("td").nth(1).filter({ hasText: "%" }).waitFor({ timeout: 10_000 });
    expect(await t.locator(".tr-table tbody tr").count()).toBe(3);
    expect(await t.locator(".tr-table tbody th").allInnerTexts()).toEqual(["SGD, lr 0.2", "SGD with momentum, lr 0.02", "Adam, lr 0.001"]);
    expect(await t.locator(".u-legend .u-series").count()).toBe(8); // x and three runs, on each chart
    expect(await t.locator(".tr-chart[role=img]").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")!.split(".")[0]))).toEqual([
      "Training loss of each run by epoch",
      "Validation accuracy of each run by epoch",
    ]);
    await page.waitForFunction(() => [...document.querySelectorAll(".tr-compare .u-legend .u-value")].every((v) => /^\d/.test(v.textContent ?? "")), undefined, { timeout: 10_000 });
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000); // three training runs: generous, for a busy machine

  test("save downloads the network; loading it back gives the same test accuracy; a damaged file changes nothing", async () => {
    // Start with no kept network: the 10 epochs trained above test better than this 1 epoch, and would stay kept.
    const blank = await chrome.browser.newPage();
    await blank.goto(baseUrl());
    await blank.evaluate(() => localStorage.removeItem("nnfs:trained-digits"));
    await blank.close();
    const { page, problems } = await openIsland(CH11, ".tr:not(.tr-compare)");
    const t = page.locator(".tr:not(.tr-compare)");
    await t.getByLabel("Epochs").selectOption("1");
    await t.getByRole("button", { name: "Train", exact: true }).click();
    await t.locator(".tr-test-accuracy").waitFor({ timeout: 60_000 });
    const trained = await t.locator(".tr-test-accuracy").innerText();
    expect(await t.locator(".tr-kept").innerText()).toBe("Kept: SGD, lr 0.2, batch 32, 1 epoch, 128 hidden, seed 1.");

    const [download] = await Promise.all([page.waitForEvent("download"), t.getByRole("button", { name: "Save network" }).click()]);
    expect(download.suggestedFilename()).toBe("digits-network.json");
    const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
    expect(JSON.parse(text)).toMatchObject({ format: "nnfs-sequential", about: "SGD, lr 0.2, batch 32, 1 epoch, 128 hidden, seed 1" });

    const input = t.locator("input[type=file]");
    // A damaged file: a clear error, and the kept network is still the trained one.
    await input.setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(text.slice(0, 1000)) });
    expect(await t.getByRole("alert").innerText()).toMatch(/^broken\.json: This file is not JSON.*Nothing was changed\.$/);
    expect(await t.locator(".tr-test-accuracy").innerText()).toBe(trained);
    expect(await t.locator(".tr-kept").innerText()).toBe("Kept: SGD, lr 0.2, batch 32, 1 epoch, 128 hidden, seed 1.");

    // The saved file, loaded back: measured on the test digits, the same accuracy.
    await t.getByRole("button", { name: "Reset" }).click();
    await input.setInputFiles({ name: "digits-network.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await t.locator("[role=status]", { hasText: /^Loaded: test accuracy/ }).waitFor({ timeout: 30_000 });
    expect(await t.locator(".tr-test-accuracy").innerText()).toBe(trained);
    expect(await t.getByRole("alert").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
