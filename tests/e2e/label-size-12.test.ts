/**
 * Chapter 12 on a phone 390 px wide: no text of its figures and islands is
 * drawn under 11 px, the kernel race's roofline included (it appears once a
 * race has measured the machine, so a small race runs first).
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, openPage } from "./pages.ts";
import { SMALLEST, textSizes, wakeAll } from "./text-sizes.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch({ viewport: { width: 390, height: 844 } });
});
afterAll(async () => chrome?.close());

test("12-making-it-fast at 390 px: no text of an island or a figure is under 11 px, the roofline's point labels included", async () => {
  const { page, problems } = await openPage(chrome.browser, `${baseUrl()}12-making-it-fast/`);
  expect(await wakeAll(page)).toBeGreaterThan(0);
  expect((await textSizes(page)).filter((s) => s.size < SMALLEST)).toEqual([]);

  const race = page.locator("[data-kernel-race]");
  await race.scrollIntoViewIfNeeded();
  await race.getByLabel("Matrix size").selectOption("64");
  await race.getByRole("button", { name: "Race" }).click();
  await page.locator("[data-kernel-race][data-state=done]").waitFor({ timeout: 60_000 });
  await race.locator("[data-roofline] [data-point=simd]").waitFor();
  const sizes = await textSizes(page);
  const labels = sizes.filter((s) => s.where.includes("kr-rl-label"));
  expect(labels.map((s) => s.text).sort()).toEqual(["SIMD", "blocked", "i-k-j", "naive", "nnfs", "stream", "tiled", "typed"].sort());
  expect(sizes.filter((s) => s.size < SMALLEST)).toEqual([]);
  expect(problems).toEqual([]);
  await page.close();
}, 120_000);
