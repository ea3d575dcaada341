/**
 * Measures what the code cells cost a reader, for the README:
 *   - JavaScript a chapter page loads before any cell is used (bytes, gzip);
 *   - what the first use of a cell loads (the editor, then the worker);
 *   - how long a trivial cell takes from Run to its output with a warm worker.
 *
 *   npm run build && node scripts/cells-report.ts [chapter-path]   (via npx node)
 */
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./serve.ts";

const chapterPath = process.argv[2] ?? "/02-a-single-neuron/";
const root = fileURLToPath(new URL("../dist", import.meta.url));
const { server, url } = await serve({ root, port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});

interface Loaded {
  url: string;
  bytes: number;
  gzip: number;
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const sum = (xs: Loaded[], k: "bytes" | "gzip") => xs.reduce((s, x) => s + x[k], 0);

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const scripts: Loaded[] = [];
  // On the context: the worker's own script is fetched by the worker, not the page.
  page.context().on("response", async (r) => {
    const type = r.request().resourceType();
    if (type !== "script" && !r.url().endsWith(".js")) return;
    try {
      const body = await r.body();
      scripts.push({ url: new URL(r.url()).pathname, bytes: body.length, gzip: gzipSync(body).length });
    } catch {
      /* redirect or aborted */
    }
  });
  await page.goto(new URL(chapterPath, url).href, { waitUntil: "networkidle" });
  await page.evaluate(() => window.scrollTo(0, 0));
  const initial = [...scripts];

  const cell = page.locator("[data-cell]").first();
  await cell.scrollIntoViewIfNeeded();
  await cell.locator(".cm-content").waitFor();
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  const onUse = scripts.slice(initial.length);

  // Warm Run latency: a trivial cell, Run → output in the page, 30 times after 3 warm-ups.
  await cell.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText("console.log(1 + 1);");
  const times = await cell.evaluate(async (el) => {
    const run = el.querySelector<HTMLButtonElement>("[data-cell-run]")!;
    const once = () =>
      new Promise<number>((resolve) => {
        el.removeAttribute("data-state");
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (el.getAttribute("data-state") === "ok" || el.getAttribute("data-state") === "error") {
            obs.disconnect();
            resolve(performance.now() - t0);
          }
        });
        obs.observe(el, { attributes: true, attributeFilter: ["data-state"] });
        run.click();
      });
    const out: number[] = [];
    for (let i = 0; i < 33; i++) {
      out.push(await once());
      await new Promise((r) => setTimeout(r, 50)); // a reader's next click comes later than the next microtask
    }
    return out.slice(3);
  });
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p95 = times[Math.floor(times.length * 0.95)];

  // Cold: a fresh page, Run pressed at once; the editor, the worker and the transpiler all load first.
  const cold = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await cold.goto(new URL(chapterPath, url).href, { waitUntil: "load" });
  const coldMs = await cold.locator("[data-cell]").first().evaluate(
    (el) =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        new MutationObserver(() => {
          const state = el.getAttribute("data-state");
          if (state === "ok" || state === "error") resolve(performance.now() - t0);
        }).observe(el, { attributes: true, attributeFilter: ["data-state"] });
        el.querySelector<HTMLButtonElement>("[data-cell-run]")!.click();
      }),
  );

  console.log(`Chapter page ${chapterPath}`);
  console.log(`Before any cell is used: ${initial.length} scripts, ${kb(sum(initial, "bytes"))} (${kb(sum(initial, "gzip"))} gzip)`);
  for (const s of initial) console.log(`  ${s.url}  ${kb(s.bytes)} / ${kb(s.gzip)} gzip`);
  console.log(`On first use of a cell: ${onUse.length} scripts, ${kb(sum(onUse, "bytes"))} (${kb(sum(onUse, "gzip"))} gzip)`);
  for (const s of onUse) console.log(`  ${s.url}  ${kb(s.bytes)} / ${kb(s.gzip)} gzip`);
  console.log(`Cold Run (nothing loaded yet) → output of the first cell: ${coldMs.toFixed(0)} ms`);
  console.log(`Warm Run → output of console.log(1 + 1): median ${median.toFixed(1)} ms, 95th percentile ${p95.toFixed(1)} ms (${times.length} runs)`);
} finally {
  await browser.close();
  server.close();
}
