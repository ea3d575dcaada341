/**
 * Prints the whole book to one PDF with Chromium: the /book/ page (a title
 * page, the contents, every chapter), each page numbered, with the chapters
 * and their sections as the PDF's bookmarks.
 *
 *   npm run pdf                    # builds the book, writes nnfs-book.pdf
 *   node scripts/pdf.ts [OUT.pdf]  # from an existing build in dist/
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./serve.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

export interface PdfOptions {
  /** The built site (dist/). */
  dist?: string;
  /** The base path it was built for. */
  base?: string;
  out?: string;
  chromium?: string;
}

const footer = `<div style="width:100%;font:8px system-ui,sans-serif;color:#555;padding:0 16mm;display:flex;justify-content:space-between">
  <span>Neural Networks from Scratch, in TypeScript</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;

export async function makePdf({
  dist = path.join(ROOT, "dist"),
  base = process.env.BASE_PATH ?? "/",
  out = path.join(ROOT, "nnfs-book.pdf"),
  chromium: executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
}: PdfOptions = {}): Promise<string> {
  if (!existsSync(path.join(dist, "book", "index.html"))) {
    throw new Error(`pdf: ${dist} has no book/index.html; build the book first (npm run build)`);
  }
  if (!existsSync(executablePath)) throw new Error(`pdf: Chromium not found at ${executablePath} (set CHROMIUM_PATH)`);
  const { server, url } = await serve({ root: dist, port: 0, base });
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 }, colorScheme: "light" });
    await page.goto(`${url}book/`, { waitUntil: "networkidle" });
    await page.emulateMedia({ media: "print", reducedMotion: "reduce" });
    // Islands wake when they come into view: bring each one in, so it prints as it first looks.
    for (const island of await page.locator("astro-island").all()) await island.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.querySelectorAll("astro-island")].every((i) => !i.hasAttribute("ssr")), null, { timeout: 60_000 });
    // The exercises' checks are part of the exercise on paper.
    await page.evaluate(() => document.querySelectorAll("details.exercise-checks").forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await page.waitForTimeout(500);
    await page.pdf({
      path: out,
      format: "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: footer,
      margin: { top: "16mm", bottom: "18mm", left: "16mm", right: "16mm" },
      outline: true,
      tagged: true,
    });
    return out;
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await makePdf({ out: process.argv[2] ? path.resolve(process.argv[2]) : undefined });
  console.log(`wrote ${path.relative(process.cwd(), out) || out}`);
}
