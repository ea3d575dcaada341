/**
 * Whether a page's thread was ever blocked, measured by the CPU time of its
 * tasks rather than by the clock.
 *
 * The browser's `longtask` entries time tasks by the clock, and on a shared
 * 2-core machine a 20 ms task can take 60 ms of the clock while it waits for a
 * core: a test that counts them fails on the machine's load, not on the page.
 * A Chromium trace records each task of the page's thread with the thread's own
 * CPU time as well (`tdur`), which waiting does not grow. A task that uses more
 * than 50 ms of CPU blocks the page on any machine, loaded or not: that is what
 * these tests forbid. How fast the page is lives in the benchmarks
 * (bench/curve-fit-main-thread.ts), not here.
 */
import type { CDPSession, Page } from "playwright-core";

/** The longest CPU time a task of the page's thread may take: the `longtask` threshold. */
export const BLOCKING_MS = 50;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

const traces = new WeakMap<Page, { cdp: CDPSession; events: TraceEvent[] }>();

/** Starts tracing the page's tasks (one trace per page at a time). */
export async function watchMainThread(page: Page): Promise<void> {
  if (traces.has(page)) throw new Error("watchMainThread: this page is already traced");
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send("Tracing.start", { traceConfig: { includedCategories: ["toplevel"] }, transferMode: "ReportEvents" });
  traces.set(page, { cdp, events });
  // The browser answers before the page's process has begun to record: a task that starts at
  // once can be missed. Two frames and a timer task later, it records.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
}

/** Ends the trace: every task of the page's thread since watchMainThread, in ms of the clock and of CPU. */
export async function mainThreadTasks(page: Page): Promise<{ wall: number; cpu: number }[]> {
  const trace = traces.get(page);
  if (!trace) throw new Error("mainThreadTasks: call watchMainThread(page) first");
  traces.delete(page);
  const complete = new Promise((resolve) => trace.cdp.once("Tracing.tracingComplete", resolve));
  await trace.cdp.send("Tracing.end");
  await complete;
  await trace.cdp.detach();
  const main = new Set(trace.events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  if (main.size === 0) throw new Error("mainThreadTasks: the trace names no page thread (CrRendererMain)");
  return trace.events
    .filter((e) => e.ph === "X" && e.name === "ThreadControllerImpl::RunTask" && main.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 }));
}

/** Ends the trace and describes each task that used more than BLOCKING_MS of CPU ("120 ms of CPU (180 ms by the clock)"). */
export async function blockingTasks(page: Page): Promise<string[]> {
  const tasks = await mainThreadTasks(page);
  if (tasks.length === 0) throw new Error("blockingTasks: the trace holds no task of the page's thread");
  return tasks.filter((t) => t.cpu > BLOCKING_MS).map((t) => `${t.cpu.toFixed(0)} ms of CPU (${t.wall.toFixed(0)} ms by the clock)`);
}
