/** Search: "/" reaches the box, a word finds its chapter and sections, a result jumps to the heading. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, openPage } from "./pages.ts";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { ROOT } from "./build.ts";
import { chapterFiles } from "../../scripts/chapters.ts";
import { parseChapter } from "../../src/lib/cells.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch();
});
afterAll(async () => chrome?.close());

test('"sigmoid" finds chapter 4 first, and a section result jumps to its heading', async () => {
  const { page, problems } = await openPage(chrome.browser, `${baseUrl()}02-a-single-neuron/`);
  await page.keyboard.press("/");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("search");
  await page.keyboard.type("sigmoid");
  // Typing on a busy machine can pause past the search's debounce: the hits of "sig" or "sigmo" show first.
  await page.locator("[data-search-status]").filter({ hasText: "“sigmoid”" }).waitFor();
  const first = page.locator(".search-hit").first();
  await first.waitFor();
  expect(await first.locator(".search-chapter").textContent()).toBe("4. Activation: the sigmoid");
  await expect(page.locator("[data-search-status]").textContent()).resolves.toMatch(/chapters? match/);
  const section = first.locator(".search-sections a").first();
  const title = await section.textContent();
  await section.click();
  await page.waitForURL(/04-activation-the-sigmoid\/#/);
  const heading = await page.evaluate(() => {
    const h = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    return h && { tag: h.tagName, text: h.textContent, top: h.getBoundingClientRect().top };
  });
  expect(heading?.tag).toMatch(/^H[23]$/);
  expect(heading?.text).toBe(title);
  expect(heading!.top).toBeGreaterThanOrEqual(0);
  expect(heading!.top).toBeLessThan(300);
  expect(problems).toEqual([]);
  await page.close();
});

test("code identifiers are found", async () => {
  const { page, problems } = await openPage(chrome.browser, baseUrl());
  await page.fill("input[type=search]", "matmul");
  await page.locator("[data-search-status]").filter({ hasText: "matmul" }).waitFor();
  expect(await page.$$eval(".search-chapter", (as) => as.map((a) => a.textContent))).toContain("3. Layers and batches");
  expect(problems).toEqual([]);
  await page.close();
});

/** What Pagefind stored for each page: its URL and its text (fragments are gzipped JSON after a short signature). */
function indexedPages(): { url: string; content: string }[] {
  const dir = path.join(ROOT, "dist/pagefind/fragment");
  return readdirSync(dir).map((f) => {
    const raw = gunzipSync(readFileSync(path.join(dir, f)));
    return JSON.parse(raw.subarray(raw.indexOf("{")).toString("utf8"));
  });
}

test("the index holds every chapter once, without KaTeX's hidden TeX or the cells' second copy of their code", () => {
  const pages = indexedPages();
  const chapters = chapterFiles();
  expect(pages.map((p) => p.url).sort()).toEqual(chapters.map((c) => `/${c.id}/`));
  for (const { url, content } of pages) {
    // TeX commands live only in the <annotation> KaTeX keeps inside its hidden MathML.
    expect(content, url).not.toMatch(/mathbf|underbrace|\\(frac|cdot|sigma|times)/);
    const { cells } = parseChapter(chapters.find((c) => url.includes(c.id))!.source);
    for (const cell of cells) {
      const line = cell.code.split("\n").find((l) => l.trim().length > 30 && !l.trim().startsWith("import"));
      if (!line) continue;
      const count = content.split(line.trim().replace(/\s+/g, " ")).length - 1;
      expect(count, `${url}: "${line.trim()}"`).toBeGreaterThanOrEqual(1);
      expect(count, `${url}: "${line.trim()}" is indexed ${count} times`).toBe(1);
    }
  }
});
