/**
 * The trainer under hostile input: a network file that overflows when used,
 * has weights as text, a huge layer type or a huge size never replaces the
 * kept network, and is refused in the words of a load; a run that collapsed
 * waits for the reader's word; forced settings are refused visibly.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { launch, type Launched } from "./chromium.ts";
import { openIsland } from "./pages.ts";
import { buildModel, DEFAULTS, describeSettings, type Settings } from "../../components/islands/trainer/settings.ts";
import { modelFile } from "../../components/islands/trainer/model-file.ts";
import { shareHash } from "../../components/islands/trainer/share.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch({ acceptDownloads: true });
});
afterAll(async () => chrome?.close());

const KEY = "nnfs:trained-digits";

describe("the trainer keeps a good network against bad files and collapsed runs", () => {
  test("bad files are refused as loads and the kept network stays; a collapsed run asks before replacing it", async () => {
    const { page, problems } = await openIsland(chrome.browser, "11-training-better/", ".tr:not(.tr-compare)");
    const t = page.locator(".tr:not(.tr-compare)");
    await t.getByLabel("Epochs").selectOption("1");
    await t.getByRole("button", { name: "Train", exact: true }).click();
    await t.locator(".tr-test-accuracy").waitFor({ timeout: 60_000 });
    const kept = await page.evaluate((k) => localStorage.getItem(k), KEY);
    const keptLine = await t.locator(".tr-kept").innerText();
    const [download] = await Promise.all([page.waitForEvent("download"), t.getByRole("button", { name: "Save network" }).click()]);
    const good = JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8"));

    const dir = mkdtempSync(path.join(tmpdir(), "nnfs-trainer-"));
    const input = t.locator("input[type=file]");
    const refused = async (name: string, content: string | Buffer) => {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      await input.setInputFiles(file);
      const alert = t.locator(".tr-files [role=alert]", { hasText: name });
      await alert.waitFor({ timeout: 60_000 });
      const text = await alert.innerText();
      expect(text).toMatch(/Nothing was changed\.$/);
      expect(text.length).toBeLessThan(1_000);
      expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(kept);
      expect(await t.locator(".tr-kept").innerText()).toBe(keptLine);
      expect(await t.locator(".tr-status").innerText()).not.toMatch(/Training failed/);
      return text;
    };
    const overflow = structuredClone(good);
    overflow.layers[0].W = overflow.layers[0].W.map(() => 3e38);
    expect(await refused("overflow.json", JSON.stringify(overflow))).toMatch(/^overflow\.json: This network cannot read digits: on the first 16 test digits/);
    const strings = structuredClone(good);
    strings.layers[0].W[0] = "0.1";
    expect(await refused("strings.json", JSON.stringify(strings))).toMatch(/W\[0\] is "0\.1", not a number/);
    const typed = structuredClone(good);
    typed.layers[1].type = "z".repeat(5_000_000);
    expect(await refused("typed.json", JSON.stringify(typed))).toMatch(/5000002 characters in all/);
    expect(await refused("huge.json", Buffer.alloc(70 * 1024 * 1024, 32))).toMatch(/^huge\.json: this file is 70\.0 MB; .*up to 64\.0 MB/);

    // lr 3 collapses: the run is named, and the kept network stays until the reader says otherwise.
    await t.getByLabel("Learning rate").selectOption("3");
    await t.getByRole("button", { name: "Train", exact: true }).click();
    const offer = t.locator(".tr-keep-offer");
    await offer.waitFor({ timeout: 60_000 });
    // Said where the run is reported: right under the status line, above the charts (not below the wrong digits).
    expect(await offer.evaluate((el) => el.previousElementSibling?.classList.contains("tr-status"))).toBe(true);
    expect((await offer.boundingBox())!.y).toBeLessThan((await t.locator(".tr-charts").boundingBox())!.y);
    expect(await t.locator(".tr-summary").innerText()).toMatch(/This run's network is not kept: see above the charts\./);
    expect(await offer.innerText()).toMatch(/^This run collapsed: .*no better than a guess among 10 classes.*the kept network \(SGD, lr 0\.2, .*\) stays unless you keep this one instead\./s);
    expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(kept);
    expect(await t.locator(".tr-kept").innerText()).toBe(keptLine);
    await offer.getByRole("button", { name: "Keep this run's network instead" }).click();
    await t.locator(".tr-kept", { hasText: "lr 3" }).waitFor();
    expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).not.toBe(kept);
    expect(problems).toEqual([]);
    await page.close();
  }, 240_000);

  test("a loaded network's settings fill the menus and its link; a file that does not record them gets no link", async () => {
    const { page, problems } = await openIsland(chrome.browser, "11-training-better/", ".tr:not(.tr-compare)");
    const t = page.locator(".tr:not(.tr-compare)");
    const dir = mkdtempSync(path.join(tmpdir(), "nnfs-trainer-"));
    const load = async (name: string, about: string, s: Settings) => {
      const file = path.join(dir, name);
      writeFileSync(file, modelFile(buildModel(s).toJSON(), about));
      await t.locator("input[type=file]").setInputFiles(file);
      await t.locator(".tr-kept", { hasText: about }).waitFor({ timeout: 60_000 });
      await t.locator(".tr-status", { hasText: /^Loaded: test accuracy/ }).waitFor();
    };
    // A file the trainer saved: its about line records every setting.
    const s: Settings = { ...DEFAULTS, optimizer: "momentum", lr: 0.02, batchSize: 64, epochs: 3, hidden: 64, seed: 7, weightDecay: 1e-4, lrDecay: 0.9, shift: true };
    await t.getByLabel("Hidden neurons").selectOption("256");
    await t.getByRole("button", { name: "Link to these choices" }).click(); // no run shown yet: the link is of the menus
    await load("saved.json", describeSettings(s), s);
    expect(await t.locator(".tr-share-link").count()).toBe(0); // the link made before described another network
    const menus = { Optimizer: "momentum", "Learning rate": "0.02", "Batch size": "64", Epochs: "3", "Hidden neurons": "64", Seed: "7", "L2 (λ)": "0.0001", "Rate decay per epoch": "0.9", Digits: "small" };
    // A menu's name is its label and then the value it shows ("Epochs 3"), so match the label's start.
    const menu = (label: string) => t.getByLabel(new RegExp(`^${label.replace(/[()]/g, "\\$&")}`));
    for (const [label, value] of Object.entries(menus)) expect(await menu(label).inputValue(), label).toBe(value);
    expect(await t.getByLabel("Shift digits by up to a pixel").isChecked()).toBe(true);
    expect(await t.locator(".tr-link-note").innerText()).toMatch(/^The choices above are the loaded network's/);
    await t.getByRole("button", { name: "Link to this run" }).click();
    expect((await t.locator(".tr-share-link").inputValue()).endsWith(shareHash(s))).toBe(true);

    // A file written elsewhere, with the same network: its about line says nothing of how it was trained.
    await load("mine.json", "my own network", s);
    expect(await t.getByRole("button", { name: "Link to this run" }).isDisabled()).toBe(true);
    expect(await t.locator(".tr-share-link").count()).toBe(0);
    expect(await t.locator(".tr-link-note").innerText()).toMatch(/^The loaded network's file does not say how it was trained, so the choices above are not its, and there is no link to its run\.$/);
    // The next run is a network the choices describe: its link is offered again.
    await t.getByLabel("Epochs").selectOption("1");
    await t.getByRole("button", { name: "Train", exact: true }).click();
    await t.locator(".tr-test-accuracy").waitFor({ timeout: 60_000 });
    expect(await t.getByRole("button", { name: "Link to this run" }).isDisabled()).toBe(false);
    expect(await t.locator(".tr-link-note").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);

  test("the link replays the run shown, not the menus changed since; a stopped run is saved and linked as the epochs it finished", async () => {
    const { page, problems } = await openIsland(chrome.browser, "11-training-better/", ".tr:not(.tr-compare)");
    const t = page.locator(".tr:not(.tr-compare)");
    const menu = (label: string) => t.getByLabel(new RegExp(`^${label}`));
    await menu("Epochs").selectOption("30");
    await menu("Hidden neurons").selectOption("16");
    await menu("Batch size").selectOption("8");
    await t.getByRole("button", { name: "Train", exact: true }).click();
    await page.waitForFunction(() => {
      const el = document.querySelector(".tr:not(.tr-compare)")!;
      return Number(el.getAttribute("data-epoch")) >= 2 && el.querySelector("progress")!.value > 2.3 / 30;
    }, undefined, { timeout: 60_000, polling: 20 });
    await t.getByRole("button", { name: "Stop" }).click();
    await t.locator(".tr-status", { hasText: /test accuracy/ }).waitFor({ timeout: 60_000 });
    const finished = Number(await t.getAttribute("data-epoch"));
    expect(finished).toBeGreaterThanOrEqual(2);
    expect(finished).toBeLessThan(30);
    const ran: Settings = { ...DEFAULTS, epochs: finished, hidden: 16, batchSize: 8, seed: Number(await menu("Seed").inputValue()) };
    // The kept network (and the drawing pad, the saved file) says the epochs finished, not the 30 planned.
    // (A network kept by an earlier test in this browser may read more validation digits: then this one waits for the reader's word.)
    if (await t.locator(".tr-keep-offer").count()) await t.locator(".tr-keep-offer").getByRole("button").click();
    await t.locator(".tr-kept", { hasText: describeSettings(ran) }).waitFor();
    await t.getByRole("button", { name: "Link to this run" }).click();
    expect((await t.locator(".tr-share-link").inputValue()).endsWith(shareHash(ran))).toBe(true);
    // Such a link opened in a new page shows the epochs finished in the Epochs menu, as an option of their own when the
    // menu's values lack them, not a blank box: 11 (a run stopped in its twelfth epoch), which the menu never lists.
    const eleven = { ...ran, epochs: 11 };
    const opened = await openIsland(chrome.browser, `11-training-better/${shareHash(eleven)}`, ".tr:not(.tr-compare)");
    const epochsMenu = opened.page.locator(".tr:not(.tr-compare)").getByLabel(/^Epochs/);
    await opened.page.locator(".tr:not(.tr-compare) .tr-link-note", { hasText: "The choices come from the link" }).waitFor();
    expect(await epochsMenu.inputValue()).toBe("11");
    expect(await epochsMenu.locator("option:checked").innerText()).toBe("11");
    expect(opened.problems).toEqual([]);
    await opened.page.close();

    // A menu changed after the run: the link is still the run's, and the page says so.
    await menu("Hidden neurons").selectOption("64");
    await t.getByRole("button", { name: "Link to the run shown" }).click();
    expect((await t.locator(".tr-share-link").inputValue()).endsWith(shareHash(ran))).toBe(true);
    expect(await t.locator(".tr-share-note").innerText()).toBe(`The choices have changed since the run shown: its link replays that run (${describeSettings(ran)}), not them.`);

    // Reset: no run shown, so the link is of the menus, and named so.
    await t.getByRole("button", { name: "Reset" }).click();
    expect(await t.locator(".tr-share-note").count()).toBe(0);
    await t.getByRole("button", { name: "Link to these choices" }).click();
    const link = new URLSearchParams((await t.locator(".tr-share-link").inputValue()).split("#train?")[1]);
    expect([link.get("epochs"), link.get("hidden")]).toEqual([await menu("Epochs").inputValue(), await menu("Hidden neurons").inputValue()]);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);

  test("a value forced into a menu and a seed of −5 are refused where the reader sees them", async () => {
    const { page, problems } = await openIsland(chrome.browser, "10-training-on-digits/", "[data-trainer]");
    const t = page.locator("[data-trainer]").first();
    await t.getByLabel("Learning rate").evaluate((el: HTMLSelectElement) => {
      el.options[0].value = "7";
      el.value = "7";
      el.dispatchEvent(new Event("change", { bubbles: true }));
    });
    const alert = t.locator(".tr-refused");
    await alert.filter({ hasText: '"7"' }).waitFor();
    expect(await alert.innerText()).toMatch(/^Learning rate: "7" is not one of the choices/);
    const seed = t.getByLabel("Seed");
    await seed.fill("-5");
    await seed.press("Enter");
    await seed.blur();
    await alert.filter({ hasText: "Seed" }).waitFor();
    expect(await alert.innerText()).toBe('Seed: "-5" is not a whole number from 0 to 999, so the seed stays 1.');
    expect(await seed.inputValue()).toBe("1");
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
