// The curve fit of chapter 1 on the page's thread: serves dist/ (build it
// first with `BASE_PATH=/nnfs/ npm run build`), opens chapter 1 in Debian's
// Chromium, trains three neurons on the wave (too few to fit it, so they train through their whole budget) for five seconds, and
// prints the page's long tasks (over 50 ms) in that time, the steps the
// worker took, and how the page's thread spent those seconds (Chromium's
// Performance metrics). Run: node bench/curve-fit-main-thread.ts
import { chromium } from "playwright-core";
import { serve } from "../scripts/serve.ts";
import { fileURLToPath } from "node:url";

const base = process.env.BASE_PATH ?? "/nnfs/";
const { server, url } = await serve({ root: fileURLToPath(new URL("../dist", import.meta.url)), port: 0, base });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${url}01-why-neural-networks/`, { waitUntil: "networkidle" });
  await page.locator(".cf").scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !document.querySelector("astro-island:has(.cf)")?.hasAttribute("ssr"));
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(Math.round(e.duration)))).observe({ type: "longtask" });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const metrics = async () => Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
  await page.getByRole("radio", { name: "3 neurons" }).check();
  const before = await metrics();
  await page.waitForTimeout(5000);
  const after = await metrics();
  const ms = (k: string) => Math.round((after[k] - before[k]) * 1000);
  console.log(`page thread in those 5 s: tasks ${ms("TaskDuration")} ms, script ${ms("ScriptDuration")} ms, layout ${ms("LayoutDuration")} ms in ${after.LayoutCount - before.LayoutCount} layouts, style ${ms("RecalcStyleDuration")} ms`);
  const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  const steps = await page.locator(".cf-steps").innerText();
  console.log(`curve fit, 3 neurons, 5 s: ${steps} steps; page long tasks: ${tasks.length} (longest ${tasks.length ? Math.max(...tasks) : 0} ms)`);
} finally {
  await browser.close();
  server.close();
}
