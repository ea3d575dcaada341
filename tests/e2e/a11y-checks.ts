/**
 * The accessibility checks of the browser tests, shared by the a11y*.test.ts
 * files (each takes a share of the pages, so that two run side by side):
 * axe-core's WCAG 2 A/AA rules (no serious or critical violation) at laptop
 * and phone width, its colour rules in both themes at each, with the islands
 * hydrated, the cells' editors loaded and the solutions open; then a walk with Tab from the top of
 * the page: every interactive element is reached, named, and shows a focus
 * ring. axe-core is injected from node_modules (nothing is fetched at run
 * time) with page.evaluate, which the page's Content-Security-Policy does not
 * govern.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { BrowserContext, Page } from "playwright-core";
import { baseUrl, openPage } from "./pages.ts";
import { chapterFiles } from "../../scripts/chapters.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Pages besides the chapters: the contents, the not-found page, the progress page, the whole book on one page. */
export const OTHER_PAGES = ["home", "404", "progress", "book"];
/** Every chapter's page name (its folder). */
export const chapterNames = (): string[] => chapterFiles("").map((c) => c.id);

export const urlOf = (name: string): string =>
  name === "home" ? baseUrl() : name === "404" ? `${baseUrl()}does-not-exist/` : `${baseUrl()}${name}/`;

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; summary: string }[];
}

/**
 * axe's serious and critical WCAG 2 A/AA violations on the page as it is now:
 * in the elements `include` selects (the whole page if none), and for the
 * rules `rules` names (all of WCAG 2 A/AA if none). `colours: true` runs only
 * those of the WCAG 2 A/AA rules that look at colours (axe's `cat.color`:
 * text contrast, links told apart from text), the only ones a theme changes.
 */
export async function axe(page: Page, scope: { include?: string[]; rules?: string[]; colours?: boolean } = {}): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(async ({ include, rules, colours }) => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const context = include ? { include: include.map((s) => [s]) } : document;
    const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
    const chosen = colours ? axe.getRules(wcag).filter((r) => r.tags.includes("cat.color")).map((r) => r.ruleId) : rules;
    if (colours && !chosen!.includes("color-contrast")) throw new Error("axe: no colour rules among WCAG 2 A/AA (cat.color): has axe-core renamed them?");
    const result = await axe.run(context as never, {
      runOnly: chosen ? { type: "rule", values: chosen } : { type: "tag", values: wcag },
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
  }, scope);
}

/** One line a rule, then its first few elements and what is wrong with each. */
export function report(where: string, violations: Violation[]): string {
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
 * Brings every client:visible island and every visible cell into view until the
 * islands have hydrated and the cells' editors have loaded, then opens every
 * <details> (solutions, checks) so their code is checked too.
 */
async function wakeEverything(page: Page): Promise<void> {
  // Each poll brings the first thing still asleep into view; the wait ends when nothing is.
  // With `list`, what is still asleep, by name; without, whether nothing is.
  const asleep = (list: boolean): string[] | boolean => {
    const waiting = [
      ...[...document.querySelectorAll("astro-island")].filter((i) => i.hasAttribute("ssr")),
      ...[...document.querySelectorAll("[data-cell], [data-exercise]")].filter((c) => !c.querySelector(".cm-content")),
      // What a prediction hides until the reader guesses (a cell in its answer) has no box to scroll to, and axe skips it.
    ].filter((el) => el.localName === "astro-island" || el.getClientRects().length > 0);
    // An <astro-island> is display: contents, with no box to scroll to: its first child has one.
    (waiting[0]?.localName === "astro-island" ? waiting[0].firstElementChild : waiting[0])?.scrollIntoView({ block: "center" });
    return list ? waiting.map((el) => el.getAttribute("aria-label") ?? el.getAttribute("component-url") ?? el.tagName) : waiting.length === 0;
  };
  const awake = await page.waitForFunction(asleep, false, { timeout: 20_000, polling: 100 }).then(() => true, () => false);
  if (!awake) expect(await page.evaluate(asleep, true), `${page.url()}: islands or cell editors that never loaded`).toEqual([]);
  await page.evaluate(() => {
    scrollTo(0, 0);
    for (const d of document.querySelectorAll("details")) d.open = true;
  });
}

/** Sets the theme the way a reader does, with the header's button. */
export async function setTheme(page: Page, theme: "light" | "dark"): Promise<void> {
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
  // One look at the page a step: where the focus landed, its ring, and whether it is in an
  // editor (where the next step presses Escape before Tab).
  let inEditor = false;
  for (let i = 0; i < limit; i++) {
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
      return { path: (window as unknown as { __describe: (el: Element) => string }).__describe(el), ring, inEditor: !!el.closest(".cm-content") };
    });
    inEditor = now?.inEditor ?? false;
    if (now !== null && reached.includes(now.path)) break; // round the page and back
    if (now !== null) {
      reached.push(now.path);
      if (!now.ring) unringed.push(now.path);
    }
  }
  return { interactive, reached, unringed };
}


/**
 * One describe block a page: the page is opened once and woken, then each
 * theme and width is a test of its own on it, switched with the header's
 * button, and the Tab walk is one more.
 */
export function checkPages(pageNames: string[], browser: () => BrowserContext): void {
  const chrome = { get browser() { return browser(); } };
  describe.each(pageNames)("%s", (name) => {
    let page: Page;
    beforeAll(async () => {
      ({ page } = await openPage(chrome.browser, urlOf(name)));
      await page.emulateMedia({ reducedMotion: "reduce" });
      await wakeEverything(page);
    }, 120_000);
    afterAll(async () => page?.close());

    // Light and dark at laptop width, then at phone width (the drawer, wide formulas and tables).
    // A theme changes colours and nothing else (global.css's custom properties, and the
    // switch's aria-pressed), so at each width every rule runs in one theme and the colour
    // rules in the other: every rule at every width, and contrast in every theme at every width.
    test.each([["light", 1280, "every rule"], ["dark", 1280, "the colour rules"], ["dark", 375, "every rule"], ["light", 375, "the colour rules"]] as const)(
      "%s theme, %i px wide: no serious or critical axe violation (%s)",
      async (theme, width, rules) => {
        await page.setViewportSize({ width, height: width > 400 ? 900 : 740 });
        await setTheme(page, theme);
        const found = await axe(page, { colours: rules === "the colour rules" });
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
}
