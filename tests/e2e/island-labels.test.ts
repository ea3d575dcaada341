/**
 * Island text stays readable on a phone: at 390 px wide, no text an island
 * shows (HTML or SVG, as drawn after the SVG is scaled to fit) is smaller
 * than 11 px. One test per chapter: add a chapter's number to CHAPTERS and
 * its islands are measured too.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, chapterUrls } from "./pages.ts";

/** The chapters whose islands are measured, by number. */
export const CHAPTERS = ["01", "02", "03", "04", "05", "06"];
const SMALLEST_PX = 11;
const PHONE = { width: 390, height: 844 };

let chrome: Launched;
let urls: string[];
beforeAll(async () => {
  chrome = await launch({ viewport: PHONE });
  urls = await chapterUrls(chrome.browser);
});
afterAll(async () => chrome?.close());

/** Every island on the page, scrolled to so that it hydrates, then every piece of its text too small to read. */
async function smallText(page: Page): Promise<string[]> {
  const islands = page.locator("astro-island");
  const n = await islands.count();
  for (let i = 0; i < n; i++) {
    await islands.nth(i).scrollIntoViewIfNeeded();
    await page.waitForFunction((k) => !document.querySelectorAll("astro-island")[k]?.hasAttribute("ssr"), i, { timeout: 20_000 });
  }
  return page.evaluate((min) => {
    const found: string[] = [];
    for (const island of document.querySelectorAll("astro-island")) {
      for (const el of island.querySelectorAll<HTMLElement | SVGElement>("*")) {
        const own = [...el.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim() !== "").map((c) => c.textContent!.trim()).join(" ");
        if (!own) continue;
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (box.width === 0 || box.height === 0 || style.visibility === "hidden" || el.closest(".visually-hidden, [hidden]")) continue;
        let px = parseFloat(style.fontSize);
        if (el instanceof SVGElement && el.ownerSVGElement) {
          const ctm = (el as SVGGraphicsElement).getScreenCTM?.();
          if (ctm) px *= Math.hypot(ctm.a, ctm.b);
        }
        if (px < min - 0.05) found.push(`${px.toFixed(1)} px: ${JSON.stringify(own.slice(0, 40))} (${el.tagName.toLowerCase()}.${[...el.classList].join(".")})`);
      }
    }
    return found;
  }, SMALLEST_PX);
}

describe(`island text is at least ${SMALLEST_PX} px at ${PHONE.width} px wide`, { timeout: 120_000 }, () => {
  test.each(CHAPTERS)("chapter %s", async (chapter) => {
    const url = urls.find((u) => u.replace(baseUrl(), "").startsWith(chapter));
    expect(url, `no chapter ${chapter} in the contents`).toBeDefined();
    const page = await chrome.browser.newPage();
    await page.goto(url!, { waitUntil: "networkidle" });
    expect(await smallText(page)).toEqual([]);
    await page.close();
  });
});
