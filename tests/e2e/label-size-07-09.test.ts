/**
 * Chapters 7 to 9 on a phone 390 px wide: no text of an island or a figure is
 * drawn smaller than 11 px. An SVG's text is scaled with its view box, so its
 * size on screen is its font size times the SVG's scale; HTML text is its
 * computed font size.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, openPage } from "./pages.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch({ viewport: { width: 390, height: 844 } });
});
afterAll(async () => chrome?.close());

const SMALLEST = 11;

/** Every island and figure scrolled into view, so that each island hydrates. */
async function wakeAll(page: Page): Promise<number> {
  const count = await page.locator(".island, .figure").count();
  for (let i = 0; i < count; i++) await page.locator(".island, .figure").nth(i).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll("astro-island")].every((i) => !i.hasAttribute("ssr")));
  return count;
}

/** The on-screen size of every visible piece of text in islands and figures, smallest first. */
function textSizes(page: Page): Promise<{ size: number; text: string; where: string }[]> {
  return page.evaluate(() => {
    const out: { size: number; text: string; where: string }[] = [];
    for (const root of document.querySelectorAll(".island, .figure")) {
      for (const el of root.querySelectorAll("*")) {
        const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== "");
        if (own.length === 0) continue;
        const box = el.getBoundingClientRect();
        if (box.width < 1 || box.height < 1) continue; // not drawn (hidden, or visually hidden for screen readers)
        let size = parseFloat(getComputedStyle(el).fontSize);
        if (el instanceof SVGElement && el.ownerSVGElement) size *= el.ownerSVGElement.getScreenCTM()!.a;
        const where = `${root.className.toString().split(" ").slice(0, 2).join(".")} ${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""}`;
        out.push({ size: Math.round(size * 10) / 10, text: own.map((n) => n.textContent!.trim()).join(" ").slice(0, 40), where });
      }
    }
    return out.sort((a, b) => a.size - b.size);
  });
}

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
