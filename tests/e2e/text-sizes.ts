/**
 * The on-screen size of text in islands and figures, for the label-size
 * tests: an SVG's text is scaled with its view box, so its size on screen is
 * its font size times the SVG's scale; HTML text is its computed font size.
 */
import type { Page } from "playwright-core";

/** The smallest text size, in CSS pixels, an island or figure may draw on a phone. */
export const SMALLEST = 11;

/** Every island and figure scrolled into view, so that each island hydrates. */
export async function wakeAll(page: Page): Promise<number> {
  const count = await page.locator(".island, .figure").count();
  for (let i = 0; i < count; i++) await page.locator(".island, .figure").nth(i).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll("astro-island")].every((i) => !i.hasAttribute("ssr")));
  return count;
}

/** The on-screen size of every visible piece of text in islands and figures, smallest first. */
export function textSizes(page: Page): Promise<{ size: number; text: string; where: string }[]> {
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
