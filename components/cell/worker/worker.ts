/**
 * The cell worker: one per chapter page, holding that chapter's notebook.
 * It runs one cell at a time, streams what the cell prints, and reports the
 * cell's error with its position. The page enforces the time limit (it
 * terminates this worker), because a worker stuck in a loop cannot stop itself.
 */
import * as nnfs from "nnfs";
import { Notebook, locateError, type ConsoleLike } from "./notebook-scope.ts";
import { prepareCell, jsColumn, tsPosition, type PreparedCell } from "./transpile.ts";
import { formatArgs } from "./format.ts";
import { errorText } from "./run-cells.ts";
import { OutputCollector } from "./output.ts";
import { createChecker } from "./checks.ts";
import { lockDown } from "./sandbox.ts";
import type { FromWorker, Stream, ToWorker } from "../protocol.ts";

type Scope = Record<string, unknown> & {
  postMessage(m: unknown): void;
  addEventListener: typeof addEventListener;
  setTimeout: typeof setTimeout;
  setInterval: typeof setInterval;
  clearTimeout: typeof clearTimeout;
  clearInterval: typeof clearInterval;
};
const scope = globalThis as unknown as Scope;

const base = import.meta.env.BASE_URL;
scope.NNFS_DATA_URL = `${base}data/mnist.bin`;

// Private copies, taken before reader code can replace them.
const post = scope.postMessage.bind(scope) as (m: FromWorker) => void;
const realSetTimeout = scope.setTimeout.bind(scope);
const realSetInterval = scope.setInterval.bind(scope);
const realClearTimeout = scope.clearTimeout.bind(scope);
const realClearInterval = scope.clearInterval.bind(scope);
const listen = scope.addEventListener.bind(scope);

lockDown(scope, `${base}data/`);

/** The run under way: its output goes under its cell. */
let current: { runId: number; out: OutputCollector; sourceName: string; prologue: number; code: string; prepared: PreparedCell | null } | null = null;

/** Where an error happened, in the reader's TypeScript (columns shift where types were stripped). */
function locate(e: unknown, run: NonNullable<typeof current>) {
  const info = locateError(e, run.sourceName, run.prologue);
  if (run.prepared && info.line !== null) {
    info.column = tsPosition(run.code, run.prepared.js, info.line, jsColumn(run.prepared, info.line, info.column));
  }
  return info;
}

// Timers started by a cell are tracked, so the ones still pending when it
// finishes can be cancelled (and reported) instead of firing under a later cell.
const timers = new Map<number, "timeout" | "interval">();
scope.setTimeout = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
  const id = realSetTimeout(
    (...a: unknown[]) => {
      timers.delete(id as unknown as number);
      if (typeof fn === "function") fn(...a);
    },
    ms,
    ...args,
  ) as unknown as number;
  timers.set(id, "timeout");
  return id;
}) as typeof setTimeout;
scope.setInterval = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
  const id = realSetInterval(fn, ms, ...args) as unknown as number;
  timers.set(id, "interval");
  return id;
}) as typeof setInterval;
scope.clearTimeout = ((id?: number) => {
  if (id !== undefined) timers.delete(id);
  realClearTimeout(id);
}) as typeof clearTimeout;
scope.clearInterval = ((id?: number) => {
  if (id !== undefined) timers.delete(id);
  realClearInterval(id);
}) as typeof clearInterval;

function cancelTimers(): number {
  const n = timers.size;
  for (const [id, kind] of timers) (kind === "timeout" ? realClearTimeout : realClearInterval)(id);
  timers.clear();
  return n;
}

function cellConsole(out: OutputCollector): ConsoleLike {
  const to = (stream: Stream) => (...args: unknown[]) => out.write(stream, formatArgs(args));
  return { log: to("log"), info: to("log"), debug: to("log"), warn: to("warn"), error: to("error") };
}

const notebook = new Notebook({ nnfs }, { display: (item) => current?.out.display(item) });

// A promise the cell let go of rejected: say so under the cell that is running.
listen("unhandledrejection", (event) => {
  const e = event as PromiseRejectionEvent;
  e.preventDefault();
  if (!current) return;
  const info = locate(e.reason, current);
  current.out.write("error", `Unhandled promise rejection: ${errorText(info)}`);
});

async function run(msg: ToWorker): Promise<void> {
  const started = performance.now();
  const out = new OutputCollector((pieces) => post({ type: "output", runId: msg.runId, pieces }));
  const run = { runId: msg.runId, out, sourceName: msg.sourceName, prologue: 0, code: msg.code, prepared: null as PreparedCell | null };
  current = run;
  const console = cellConsole(out);
  let error: (ReturnType<typeof locateError> & { text: string }) | null = null;
  let checks;
  try {
    const prepared = prepareCell(msg.code);
    run.prologue = prepared.prologueLength;
    run.prepared = prepared;
    await notebook.runPrepared(prepared, console, msg.sourceName);
    if (msg.type === "check") {
      const checker = createChecker();
      notebook.scope.check = checker.check;
      try {
        await notebook.run(msg.checks, console, `checks-${msg.sourceName}`);
        checks = await checker.results();
      } finally {
        delete notebook.scope.check;
      }
    }
  } catch (e) {
    const info = locate(e, run);
    error = { ...info, text: errorText(info) };
  }
  // Let rejections of promises the cell dropped surface before it counts as finished.
  // (Chromium reports them from a task of its own, a moment after the code settles.)
  await new Promise((r) => realSetTimeout(r, 0));
  await new Promise((r) => realSetTimeout(r, 1));
  const pendingTimers = cancelTimers();
  out.flush();
  current = null;
  post({
    type: "done",
    runId: msg.runId,
    error,
    dropped: out.dropped,
    timers: pendingTimers,
    names: Object.keys(notebook.scope),
    checks,
    ms: performance.now() - started,
  });
}

// Runs are queued so that a message arriving mid-run waits its turn.
let queue = Promise.resolve();
listen("message", (event) => {
  const msg = (event as MessageEvent<ToWorker>).data;
  queue = queue.then(() => run(msg));
});

post({ type: "ready", exports: Object.keys(nnfs).sort() });
