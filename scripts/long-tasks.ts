/**
 * The main thread's long tasks while a page loads, as Lighthouse's phone
 * settings see them (CPU slowed 4×, a 412×823 screen), read from Chromium's
 * trace: the blocking time (the part of each task over 50 ms, summed over the
 * first 10 s, the way Lighthouse's total blocking time counts it between first
 * paint and quiet) and the longest tasks, with what filled them: layout, style,
 * scripts, and the font look-ups inside a layout (FontCache::…: asking the
 * system for a font family, size or a character's fallback font).
 *
 *   node scripts/long-tasks.ts 02 04 05 06       # chapters 2, 4, 5, 6 of dist/, 3 runs each
 *   RUNS=5 node scripts/long-tasks.ts 02
 *
 * The figures change with the machine's load: compare runs made under the same load.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./serve.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const dist = path.resolve(ROOT, process.env.DIST ?? "dist");
const runs = Number(process.env.RUNS ?? 3);
const wanted = process.argv.slice(2);
const pages = readdirSync(dist).filter((d) => /^\d\d-/.test(d) && existsSync(path.join(dist, d, "index.html"))).filter((d) => !wanted.length || wanted.some((w) => d.startsWith(w)));

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; cat: string; args?: { data?: Record<string, unknown>; beginData?: { url?: string } } }

/** One load of `url`: the main thread's tasks of 50 ms or more, and what they spent their time on. */
async function load(browser: import("playwright-core").Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
  await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,loading,fonts", transferMode: "ReportEvents" });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(6000);
  await cdp.send("Tracing.end");
  await done;
  await context.close();
  // The page's main thread: the one that parsed its HTML (the browser's own pages have theirs).
  const parse = events.find((e) => e.name === "ParseHTML" && String((e.args as { beginData?: { url?: string } } | undefined)?.beginData?.url ?? "").startsWith(url));
  const main = events.filter((e) => parse && e.pid === parse.pid && e.tid === parse.tid);
  const start = Math.min(...main.filter((e) => e.ph === "X").map((e) => e.ts));
  const tasks = main.filter((e) => e.name === "RunTask" && e.ph === "X" && (e.dur ?? 0) >= 50_000 && e.ts - start < 10_000_000);
  const what = (task: TraceEvent) => {
    const inside = main.filter((e) => e.ph === "X" && e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0) && e !== task);
    // Count each kind once where it nests in itself (a FunctionCall inside a FunctionCall).
    const sum = new Map<string, number>();
    for (const e of inside) {
      const kind = e.name === "FunctionCall" || e.name === "EvaluateScript" || e.name === "v8.compile" ? `${e.name} ${String(e.args?.data?.url ?? "").replace(/^.*\//, "")}` : e.name;
      if (["Layout", "UpdateLayoutTree", "ParseHTML", "Paint", "PrePaint", "Layerize", "ParseAuthorStyleSheet", "v8.evaluateModule", "FunctionCall", "EvaluateScript", "TimerFire", "FireIdleCallback", "EventDispatch", "FontCache::GetFontPlatformData", "FontCache::FallbackFontForCharacter"].includes(e.name)) sum.set(kind, (sum.get(kind) ?? 0) + (e.dur ?? 0));
    }
    return [...sum].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${(v / 1000).toFixed(0)}`).join(", ");
  };
  return {
    blocking: tasks.reduce((s, t) => s + (t.dur! - 50_000), 0) / 1000,
    longest: tasks.sort((a, b) => b.dur! - a.dur!).slice(0, 3).map((t) => `${(t.dur! / 1000).toFixed(0)} ms at ${((t.ts - start) / 1000).toFixed(0)} (${what(t)})`),
  };
}

const { server, url } = await serve({ root: dist, port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  for (const p of pages) {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await load(browser, `${url}${p}/`));
    const blocking = results.map((r) => r.blocking).sort((a, b) => a - b);
    console.log(`${p}: blocking ${blocking.map((b) => b.toFixed(0)).join(", ")} ms (median ${blocking[Math.floor(runs / 2)].toFixed(0)})`);
    for (const l of results[0].longest) console.log(`    ${l}`);
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.close(resolve));
}
