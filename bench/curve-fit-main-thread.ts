// The curve fit of chapter 1, seen from the page's thread: serves dist/ (build
// it first with `BASE_PATH=/nnfs/ npm run build`), opens chapter 1 in Debian's
// Chromium and, with the Wave as target, trains each network size in turn
// for a few seconds, then trains while a finger drags a point up and down.
// For each run it prints the page's long tasks (a PerformanceObserver for
// 'longtask': every task over 50 ms on the page's thread) and the longest
// one, the steps the worker took, and how the page's thread spent the time
// (Chromium's Performance metrics). The goal: no task over 50 ms while the
// network trains. The load average is printed before and after, since a
// busy machine stretches every task: a task waits for a core as well as
// works. So each run also prints its longest task in the page thread's own
// CPU time (from a Chromium trace), which the load does not stretch.
//   npx node bench/curve-fit-main-thread.ts   (Node 24 from the devDependencies; SECONDS=5 per run by default)
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { serve } from "../scripts/serve.ts";

const base = process.env.BASE_PATH ?? "/nnfs/";
const seconds = Number(process.env.SECONDS ?? 5);
const load = () => loadavg().map((l) => l.toFixed(2)).join(", ");

const { server, url } = await serve({ root: fileURLToPath(new URL("../dist", import.meta.url)), port: 0, base });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});

interface LongTask {
  /** How long it took, ms. */
  ms: number;
  /** When it started, ms after the run began. */
  at: number;
}

/** The long tasks recorded since the last call, and forget them; `since` is the run's start on the page's clock. */
const takeLongTasks = (page: Page, since = 0): Promise<LongTask[]> =>
  page.evaluate((since) => {
    const w = window as unknown as { longTasks: { ms: number; start: number }[] };
    const seen = w.longTasks.map((t) => ({ ms: t.ms, at: Math.round(t.start - since) }));
    w.longTasks = [];
    return seen;
  }, since);

/** The page thread's tasks in a Chromium trace: wall time and the thread's own CPU time, in ms. */
async function tracedTasks(browser: Browser): Promise<{ wall: number; cpu: number }[]> {
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: { name: string; ph: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } }[] };
  const main = new Set(trace.traceEvents.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  return trace.traceEvents
    .filter((e) => e.ph === "X" && e.name === "ThreadControllerImpl::RunTask" && main.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 }));
}

console.log(`load average before: ${load()}`);
let longestCpu = 0;
let longest = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${url}01-why-neural-networks/`, { waitUntil: "networkidle" });
  await page.locator(".cf").scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !document.querySelector("astro-island:has(.cf)")?.hasAttribute("ssr"));
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: { ms: number; start: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push({ ms: Math.round(e.duration), start: e.startTime }))).observe({ type: "longtask" });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const metrics = async () => Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));

  const run = async (name: string, during: () => Promise<void>) => {
    await takeLongTasks(page);
    const since = await page.evaluate(() => performance.now());
    const before = await metrics();
    await browser.startTracing(page, { categories: ["toplevel"] });
    await during();
    const traced = await tracedTasks(browser);
    const after = await metrics();
    const cpu = Math.max(0, ...traced.map((t) => t.cpu));
    longestCpu = Math.max(longestCpu, cpu);
    const ms = (k: string) => Math.round((after[k] - before[k]) * 1000);
    const tasks = await takeLongTasks(page, since);
    const most = tasks.length ? Math.max(...tasks.map((t) => t.ms)) : 0;
    longest = Math.max(longest, most);
    const steps = await page.locator(".cf-steps").innerText();
    const state = await page.locator(".cf-state").innerText();
    console.log(
      `${name.padEnd(26)} ${steps.padStart(5)} steps (${state}); long tasks ${String(tasks.length).padStart(2)}, longest ${String(most).padStart(3)} ms; ` +
        `page thread: tasks ${ms("TaskDuration")} ms, script ${ms("ScriptDuration")} ms, layout ${ms("LayoutDuration")} ms, style ${ms("RecalcStyleDuration")} ms`,
    );
    console.log(`${"".padEnd(27)}longest task in the page thread's CPU time: ${cpu.toFixed(1)} ms; all its tasks: ${traced.reduce((sum, t) => sum + t.cpu, 0).toFixed(0)} ms of CPU`);
    if (tasks.length) console.log(`${"".padEnd(27)}long tasks (ms, at ms into the run): ${tasks.map((t) => `${t.ms} at ${t.at}`).join(", ")}`);
  };

  await page.getByRole("button", { name: "Wave" }).click();
  for (const size of ["1 neuron", "3 neurons", "16 neurons", "2 layers of 8"]) {
    await run(`Wave, ${size}`, async () => {
      await page.getByRole("radio", { name: size }).check();
      await page.waitForTimeout(seconds * 1000);
    });
  }
  // Dragging the right-most point up and down while the network follows it.
  await run("Wave, 2 layers of 8, drag", async () => {
    await page.getByRole("button", { name: "New start" }).click();
    const dot = page.locator(".cf-point").last();
    const box = (await page.locator(".cf-plot").boundingBox())!;
    const at = (await dot.boundingBox())!;
    const x = at.x + at.width / 2;
    await page.mouse.move(x, at.y + at.height / 2);
    await page.mouse.down();
    const end = Date.now() + seconds * 1000;
    for (let k = 0; Date.now() < end; k++) {
      const t = (k % 40) / 40;
      await page.mouse.move(x, box.y + box.height * (0.15 + 0.7 * Math.abs(2 * t - 1)));
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
  });
} finally {
  await browser.close();
  server.close();
}
console.log(`longest task on the page's thread while it trained: ${longest} ms of wall time, ${longestCpu.toFixed(1)} ms of CPU time (goal: 50 ms or less)`);
console.log(`load average after: ${load()}`);
