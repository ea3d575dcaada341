/**
 * The page's side of the cell worker: starts it on first use, sends one cell
 * at a time, enforces the time limit and Stop by terminating the worker (a
 * worker stuck in a loop cannot be interrupted any other way), and starts a
 * fresh one afterwards, whose notebook is empty.
 *
 * A heartbeat watches the worker: it is pinged every second, and one that
 * has not answered for HEARTBEAT_DEAD_MS while no cell runs (a busy cell
 * cannot answer; its time limit covers it) is taken for dead and replaced.
 * Late output (printed by a timer after its cell finished) still reaches
 * the run it belongs to, until that cell runs again.
 */
import type { BookCellCode, CallAnswer, CallValue, CellError, FromWorker, OutputPiece, ToWorker } from "../protocol.ts";

export const DEFAULT_TIMEOUT_MS = 10_000;
export const HEARTBEAT_MS = 1000;
export const HEARTBEAT_DEAD_MS = 5000;
/** How long an island waits for a reader's function before the worker is taken for stuck. */
export const CALL_TIMEOUT_MS = 3000;

export type Done = Extract<FromWorker, { type: "done" }>;
export type RunEnd = { kind: "done"; message: Done } | { kind: "timeout"; ms: number } | { kind: "stopped" } | { kind: "crashed"; message: string };
export type { CellError };

export interface RunRequest {
  code: string;
  sourceName: string;
  label: string;
  checks?: string;
  /** For a Check: the book's cells above the exercise (the worker runs those the answer needs). */
  book?: BookCellCode[];
  timeoutMs: number;
  /**
   * A Check is about to run these of the book's cells first; returns the
   * milliseconds to add to the time limit for them.
   */
  onBook?(cells: number[]): number;
  /** Output as it comes; `late` once the run has finished. */
  onOutput(pieces: OutputPiece[], late: boolean): void;
}

type WorkerLike = Pick<Worker, "postMessage" | "terminate" | "addEventListener">;

export class WorkerRunner {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private active: { runId: number; finish(end: RunEnd): void; extend(ms: number): void; onBook?: RunRequest["onBook"] } | null = null;
  /** Where output goes, by run, for as long as late output may come. */
  private readonly sinks = new Map<number, RunRequest["onOutput"]>();
  private lastPong = 0;
  private beat: ReturnType<typeof setInterval> | undefined;
  /** Bumped each time a worker starts; a new generation has an empty notebook. */
  generation = 0;
  exports: string[] = [];
  names: string[] = [];
  /** The worker's heap at its last answer, where the browser tells. */
  memory: { used: number; limit: number } | null = null;
  private readyListeners: (() => void)[] = [];
  private readonly calls = new Map<number, { answer(a: CallAnswer): void; timer: ReturnType<typeof setTimeout> }>();
  /** Called when a worker that was not running a cell died and was replaced. */
  onDeath: (why: string) => void = () => {};
  /**
   * The reader's trained network as stored (packed text), or null: read
   * before every run and sent to the worker when it changed, so that
   * `trainedNetwork()` in a cell sees the latest one.
   */
  trained: () => string | null = () => null;
  /** What this worker holds (a new worker holds none). */
  private sentTrained: string | null = null;

  private readonly create: () => WorkerLike;
  private readonly now: () => number;
  constructor(create: () => WorkerLike, now: () => number = () => Date.now()) {
    this.create = create;
    this.now = now;
  }

  /** Starts the worker now (say, when a cell nears the viewport) so the first Run is quick. */
  warm(): void {
    if (!this.worker) this.start();
  }

  onReady(fn: () => void): void {
    this.readyListeners.push(fn);
  }

  get running(): boolean {
    return this.active !== null;
  }

  private start(): void {
    const worker = this.create();
    this.worker = worker;
    this.sentTrained = null;
    this.generation++;
    this.lastPong = this.now();
    worker.addEventListener("message", (event) => {
      if (this.worker === worker) this.receive((event as MessageEvent<FromWorker>).data);
    });
    worker.addEventListener("error", (event) => {
      if (this.worker !== worker) return;
      const message = (event as ErrorEvent).message || "the cell worker failed to start";
      (event as Event).preventDefault?.();
      this.kill();
      this.active?.finish({ kind: "crashed", message });
    });
    clearInterval(this.beat);
    this.beat = setInterval(() => this.heartbeat(), HEARTBEAT_MS);
  }

  private receive(msg: FromWorker): void {
    this.lastPong = this.now();
    if (msg.type === "ready") {
      this.exports = msg.exports;
      for (const fn of this.readyListeners) fn();
    } else if (msg.type === "pong") {
      this.memory = msg.memory;
    } else if (msg.type === "called") {
      this.calls.get(msg.callId)?.answer(msg.answer);
    } else if (msg.type === "output") {
      this.sinks.get(msg.runId)?.(msg.pieces, msg.late);
    } else if (msg.type === "book") {
      if (this.active?.runId === msg.runId) this.active.extend(this.active.onBook?.(msg.cells) ?? 0);
    } else if (this.active?.runId === msg.runId) {
      this.names = msg.names;
      this.active.finish({ kind: "done", message: msg });
    }
  }

  private heartbeat(): void {
    if (!this.worker) return;
    if (!this.active && this.now() - this.lastPong > HEARTBEAT_DEAD_MS) {
      this.kill();
      this.onDeath(`the cell worker stopped answering for ${HEARTBEAT_DEAD_MS / 1000} s`);
      return;
    }
    this.worker.postMessage({ type: "ping" } satisfies ToWorker);
  }

  private kill(): void {
    this.worker?.terminate();
    this.worker = null;
    this.sinks.clear();
    for (const c of [...this.calls.values()]) c.answer({ kind: "missing", defined: false, why: "The notebook restarted, so it is empty: run the cell that defines it again." });
    clearInterval(this.beat);
  }

  /** Runs one cell; resolves when it finishes, times out, is stopped or the worker dies. */
  run(request: RunRequest): Promise<RunEnd> {
    if (this.active) return Promise.reject(new Error("WorkerRunner.run: a cell is already running"));
    if (!this.worker) this.start();
    const runId = this.nextId++;
    // A cell's earlier runs stop talking when it runs again.
    for (const [id, sink] of this.sinks) if (sink === request.onOutput) this.sinks.delete(id);
    this.sinks.set(runId, request.onOutput);
    return new Promise<RunEnd>((resolve) => {
      let limit = request.timeoutMs;
      const started = this.now();
      const arm = () =>
        setTimeout(() => {
          this.kill();
          finish({ kind: "timeout", ms: limit });
        }, Math.max(0, started + limit - this.now()));
      let timer = arm();
      const finish = (end: RunEnd) => {
        if (this.active?.runId !== runId) return;
        clearTimeout(timer);
        this.active = null;
        resolve(end);
      };
      // The book's cells a Check runs first get their own time on top of the answer's.
      const extend = (ms: number) => {
        if (!(ms > 0)) return;
        limit += ms;
        clearTimeout(timer);
        timer = arm();
      };
      this.active = { runId, finish, extend, onBook: request.onBook };
      this.sendTrained();
      const cell = { runId, code: request.code, sourceName: request.sourceName, label: request.label };
      const msg: ToWorker = request.checks !== undefined ? { type: "check", ...cell, checks: request.checks, book: request.book ?? [] } : { type: "run", ...cell };
      this.worker!.postMessage(msg);
    });
  }

  private sendTrained(): void {
    let packed: string | null = null;
    try {
      packed = this.trained();
    } catch {
      packed = null; // storage refused: the cell hears there is none
    }
    if (packed === this.sentTrained) return;
    this.sentTrained = packed;
    this.worker!.postMessage({ type: "trained", packed } satisfies ToWorker);
  }

  /**
   * Calls the notebook's function `name` once per argument list, for an
   * island. A function that does not return within CALL_TIMEOUT_MS is stuck
   * (a loop): the worker is replaced, as Stop would, and the page told.
   */
  call(name: string, args: CallValue[][]): Promise<CallAnswer> {
    if (this.active) return Promise.resolve({ kind: "missing", defined: false, why: "A cell is running: this works again once it has finished." });
    if (!this.worker) this.start();
    const callId = this.nextId++;
    return new Promise((resolve) => {
      const answer = (a: CallAnswer) => {
        clearTimeout(this.calls.get(callId)?.timer);
        this.calls.delete(callId);
        resolve(a);
      };
      const timer = setTimeout(() => {
        const why = `${name} did not return within ${CALL_TIMEOUT_MS / 1000} s`;
        answer({ kind: "stuck", seconds: CALL_TIMEOUT_MS / 1000 });
        this.kill();
        this.onDeath(why);
      }, CALL_TIMEOUT_MS);
      this.calls.set(callId, { answer, timer });
      this.worker!.postMessage({ type: "call", callId, name, args } satisfies ToWorker);
    });
  }

  /** Stops the running cell: the worker is terminated, and the next run starts a new one. */
  stop(): void {
    if (!this.active) return;
    this.kill();
    this.active.finish({ kind: "stopped" });
  }

  /** Ends the worker and its notebook (nothing may be running); the next run starts afresh. */
  restart(): void {
    this.stop();
    this.kill();
  }
}
