// `npm run bench:browser`: all of MNIST in Chromium, as a reader trains it.
// Serves the built book (dist/; built first if missing), opens chapter 10's
// trainer, presses "All of MNIST, best settings" and Train, and prints the
// download (once), the training time the trainer reports, the time from the
// press to the test accuracy, the test accuracy on the 10,000 official test
// digits and the page's longest main-thread task. It trains the preset twice
// (the second press finds the digits in the worker), then chapter 11's
// recipe (`--recipe` settings below) in chapter 11's trainer, and prints the
// load average before and after: this machine is shared, so re-run it when
// it is quiet. `--no-recipe` skips the long run, `--only-recipe` runs only it. Chromium: /usr/bin/chromium
// or CHROMIUM_PATH.
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { serve } from "../scripts/serve.ts";
import { launch } from "../tests/e2e/chromium.ts";
import { buildSite } from "../tests/e2e/build.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const index = `${root}dist/index.html`;
if (!existsSync(index)) buildSite({});
const base = /href="(\/[^"]*?)_astro\//.exec(readFileSync(index, "utf8"))?.[1] ?? "/";
const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");

/** Chapter 11's recipe on all of MNIST: shifted digits, Adam with a shrinking rate, a wider layer. */
const RECIPE: Record<string, string> = {
  Digits: "full", Optimizer: "adam", "Learning rate": "0.001", "Batch size": "128", Epochs: "8",
  "Hidden neurons": "800", "Rate decay per epoch": "0.8",
};

// The page's main-thread tasks, traced through the DevTools protocol: each task's
// length by the clock and by the thread's own CPU time. On a busy machine a task
// of 5 ms of CPU can last 100 ms by the clock, waiting for a core; its CPU time
// says what the page itself asked of the thread.
async function traceMainThread(page: Page): Promise<() => Promise<{ wall: number; cpu: number }>> {
  const cdp = await page.context().newCDPSession(page);
  const events: { ph: string; name: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } }[] = [];
  cdp.on("Tracing.dataCollected", ({ value }) => void events.push(...(value as unknown as typeof events)));
  await cdp.send("Tracing.start", { categories: "toplevel,__metadata", transferMode: "ReportEvents" });
  return async () => {
    const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.end");
    await complete;
    await cdp.detach();
    const main = new Set(events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
    const tasks = events.filter((e) => e.ph === "X" && e.name === "ThreadControllerImpl::RunTask" && main.has(`${e.pid}:${e.tid}`));
    return {
      wall: Math.round(Math.max(0, ...tasks.map((e) => (e.dur ?? 0) / 1000))),
      cpu: Math.round(Math.max(0, ...tasks.map((e) => (e.tdur ?? 0) / 1000))),
    };
  };
}

interface Run { seconds: number; wall: number; accuracy: number; longest: number; long: number[]; longestCpu: number; longestTraced: number; status: string }

async function trainOnce(page: Page, trainer: number): Promise<Run> {
  const t = page.locator("[data-trainer]").nth(trainer);
  // One observer a page (a second would count every task twice); emptied for each run.
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; watching?: boolean };
    w.longTasks = [];
    if (w.watching) return;
    w.watching = true;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
    }).observe({ type: "longtask" });
  });
  const traced = await traceMainThread(page);
  const t0 = Date.now();
  await t.getByRole("button", { name: "Train", exact: true }).click();
  await t.locator(":scope[data-state=done][data-test-accuracy]").waitFor({ timeout: 600_000 });
  const wall = (Date.now() - t0) / 1000;
  const status = await t.locator("[role=status]").innerText();
  const seconds = Number(/ in ([\d.]+) s/.exec(status)?.[1]);
  const accuracy = Number(await t.getAttribute("data-test-accuracy"));
  const long = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  const trace = await traced();
  return { seconds, wall, accuracy, longest: Math.max(0, ...long), long, longestCpu: trace.cpu, longestTraced: trace.wall, status };
}

// The rows of the README's table, printed at the end with the load average over the whole run.
const rows: { name: string; r: Run }[] = [];
const report = (name: string, r: Run): void => {
  rows.push({ name, r });
  console.log(
    `${name}: test accuracy ${(100 * r.accuracy).toFixed(2)} % on the 10,000 official test digits; ` +
      `training ${r.seconds.toFixed(1)} s (the trainer's clock), ${r.wall.toFixed(1)} s from Train to the test accuracy; ` +
      `longest main-thread task ${r.longest} ms (${r.long.length} over 50 ms: ${r.long.join(", ") || "none"}), ` +
      `traced: the longest task ${r.longestTraced} ms by the clock, the longest ${r.longestCpu} ms of the thread's CPU time\n  status: ${r.status}`,
  );
};

const { server, url } = await serve({ root: `${root}dist`, port: 0, base });
const chrome = await launch();
try {
  const before = load();
  console.log(`load average before: ${before}`);
  if (!process.argv.includes("--only-recipe")) {
    const page = await chrome.browser.newPage();
    page.on("pageerror", (e) => console.log(`page error: ${e.message}`));
    await page.goto(`${url}10-training-on-digits/`, { waitUntil: "networkidle" });
    const trainer = page.locator("[data-trainer]").first();
    await trainer.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !document.querySelector("[data-trainer]")?.closest("astro-island")?.hasAttribute("ssr"));
    await trainer.getByRole("button", { name: "All of MNIST, best settings" }).click();
    const first = await trainOnce(page, 0);
    report("preset, first press (download and decompression included in the second figure)", first);
    const second = await trainOnce(page, 0);
    report("preset, second press (digits already in the worker)", second);
    await page.close();
  }
  if (!process.argv.includes("--no-recipe")) {
    const p11 = await chrome.browser.newPage();
    await p11.goto(`${url}11-training-better/`, { waitUntil: "networkidle" });
    const t = p11.locator("[data-trainer]").nth(1);
    await t.scrollIntoViewIfNeeded();
    await p11.waitForFunction(() => !document.querySelectorAll("[data-trainer]")[1]?.closest("astro-island")?.hasAttribute("ssr"));
    for (const [label, value] of Object.entries(RECIPE)) {
      await t.locator(".tr-field").filter({ has: p11.getByText(label, { exact: true }) }).locator("select").selectOption(value);
    }
    await t.getByLabel("Shift digits by up to a pixel").check();
    report(`chapter 11's recipe (${Object.values(RECIPE).join(", ")}, shifted digits)`, await trainOnce(p11, 1));
  }
  const after = load();
  console.log(`load average after: ${after}`);
  console.log("\nfor the README (| run | load average | test accuracy | training (trainer's clock) | Train → test accuracy | longest main-thread task: by the clock, by its CPU time |):");
  for (const { name, r } of rows) {
    const tasks = r.long.length > 0 ? ` (${r.long.length} task${r.long.length > 1 ? "s" : ""} over 50 ms)` : "";
    console.log(
      `| ${name.replace(/ \(.*$/, "")} | ${before} → ${after} | ${(100 * r.accuracy).toFixed(2)} % | ${r.seconds.toFixed(1)} s | ` +
        `${r.wall.toFixed(1)} s | ${r.longest} ms${tasks}, ${r.longestCpu} ms |`,
    );
  }
} finally {
  await chrome.close();
  server.close();
}
