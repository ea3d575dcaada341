/**
 * How long a reader waits for an exercise's first Check, in Chromium against
 * the built site: for every exercise of every chapter, a fresh page (a cold
 * worker, nothing kept), its starting code, and the time from pressing Check
 * to the verdict. Prints each exercise's time and the slowest; a benchmark,
 * not a test (read it against 5 s in chapters 1–9 and 15 s in 10–12).
 *
 *   npm run bench:exercises            (builds the site first if dist/ is missing)
 *   npm run bench:exercises -- 10 11   (only those chapters)
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { chromium } from "playwright-core";
import { serve } from "../scripts/serve.ts";
import { chapterFiles } from "../scripts/chapters.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const dist = path.join(ROOT, "dist");
if (!existsSync(path.join(dist, "index.html"))) execFileSync(process.execPath, [path.join(ROOT, "scripts/astro.ts"), "build"], { stdio: "inherit", cwd: ROOT });
// The site may have been built under a sub-path (the browser tests build it under /nnfs/).
const base = /(?:href|src)="(\/[^"]*?)_astro\//.exec(readFileSync(path.join(dist, "index.html"), "utf8"))?.[1] ?? "/";

const only = process.argv.slice(2);
const chapters = chapterFiles().filter((c) => !only.length || only.some((n) => c.id.startsWith(n.padStart(2, "0"))));
const { server, url } = await serve({ root: dist, port: 0, base });
const context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), "nnfs-bench-")), {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  viewport: { width: 1280, height: 900 },
});

const rows: { chapter: string; exercise: number; seconds: number; limit: number }[] = [];
try {
  for (const c of chapters) {
    const limit = Number(c.id.slice(0, 2)) >= 10 ? 15 : 5;
    for (let i = 0; ; i++) {
      const page = await context.newPage();
      await page.goto(new URL(`${c.id}/`, url).href, { waitUntil: "networkidle" });
      const ex = page.locator("[data-exercise]").nth(i);
      if (!(await ex.count())) {
        await page.close();
        break;
      }
      await ex.scrollIntoViewIfNeeded();
      await ex.hover();
      await ex.locator(".cm-content").waitFor();
      const seconds = await ex.evaluate(
        (el) =>
          new Promise<number>((resolve) => {
            const started = performance.now();
            new MutationObserver((_, watching) => {
              const state = el.getAttribute("data-state");
              if (state !== "ok" && state !== "error") return;
              watching.disconnect();
              resolve((performance.now() - started) / 1000);
            }).observe(el, { attributes: true, attributeFilter: ["data-state"] });
            el.querySelector<HTMLButtonElement>("[data-cell-run]")!.click();
          }),
      );
      const status = (await ex.locator("[data-cell-status]").textContent()) ?? "";
      rows.push({ chapter: c.id, exercise: i + 1, seconds, limit });
      console.log(`${c.id} exercise ${i + 1}: ${seconds.toFixed(2)} s (limit ${limit} s)${/checks pass/.test(status) ? "" : `  [${status}]`}`);
      await page.close();
    }
  }
} finally {
  await context.close();
  server.close();
}
if (rows.length) {
  const slowest = rows.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  const over = rows.filter((r) => r.seconds > r.limit);
  console.log(`slowest: ${slowest.chapter} exercise ${slowest.exercise}, ${slowest.seconds.toFixed(2)} s`);
  console.log(over.length ? `over the limit: ${over.map((r) => `${r.chapter} exercise ${r.exercise}`).join(", ")}` : `all ${rows.length} first Checks within their limits`);
}
