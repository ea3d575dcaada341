/** Helpers shared by the browser tests: the served URL and a page that records what went wrong. */
import { inject } from "vitest";
import type { BrowserContext, Locator, Page } from "playwright-core";

export const baseUrl = (): string => inject("baseUrl");

export interface WatchedPage {
  page: Page;
  /** Console errors, page errors and failed requests seen so far. */
  problems: string[];
}

/**
 * A new page of `context` at `url`, loaded to network idle, recording what goes wrong.
 * `clean: true` empties the site's localStorage first (edits, guesses, progress that
 * earlier tests left), from an empty page of the same origin that the test serves
 * itself, so that the page at `url` is loaded once and never sees them.
 */
export async function openPage(
  context: BrowserContext,
  url: string,
  { clean = false, requests }: { clean?: boolean; /** Collects the URL of every request the page at `url` makes. */ requests?: string[] } = {},
): Promise<WatchedPage> {
  const page = await context.newPage();
  if (clean) {
    const blank = new URL("__empty-storage__", url).href;
    await page.route(blank, (route) => route.fulfill({ contentType: "text/html", body: '<!doctype html><link rel="icon" href="data:,"><title>-</title>' }));
    await page.goto(blank, { waitUntil: "load" });
    await page.evaluate(() => localStorage.clear());
    await page.unroute(blank);
  }
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console.error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  // ERR_ABORTED is a request the page gave up on by navigating (a reload while the cell worker loads), not a fault.
  page.on("requestfailed", (r) => {
    if (r.failure()?.errorText !== "net::ERR_ABORTED") problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400 && !r.url().includes("/does-not-exist")) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  if (requests) page.on("request", (r) => requests.push(r.url()));
  await page.goto(url, { waitUntil: "networkidle" });
  return { page, problems };
}

/** Every chapter's URL, read from the table of contents on the home page. */
export async function chapterUrls(context: BrowserContext): Promise<string[]> {
  const { page } = await openPage(context, baseUrl());
  const hrefs = await page.$$eval(".contents a", (as) => as.map((a) => (a as HTMLAnchorElement).href));
  await page.close();
  return hrefs;
}

/** Opens a chapter and waits until the island holding `selector` is hydrated (islands load `client:visible`). */
export async function openIsland(
  context: BrowserContext,
  path: string,
  selector: string,
  viewport = { width: 1280, height: 900 },
): Promise<WatchedPage> {
  const watched = await openPage(context, `${baseUrl()}${path}`);
  await watched.page.setViewportSize(viewport);
  await watched.page.locator(selector).first().scrollIntoViewIfNeeded();
  await watched.page.waitForFunction((sel) => {
    const island = document.querySelector(sel)?.closest("astro-island");
    return island != null && !island.hasAttribute("ssr");
  }, selector);
  return watched;
}

/**
 * Checks a radio or checkbox. Cells and islands wake as they scroll into view and can
 * change the height of what is above, so a click aimed at a control can land beside it
 * when the page moves between Playwright's aim and its click ("Clicking the checkbox did
 * not change its state"). The click is tried again, up to three times, once the page
 * has had a frame to settle; a control that never takes the click still fails.
 * `checked: false` unchecks a checkbox the same way.
 */
export async function checkControl(control: Locator, checked = true): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await control.setChecked(checked, { timeout: 10_000 });
      return;
    } catch (e) {
      if (attempt >= 3 || !String(e).includes("did not change its state")) throw e;
      await control.page().evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
  }
}
