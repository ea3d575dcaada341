/**
 * Measures what the editor's type checker costs a reader, for the README:
 *   - the size of the language service's worker (ls-worker-*.js), bytes and gzip;
 *   - the time from the first keystroke in a page to the first underline, for a
 *     plain type error (chapter 2: `const n: number = "five";`) and for a shape
 *     mismatch (chapter 3: `matmul(Matrix.zeros(3, 4), Matrix.zeros(5, 2))`), each in
 *     a fresh browser, `runs` times; then, in the same page, the time to the
 *     underline of a second mismatch typed after the first (the checker warm).
 *
 *   npm run build && node scripts/types-report.ts [dist] [runs]   (via npx node)
 *
 * `dist` defaults to this repository's dist/; its base path is read from its
 * pages, so a build for the browser tests (BASE_PATH=/nnfs/) works too. A
 * build whose editor does not know shapes shows "none" for the shape mismatch.
 */
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { serve } from "./serve.ts";

const root = path.resolve(process.argv[2] ?? fileURLToPath(new URL("../dist", import.meta.url)));
const runs = Number(process.argv[3] ?? 4);
const index = readFileSync(path.join(root, "index.html"), "utf8");
const base = /href="(\/[^"]*?)_astro\//.exec(index)?.[1] ?? "/";

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const workers = readdirSync(path.join(root, "_astro")).filter((f) => /^ls-worker.*\.js$/.test(f));
const { server, url } = await serve({ root, port: 0, base });
const browser: Browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

interface Case {
  name: string;
  chapter: string;
  /** Text of the cell to type into. */
  cell: string;
  first: string;
  second: string;
}
const cases: Case[] = [
  { name: "plain type error (chapter 2)", chapter: "02-a-single-neuron/", cell: "weightedSum", first: '\nconst n: number = "five";', second: '\nconst m: number = "six";' },
  {
    name: "plain type error (chapter 3)",
    chapter: "03-layers-and-batches/",
    cell: "const xW = matmul(x, W);",
    first: '\nconst n: number = "five";',
    second: '\nconst m: number = "six";',
  },
  {
    name: "shape mismatch (chapter 3)",
    chapter: "03-layers-and-batches/",
    cell: "const xW = matmul(x, W);",
    first: "\nmatmul(Matrix.zeros(3, 4), Matrix.zeros(5, 2));",
    second: "\nmatmul(Matrix.zeros(6, 7), Matrix.zeros(8, 9));",
  },
];

/**
 * Milliseconds from the first keystroke of `text`, and from its last, to `count`
 * lines of the cell underlined; null after 30 s. (The checker waits for a 0.3 s
 * pause in the typing, so a longer line takes longer from its first keystroke.)
 */
async function underline(page: import("playwright-core").Page, c: Case, text: string, count: number): Promise<{ first: number; last: number } | null> {
  const cell = page.locator("[data-cell]").filter({ hasText: c.cell }).first();
  const started = Date.now();
  await page.keyboard.type(text);
  const typed = Date.now();
  // One underline may be several elements (one per highlighted token): count the lines underlined.
  const lines = cell.locator(".cm-line:has(.cm-type-error)");
  while (Date.now() - started < 30_000) {
    if ((await lines.count()) >= count) return { first: Date.now() - started, last: Date.now() - typed };
    await page.waitForTimeout(20);
  }
  return null;
}

try {
  for (const w of workers) {
    const body = readFileSync(path.join(root, "_astro", w));
    console.log(`language service worker ${w}: ${kb(body.length)} (${kb(gzipSync(body).length)} gzip)`);
  }
  for (const c of cases) {
    type Took = { first: number; last: number } | null;
    const first: Took[] = [];
    const later: Took[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(new URL(c.chapter, new URL(base, url)).href, { waitUntil: "networkidle" });
      const cell = page.locator("[data-cell]").filter({ hasText: c.cell }).first();
      await cell.scrollIntoViewIfNeeded();
      await cell.hover();
      await cell.locator(".cm-content").waitFor();
      await cell.locator(".cm-content").click();
      await page.keyboard.press("ControlOrMeta+End");
      first.push(await underline(page, c, c.first, 1));
      later.push(first.at(-1) === null ? null : await underline(page, c, c.second, 2));
      await context.close();
    }
    const s = (ms: number) => `${(ms / 1000).toFixed(2)}`;
    const show = (xs: Took[]) => xs.map((x) => (x === null ? "none" : `${s(x.first)} (${s(x.last)})`)).join(", ");
    console.log(`${c.name}, seconds from the first keystroke (from the last):`);
    console.log(`  first underline in the page: ${show(first)}`);
    console.log(`  a second one, the checker warm: ${show(later)}`);
  }
} finally {
  await browser.close();
  server.close();
}
