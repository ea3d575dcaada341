/**
 * Chapters 7 to 9 on a phone 390 px wide: no text of an island or a figure is
 * drawn smaller than 11 px. An SVG's text is scaled with its view box, so its
 * size on screen is its font size times the SVG's scale; HTML text is its
 * computed font size.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, openPage } from "./pages.ts";
import { SMALLEST, textSizes, wakeAll } from "./text-sizes.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch({ viewport: { width: 390, height: 844 } });
});
afterAll(async () => chrome?.close());

describe.each(["07-measuring-mistakes", "08-gradient-descent", "09-backpropagation"])("%s at 390 px", (chapter) => {
  test("no text of an island or a figure is under 11 px", async () => {
    const { page, problems } = await openPage(chrome.browser, `${baseUrl()}${chapter}/`);
    expect(await wakeAll(page)).toBeGreaterThan(0);
    const sizes = await textSizes(page);
    expect(sizes.length).toBeGreaterThan(10);
    expect(sizes.filter((s) => s.size < SMALLEST)).toEqual([]);
    if (chapter.startsWith("09")) {
      // The tiny network's last step shows every card's gradient and every new weight.
      await page.locator(".tn input[type=range]").focus();
      await page.keyboard.press("End");
      const last = await textSizes(page);
      expect(last.some((s) => s.where.includes("tn") && s.text.startsWith("∂"))).toBe(true);
      expect(last.filter((s) => s.size < SMALLEST)).toEqual([]);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
