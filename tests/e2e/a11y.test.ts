/**
 * Accessibility of every page, in both themes, at laptop and phone width: axe-core's WCAG 2 A/AA rules
 * (no serious or critical violation), with the islands hydrated, the cells'
 * editors loaded and the solutions open; then a walk with Tab from the top of
 * the page: every interactive element is reached, named, and shows a focus
 * ring. Chapter 2 is checked again after runs, since a run's status and
 * output bring colours of their own. axe-core is injected from node_modules
 * (nothing is fetched at run time) with page.evaluate, which the page's
 * Content-Security-Policy does not govern. One browser, one page per
 * address; each theme and width is a test of its own on that page, switched
 * with the header's button, so that no single test has to walk the whole book.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, chapterUrls, openPage } from "./pages.ts";
import { chapterFiles } from "../../scripts/chapters.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let chrome: Launched;

// Every page: the contents, the not-found page, the progress page, the whole
// book on one page, and each chapter (a test below checks that the contents
// link to exactly these chapters).
const otherPages = ["home", "404", "progress", "book"];
const pageNames = [...otherPages, ...chapterFiles("").map((c) => c.id)];
const urlOf = (name: string): string =>
  name === "home" ? baseUrl() : name === "404" ? `${baseUrl()}does-not-exist/` : `${baseUrl()}${name}/`;

beforeAll(async () => {
  chrome = await launch();
});
afterAll(async () => chrome?.close());

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; summary: string }[];
}

/** axe's serious and critical WCAG 2 A/AA violations on the page as it is now. */
async function axe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      resultTypes: ["violations"],
    });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact!,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String), summary: n.failureSummary ?? "" })),
      }));
  });
}

/** One line a rule, then its first few elements and what is wrong with each. */
function report(where: string, violations: Violation[]): string {
  const shown = 4;
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, shown).map((n) => `  ${n.target.join(" ")}\n    ${n.summary.replace(/\s*\n\s*/g, " ")}`);
      const more = v.nodes.length > shown ? [`  … and ${v.nodes.length - shown} more`] : [];
      return [`${where}: ${v.id} (${v.impact}, ${v.nodes.length}×) ${v.help}`, ...nodes, ...more].join("\n");
    })
    .join("\n");
}

/**
 * Brings every client:visible island and every cell into view until the
 * islands have hydrated and the cells' editors have loaded, then opens every
 * <details> (solutions, checks) so their code is checked too.
 */
async function wakeEverything(page: Page): Promise<void> {
  const asleep = () =>
    page.evaluate(() => {
      const waiting = [
        ...[...document.querySelectorAll("astro-island")].filter((i) => i.hasAttribute("ssr")),
        ...[...document.querySelectorAll("[data-cell], [data-exercise]")].filter((c) => !c.querySelector(".cm-content")),
      ];
      // An <astro-island> is display: contents, with no box to scroll to: its first child has one.
      (waiting[0]?.localName === "astro-island" ? waiting[0].firstElementChild : waiting[0])?.scrollIntoView({ block: "center" });
      return waiting.map((el) => el.getAttribute("aria-label") ?? el.getAttribute("component-url") ?? el.tagName);
    });
  // The whole book on one page has every chapter's cells and islands.
  const deadline = Date.now() + (page.url().endsWith("/book/") ? 100_000 : 20_000);
  let left = await asleep();
  while (left.length && Date.now() < deadline) {
    await page.waitForTimeout(100);
    left = await asleep();
  }
  expect(left, `${page.url()}: islands or cell editors that never loaded`).toEqual([]);
  await page.evaluate(() => {
    scrollTo(0, 0);
    for (const d of document.querySelectorAll("details")) d.open = true;
  });
}

/** Sets the theme the way a reader does, with the header's button. */
async function setTheme(page: Page, theme: "light" | "dark"): Promise<void> {
  const now = await page.evaluate(() => document.documentElement.dataset.theme);
  if (now !== theme) await page.locator("[data-theme-toggle]").click();
  await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
}

/**
 * Every visible interactive element, and the ones Tab reaches from the top of
 * the page (Escape first inside an editor: Tab indents there), and those of
 * them that show no focus ring when reached. Each is described by a path and
 * its accessible name as axe computes it.
 */
async function tabWalk(page: Page): Promise<{ interactive: { path: string; name: string; needsName: boolean }[]; reached: string[]; unringed: string[] }> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  await page.evaluate(() => {
    const win = window as unknown as { __describe: (el: Element) => string };
    win.__describe = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
        const i = e.parentElement ? [...e.parentElement.children].indexOf(e) : 0;
        parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}:${i}`);
      }
      return parts.join(">");
    };
  });
  const interactive = await page.evaluate(() => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const describe = (window as unknown as { __describe: (el: Element) => string }).__describe;
    const selector =
      "a[href], button, input, select, textarea, summary, [tabindex], [contenteditable=true], [role=button], [role=slider], [role=checkbox], [role=radio], [role=tab], [role=link]";
    const visible = (el: Element) => el.checkVisibility({ visibilityProperty: true, opacityProperty: false }) && !el.closest("[inert]");
    // A radio group is one Tab stop (arrows move within it): only its checked radio, or its first, counts.
    const radioStop = (el: Element) => {
      const radio = el as HTMLInputElement;
      if (radio.type !== "radio" || !radio.name) return true;
      const group = [...document.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${CSS.escape(radio.name)}"]`)];
      return radio === (group.find((r) => r.checked) ?? group[0]);
    };
    const els = [...document.querySelectorAll(selector)].filter(
      (el) =>
        visible(el) && radioStop(el) && !(el as HTMLButtonElement).disabled && el.getAttribute("tabindex") !== "-1" && !el.matches("[contenteditable=false]"),
    );
    axe.setup(document);
    try {
      return els.map((el) => ({
        path: describe(el),
        name: axe.commons.text.accessibleText(el).trim(),
        // A focusable scroll box (a <pre>, a wide table) has no role to name; its content speaks for it.
        needsName: el.hasAttribute("role") || !el.matches("[tabindex]:not(a, button, input, select, textarea, summary, [contenteditable])"),
      }));
    } finally {
      axe.teardown();
    }
  });
  // Start from the top, as a reader arriving on the page does.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    scrollTo(0, 0);
  });
  await page.mouse.click(1, 1);
  const reached: string[] = [];
  const unringed: string[] = [];
  const limit = interactive.length * 2 + 20;
  for (let i = 0; i < limit; i++) {
    const inEditor = await page.evaluate(() => !!document.activeElement?.closest(".cm-content"));
    if (inEditor) await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    const now = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      // The focus ring: an outline on the element, or on the editor around an editor's
      // content. SVG controls (the curve's dots) draw their own ring with strokes.
      const ringed = el.closest(".cm-editor") ?? el;
      const style = getComputedStyle(ringed);
      const ring = el instanceof SVGElement || (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2);
      return { path: (window as unknown as { __describe: (el: Element) => string }).__describe(el), ring };
    });
    if (now !== null && reached.includes(now.path)) break; // round the page and back
    if (now !== null) {
      reached.push(now.path);
      if (!now.ring) unringed.push(now.path);
    }
  }
  return { interactive, reached, unringed };
}

describe("accessibility (axe-core, WCAG 2 A/AA; keyboard)", () => {
  test("the contents link to every chapter checked here", async () => {
    const linked = (await chapterUrls(chrome.browser)).map((url) => new URL(url).pathname.split("/").filter(Boolean).pop());
    expect(linked).toEqual(pageNames.slice(otherPages.length));
  });

  describe.each(pageNames)("%s", (name) => {
    let page: Page;
    beforeAll(async () => {
      ({ page } = await openPage(chrome.browser, urlOf(name)));
      await page.emulateMedia({ reducedMotion: "reduce" });
      await wakeEverything(page);
    }, 120_000);
    afterAll(async () => page?.close());

    // Light and dark at laptop width, then at phone width (the drawer, wide formulas and tables).
    test.each([["light", 1280], ["dark", 1280], ["dark", 375], ["light", 375]] as const)(
      "%s theme, %i px wide: no serious or critical axe violation",
      async (theme, width) => {
        await page.setViewportSize({ width, height: width > 400 ? 900 : 740 });
        await setTheme(page, theme);
        const found = await axe(page);
        expect(report(`${name} (${theme}, ${width} px)`, found)).toBe("");
      },
    );

    test("every control is named, reached by Tab, and shows a focus ring", async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      const problems: string[] = [];
      const { interactive, reached, unringed } = await tabWalk(page);
      if (!interactive.length || !reached.length) problems.push(`${name}: the Tab walk found nothing to reach`);
      for (const path of unringed) problems.push(`${name}: no visible focus ring: ${path}`);
      for (const el of interactive) {
        if (el.needsName && !el.name) problems.push(`${name}: no accessible name: ${el.path}`);
        if (!reached.includes(el.path)) problems.push(`${name}: not reachable by Tab: ${el.path} (${el.name})`);
      }
      expect(problems.join("\n")).toBe("");
    });
  });

  test("after runs (a cell's output, a stale cell, an exercise passing and one failing, an edited mark), chapter 2 still has none, in light and dark", async () => {
    const url = urlOf(pageNames.find((p) => p.startsWith("02-"))!);
    const { page } = await openPage(chrome.browser, url);
    page.on("dialog", (d) => void d.accept());
    const problems: string[] = [];
    const ready = async (selector: string) => {
      const el = page.locator(selector);
      await el.scrollIntoViewIfNeeded();
      await el.locator(".cm-content").waitFor();
      return el;
    };
    const finished = async (el: Awaited<ReturnType<typeof ready>>) =>
      page.waitForFunction((e) => /^(ok|error)$/.test(e!.getAttribute("data-state") ?? ""), await el.elementHandle(), { timeout: 20_000 });
    // Cell 2 uses the names of cell 1; cell 1 runs again, so cell 2 is stale (its note, its button, the Restart
    // buttons); then cell 1 is edited (the edited mark, and its own output marked as not matching its code).
    const cell = await ready("[data-cell] >> nth=0");
    const user = await ready("[data-cell] >> nth=1");
    await user.locator("[data-cell-run]").click();
    await finished(user);
    await cell.evaluate((el) => el.removeAttribute("data-state"));
    await cell.locator("[data-cell-run]").click();
    await finished(cell);
    await user.getByRole("button", { name: "Run stale cells" }).waitFor();
    await cell.locator(".cm-content").click();
    await page.keyboard.type(" ");
    // The first exercise with its solution (it passes), the second as the book gives it (it fails).
    const solved = await ready("[data-exercise] >> nth=0");
    const solution = (await solved.locator("[data-exercise-solution] pre").textContent())!;
    await solved.locator(".cm-content").click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText(solution);
    await solved.locator("[data-cell-run]").click();
    await finished(solved);
    const failing = await ready("[data-exercise] >> nth=1");
    await failing.locator("[data-cell-run]").click();
    await finished(failing);
    expect([await solved.getAttribute("data-state"), await failing.getAttribute("data-state")]).toEqual(["ok", "error"]);
    for (const theme of ["light", "dark"] as const) {
      await setTheme(page, theme);
      const found = await axe(page);
      if (found.length) problems.push(report(`02 after runs (${theme})`, found));
    }
    await page.evaluate(() => localStorage.clear());
    await page.close();
    expect(problems.join("\n")).toBe("");
  });
});
