/**
 * The cell worker: one per chapter page, holding that chapter's notebook.
 * It runs one cell at a time on the path of run-cell.ts, streams what the
 * cell prints, and reports the cell's error with its position. The page
 * enforces the time limit (it terminates this worker), because a worker
 * stuck in a loop cannot stop itself; it also pings, and a worker that stops
 * answering while idle is replaced.
 *
 * Only the page may start a run: the worker's listener and its postMessage
 * are taken before any reader code exists, and a message a cell dispatches
 * itself (`self.dispatchEvent(new MessageEvent(…))`) is not trusted.
 */
import * as nnfs from "nnfs";
import { Notebook, type ConsoleLike } from "./notebook-scope.ts";
import { runCell, type ExerciseOutcome } from "./run-cell.ts";
import { locateError } from "./locate.ts";
import { formatArgs } from "./format.ts";
import { OutputCollector } from "./output.ts";
import { lockDown } from "./sandbox.ts";
import { Timers } from "./timers.ts";
import { snapshotBuiltins } from "./builtins.ts";
import { answerCall, callInNotebook } from "./call.ts";
import { BookNotebook, type BookOutcome } from "./book.ts";
import type { FromWorker, PortHandover, Stream, ToWorker } from "../protocol.ts";

type Scope = Record<string, unknown> & {
  postMessage(m: unknown): void;
  addEventListener: typeof addEventListener;
  close(): void;
  console: Console;
  setTimeout: typeof setTimeout;
  setInterval: typeof setInterval;
  clearTimeout: typeof clearTimeout;
  clearInterval: typeof clearInterval;
};
const scope = globalThis as unknown as Scope;

const base = import.meta.env.BASE_URL;
scope.NNFS_DATA_URL = `${base}data/mnist.bin`;
scope.NNFS_FULL_DATA_URL = `${base}data/mnist-full.bin.gz`; // loadMnist({ set: "full" })

// The reader's trained network: the page sends it (the worker has no storage
// of its own), and `trainedNetwork()` asks for it here.
let trained: string | null = null;
(scope as Record<symbol, unknown>)[nnfs.TRAINED_HOST] = () => trained;

// Private copies, taken before reader code can replace them.
const postToScope = scope.postMessage.bind(scope) as (m: FromWorker) => void;
const listen = scope.addEventListener.bind(scope);
// The page may hand over a MessageChannel port (the worker then lives in the cell
// frame, components/cell/page/framed-worker.ts): messages then go straight to the page.
const portPost = MessagePort.prototype.postMessage;
const portListen = MessagePort.prototype.addEventListener;
const portStart = MessagePort.prototype.start;
let channel: MessagePort | null = null;
const post = (m: FromWorker): void => (channel ? portPost.call(channel, m) : postToScope(m));
const closeWorker = scope.close.bind(scope);
const real = {
  setTimeout: scope.setTimeout.bind(scope),
  setInterval: scope.setInterval.bind(scope),
  clearTimeout: scope.clearTimeout.bind(scope),
  clearInterval: scope.clearInterval.bind(scope),
};
const memory = (performance as Performance & { memory?: { usedJSHeapSize: number; jsHeapSizeLimit: number } }).memory;

/** One run the page started: its output goes under its cell, late output too. */
interface Run {
  runId: number;
  sourceName: string;
  out: OutputCollector;
  console: ConsoleLike;
  finished: boolean;
}

/** Whose code runs now (a cell's body, or a timer it left); else the last run. */
let current: Run | null = null;
let last: Run | null = null;

function as(run: Run, fn: () => void): void {
  const before = current;
  current = run;
  try {
    fn();
  } finally {
    current = before;
    run.out.flush();
  }
}

const timers = new Timers<Run>(real, as);
timers.install(scope, () => current);

function newRun(runId: number, sourceName: string): Run {
  const run: Run = { runId, sourceName, finished: false, console: null!, out: null! };
  run.out = new OutputCollector((pieces) => post({ type: "output", runId, pieces, late: run.finished }));
  const to = (stream: Stream) => (...args: unknown[]) => run.out.write(stream, formatArgs(args));
  run.console = { log: to("log"), info: to("log"), debug: to("log"), warn: to("warn"), error: to("error") };
  return run;
}

// What the library prints or shows outside a cell's own console (a training
// loop's progress, a plot) goes to the run whose code is running.
const routed = (stream: keyof ConsoleLike) => (...args: unknown[]) => (current ?? last)?.console[stream](...args);
scope.console = Object.assign(Object.create(scope.console), { log: routed("log"), info: routed("info"), debug: routed("debug"), warn: routed("warn"), error: routed("error") });

lockDown(scope, `${base}data/`);
const builtins = snapshotBuiltins();
const notebook = new Notebook({ nnfs }, { display: (item) => (current ?? last)?.out.display(item), running: () => current?.console ?? null });
// The book's own cells, for exercise Checks: what they compute is kept between Checks.
const book = new BookNotebook({ nnfs }, { display: (item) => (current ?? last)?.out.display(item) });

// A promise a cell let go of rejected: say so under the cell it belongs to.
listen("unhandledrejection", (event) => {
  const e = event as PromiseRejectionEvent;
  e.preventDefault();
  const run = current ?? last;
  if (!run) return;
  run.console.error(`Unhandled promise rejection: ${locateError(e.reason, notebook.sources, run.sourceName).text}`);
});

async function run(msg: Extract<ToWorker, { type: "run" | "check" }>): Promise<void> {
  const started = performance.now();
  // The cell's last run ends here: its timers stop, and its late output with them.
  timers.cancel((r) => r.sourceName === msg.sourceName);
  const run = newRun(msg.runId, msg.sourceName);
  current = last = run;
  const source = { code: msg.code, sourceName: msg.sourceName, label: msg.label };
  let outcome: ExerciseOutcome | BookOutcome;
  try {
    outcome =
      msg.type === "check"
        ? await book.check(msg.book, source, msg.checks, run.console, (cells) => post({ type: "book", runId: msg.runId, cells }))
        : { ...(await runCell(notebook, source, run.console)), results: [] };
  } finally {
    current = null;
  }
  // Let rejections of promises the cell dropped surface before it counts as finished.
  // (Chromium reports them from a task of its own, a moment after the code settles.)
  await new Promise((r) => real.setTimeout(r, 0));
  await new Promise((r) => real.setTimeout(r, 1));
  const { repaired, intact } = builtins.restore();
  run.out.flush();
  run.finished = true;
  post({
    type: "done",
    runId: msg.runId,
    error: outcome.error,
    dropped: run.out.dropped,
    timers: timers.pending(run),
    names: Object.keys(notebook.scope),
    defines: outcome.defines,
    references: outcome.references,
    repaired,
    checks: msg.type === "check" ? outcome.results : undefined,
    book: "book" in outcome ? outcome.book : undefined,
    ms: performance.now() - started,
  });
  // A built-in that could not be put back (a frozen prototype): this worker
  // is not clean any more. It ends; the page notices and starts a new one.
  if (!intact) closeWorker();
}

// Runs are queued so that a message arriving mid-run waits its turn; pings are answered at once.
let queue = Promise.resolve();
function receive(event: Event): void {
  if (!event.isTrusted) return;
  const msg = (event as MessageEvent<ToWorker | PortHandover>).data;
  if (msg.type === "port") {
    const port = (event as MessageEvent).ports[0];
    if (channel || !port) return;
    channel = port;
    portListen.call(port, "message", receive);
    portStart.call(port);
  } else if (msg.type === "ping") {
    post({ type: "pong", memory: memory ? { used: memory.usedJSHeapSize, limit: memory.jsHeapSizeLimit } : null });
  } else if (msg.type === "trained") {
    trained = msg.packed;
  } else if (msg.type === "call") {
    // An island asks: answered at once (a loop in the reader's function is the page's to stop).
    answerCall((answer) => post({ type: "called", callId: msg.callId, answer }), msg.name, () => callInNotebook(notebook, msg.name, msg.args));
  } else {
    queue = queue.then(() => run(msg));
  }
}
listen("message", receive);

post({ type: "ready", exports: Object.keys(nnfs).sort() });
