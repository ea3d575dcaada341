/**
 * The page's side of the cell worker: starts it on first use, sends one cell
 * at a time, enforces the time limit and Stop by terminating the worker (a
 * worker stuck in a loop cannot be interrupted any other way), and starts a
 * fresh one afterwards, whose notebook is empty.
 */
import type { FromWorker, OutputPiece, ToWorker } from "../protocol.ts";

export const DEFAULT_TIMEOUT_MS = 10_000;

export type RunEnd =
  | { kind: "done"; message: Extract<FromWorker, { type: "done" }> }
  | { kind: "timeout"; ms: number }
  | { kind: "stopped" }
  | { kind: "crashed"; message: string };

export interface RunRequest {
  index: number;
  code: string;
  sourceName: string;
  checks?: string;
  timeoutMs: number;
  onOutput(pieces: OutputPiece[]): void;
}

type WorkerLike = Pick<Worker, "postMessage" | "terminate" | "addEventListener">;

export class WorkerRunner {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private active: { runId: number; request: RunRequest; finish(end: RunEnd): void; timer: ReturnType<typeof setTimeout> } | null = null;
  /** Bumped each time a worker starts; a new generation has an empty notebook. */
  generation = 0;
  exports: string[] = [];
  names: string[] = [];
  private readyListeners: (() => void)[] = [];

  private readonly create: () => WorkerLike;
  constructor(create: () => WorkerLike) {
    this.create = create;
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
    this.generation++;
    worker.addEventListener("message", (event) => {
      if (this.worker !== worker) return;
      const msg = (event as MessageEvent<FromWorker>).data;
      if (msg.type === "ready") {
        this.exports = msg.exports;
        for (const fn of this.readyListeners) fn();
      } else if (this.active && msg.runId === this.active.runId) {
        if (msg.type === "output") this.active.request.onOutput(msg.pieces);
        else if (msg.type === "done") {
          this.names = msg.names;
          this.active.finish({ kind: "done", message: msg });
        }
      }
    });
    worker.addEventListener("error", (event) => {
      if (this.worker !== worker) return;
      const message = (event as ErrorEvent).message || "the cell worker failed to start";
      (event as Event).preventDefault?.();
      this.kill();
      this.active?.finish({ kind: "crashed", message });
    });
  }

  private kill(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  /** Runs one cell; resolves when it finishes, times out, is stopped or the worker dies. */
  run(request: RunRequest): Promise<RunEnd> {
    if (this.active) return Promise.reject(new Error("WorkerRunner.run: a cell is already running"));
    if (!this.worker) this.start();
    const runId = this.nextId++;
    return new Promise<RunEnd>((resolve) => {
      const timer = setTimeout(() => {
        this.kill();
        finish({ kind: "timeout", ms: request.timeoutMs });
      }, request.timeoutMs);
      const finish = (end: RunEnd) => {
        if (this.active?.runId !== runId) return;
        clearTimeout(timer);
        this.active = null;
        resolve(end);
      };
      this.active = { runId, request, finish, timer };
      const msg: ToWorker =
        request.checks !== undefined
          ? { type: "check", runId, index: request.index, code: request.code, checks: request.checks, sourceName: request.sourceName }
          : { type: "run", runId, index: request.index, code: request.code, sourceName: request.sourceName };
      this.worker!.postMessage(msg);
    });
  }

  /** Stops the running cell: the worker is terminated, and the next run starts a new one. */
  stop(): void {
    if (!this.active) return;
    this.kill();
    this.active.finish({ kind: "stopped" });
  }
}
