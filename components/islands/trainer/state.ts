/**
 * The trainer's state machine: what the island shows, as a pure function of
 * the reader's actions and the worker's messages. The `.tsx` only renders a
 * `TrainerState` and sends what `reduce` is given.
 *
 *   idle ──Train──▶ loading ──▶ training ──all runs finished──▶ done
 *                       │            └──Stop──▶ stopped
 *                       └──error──▶ error          (Reset from anywhere: idle)
 */
import type { FromWorker, TestReport } from "./protocol.ts";

export type Phase = "idle" | "loading" | "training" | "done" | "stopped" | "error";

/** One point of a curve: x in epochs (2.5 is half-way through the third), y the value. */
export interface Point {
  x: number;
  y: number;
}

export interface RunCurves {
  trainLoss: Point[];
  trainAccuracy: Point[];
  valLoss: Point[];
  valAccuracy: Point[];
}

export interface RunResult {
  stopped: boolean;
  seconds: number;
  test: TestReport | null;
  /** How many test digits are being measured, between the end of training and the test report. */
  testing?: number;
}

export interface TrainerState {
  phase: Phase;
  /** The run being trained (comparison mode trains several), and how many there are. */
  run: number;
  runs: number;
  /** Epochs finished in the current run, of `epochs`. */
  epoch: number;
  epochs: number;
  /** Epochs of each run, as asked for. */
  plan: number[];
  /** Batches done in the epoch under way, of `batches`. */
  batch: number;
  batches: number;
  /** Validation accuracy after the last finished epoch, or null before the first. */
  valAccuracy: number | null;
  curves: RunCurves[];
  results: (RunResult | null)[];
  /** Seconds since Train was pressed, as last reported. */
  seconds: number;
  error: string | null;
  /** The kernel the worker's products run on ("wasm-relaxed-simd", …), once it has said. */
  kernel: string | null;
  /** Shown from storage (a comparison kept from an earlier visit), not trained on this page. */
  restored: boolean;
  /** All of MNIST downloading (or downloaded by this job): compressed bytes so far and in all. */
  download: { loaded: number; total: number | null } | null;
}

export type Action =
  | { type: "train"; epochs: number[] }
  | { type: "stop" }
  | { type: "reset" }
  /** Show runs kept from an earlier visit (comparison mode), as finished. */
  | { type: "restore"; epochs: number[]; curves: RunCurves[]; results: (RunResult | null)[] }
  | { type: "worker"; message: FromWorker };

export function initialState(): TrainerState {
  return { phase: "idle", run: 0, runs: 0, epoch: 0, epochs: 0, plan: [], batch: 0, batches: 0, valAccuracy: null, curves: [], results: [], seconds: 0, error: null, kernel: null, restored: false, download: null };
}

const emptyCurves = (): RunCurves => ({ trainLoss: [], trainAccuracy: [], valLoss: [], valAccuracy: [] });

/** Whether the worker is busy for this state (Train disabled, Stop enabled). */
export function isBusy(state: TrainerState): boolean {
  return state.phase === "loading" || state.phase === "training";
}

/**
 * The value of the island's `data-state` attribute, the contract with the
 * browser tests: loading counts as training (the reader pressed Train).
 */
export function dataState(state: TrainerState): "idle" | "training" | "done" | "stopped" | "error" {
  return state.phase === "loading" ? "training" : state.phase;
}

/** Progress through the current run's epochs, 0 to 1, for the `<progress>` bar. */
export function epochProgress(state: TrainerState): number {
  if (state.epochs === 0) return 0;
  const within = state.batches > 0 && state.epoch < state.epochs ? state.batch / state.batches : 0;
  return Math.min(1, (state.epoch + within) / state.epochs);
}

/** The next state. Actions that make no sense in a state (Stop when idle) change nothing. */
export function reduce(state: TrainerState, action: Action): TrainerState {
  switch (action.type) {
    case "train":
      if (isBusy(state)) return state;
      return {
        ...initialState(),
        phase: "loading",
        runs: action.epochs.length,
        epochs: action.epochs[0] ?? 0,
        plan: action.epochs,
        curves: action.epochs.map(emptyCurves),
        results: action.epochs.map(() => null),
      };
    case "stop":
      return state; // the worker answers with `finished … stopped`
    case "reset":
      return initialState();
    case "restore": {
      if (isBusy(state)) return state;
      const last = action.curves.at(-1)?.valAccuracy ?? [];
      const stopped = action.results.some((r) => r?.stopped);
      return {
        ...initialState(),
        phase: stopped ? "stopped" : "done",
        restored: true,
        run: Math.max(0, action.curves.length - 1),
        runs: action.curves.length,
        plan: action.epochs,
        epochs: action.epochs.at(-1) ?? 0,
        epoch: last.length,
        valAccuracy: last.at(-1)?.y ?? null,
        curves: action.curves,
        results: action.results,
        seconds: action.results.at(-1)?.seconds ?? 0,
      };
    }
    case "worker":
      return onMessage(state, action.message);
  }
}

function onMessage(state: TrainerState, m: FromWorker): TrainerState {
  if (state.phase === "idle" && m.type !== "evaluated") return state; // a late message after Reset
  switch (m.type) {
    case "loading":
      return { ...state, phase: "loading", kernel: m.kernel ?? state.kernel };
    case "download":
      return { ...state, download: { loaded: m.loaded, total: m.total } };
    case "start":
      return { ...state, phase: "training", run: m.run, runs: m.runs, epoch: 0, batch: 0, batches: m.batches, valAccuracy: null, epochs: state.plan[m.run] ?? state.epochs };
    case "batches": {
      const curves = state.curves.slice();
      const c = curves[m.run] ?? emptyCurves();
      const x = m.epoch - 1 + m.batch / m.batches;
      curves[m.run] = { ...c, trainLoss: [...c.trainLoss, { x, y: m.loss }], trainAccuracy: [...c.trainAccuracy, { x, y: m.accuracy }] };
      return { ...state, phase: "training", run: m.run, batch: m.batch, batches: m.batches, curves, seconds: m.seconds };
    }
    case "epoch": {
      const curves = state.curves.slice();
      const c = curves[m.run] ?? emptyCurves();
      curves[m.run] = { ...c, valLoss: [...c.valLoss, { x: m.epoch, y: m.valLoss }], valAccuracy: [...c.valAccuracy, { x: m.epoch, y: m.valAccuracy }] };
      return { ...state, run: m.run, epoch: m.epoch, batch: 0, valAccuracy: m.valAccuracy, curves };
    }
    case "finished": {
      const results = state.results.slice();
      results[m.run] = { stopped: m.stopped, seconds: m.seconds, test: null, ...(m.testDigits ? { testing: m.testDigits } : {}) };
      const last = m.run + 1 >= state.runs;
      const phase: Phase = m.stopped ? "stopped" : last ? "done" : state.phase;
      return { ...state, results, phase, seconds: m.seconds };
    }
    case "tested": {
      const results = state.results.slice();
      results[m.run] = { stopped: results[m.run]?.stopped ?? false, seconds: results[m.run]?.seconds ?? 0, test: m.test };
      return { ...state, results };
    }
    case "evaluated":
      return { ...initialState(), phase: "done", runs: 1, curves: [emptyCurves()], results: [{ stopped: false, seconds: 0, test: m.test }] };
    case "error":
      return { ...state, phase: "error", error: m.message };
    case "loaded":
    case "load-error": // the file row says it; the training state is untouched
      return state;
  }
}

/** The latest result that has a test report, if any (the network the page keeps). */
export function lastResult(state: TrainerState): RunResult | null {
  for (let i = state.results.length - 1; i >= 0; i--) if (state.results[i]?.test) return state.results[i];
  return null;
}

/** "4.2 MB of 11.2 MB" (or "4.2 MB" when the total is unknown). */
export function describeBytes({ loaded, total }: { loaded: number; total: number | null }): string {
  const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
  return total ? `${mb(loaded)} of ${mb(total)}` : mb(loaded);
}

/** The test accuracy of the last run that has one, for the root's `data-test-accuracy`, or undefined. */
export function testAccuracy(state: TrainerState): number | undefined {
  return lastResult(state)?.test?.accuracy;
}

const pc = (v: number) => `${(100 * v).toFixed(1)} %`;
/** Seconds, loosely: "0.8 s", "3.2 s", "14 s". */
export function formatSeconds(s: number): string {
  return s < 10 ? `${s.toFixed(1)} s` : `${Math.round(s)} s`;
}

/** One sentence saying where the trainer is, for the status line (a polite live region). */
export function describeState(state: TrainerState): string {
  const which = state.runs > 1 ? `Run ${state.run + 1} of ${state.runs}: ` : "";
  switch (state.phase) {
    case "idle":
      return "Choose, then press Train: the curves appear as the network learns.";
    case "loading":
      return state.download ? `Downloading all of MNIST: ${describeBytes(state.download)}…` : "Loading the digits…";
    case "training": {
      const text = state.valAccuracy === null
        ? `training, epoch 1 of ${state.epochs}…`
        : `epoch ${state.epoch} of ${state.epochs} done: validation accuracy ${pc(state.valAccuracy)}.`;
      return which ? which + text : text[0].toUpperCase() + text.slice(1);
    }
    case "done":
    case "stopped": {
      if (state.restored) return `Your last comparison (${state.runs} run${state.runs === 1 ? "" : "s"}), kept in this browser: Train runs it again, Reset forgets it.`;
      const how = state.phase === "stopped" ? `Stopped after ${state.epoch} full epoch${state.epoch === 1 ? "" : "s"}` : `Done: ${state.epochs} epoch${state.epochs === 1 ? "" : "s"}`;
      // Training ended; the test report is on its way (a second or more on all of MNIST).
      const ended = state.results[state.run];
      if (ended && !ended.test && ended.testing) {
        return `${which}${how} in ${formatSeconds(ended.seconds)}; measuring the network on the ${ended.testing.toLocaleString("en-US")} test digits…`;
      }
      // A run stopped before its first epoch ended has no network (run.ts): nothing is measured.
      if (state.phase === "stopped" && ended && !ended.test && !ended.testing && state.epoch === 0 && state.runs === 1) {
        return `Stopped in the first epoch, after ${formatSeconds(ended.seconds)}: no epoch finished, so there is no network to measure or keep.`;
      }
      const r = lastResult(state);
      if (!r?.test) return state.phase === "stopped" ? "Stopped." : "Done.";
      if (r.seconds === 0) return `Loaded: test accuracy ${pc(r.test.accuracy)}.`;
      if (state.runs > 1 && state.phase === "done") {
        const seconds = state.results.reduce((sum, x) => sum + (x?.seconds ?? 0), 0);
        return `Done: ${state.runs} runs of ${state.epochs} epoch${state.epochs === 1 ? "" : "s"} each in ${formatSeconds(seconds)}; the table below compares them.`;
      }
      const on = state.kernel === null ? "" : ` on ${state.kernel}`;
      return `${which}${how} in ${formatSeconds(r.seconds)}${on}; test accuracy ${pc(r.test.accuracy)}.`;
    }
    case "error":
      return `Training failed: ${state.error}`;
  }
}
