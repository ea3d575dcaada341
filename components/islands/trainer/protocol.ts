/**
 * The messages between the trainer island (the page) and its Web Worker,
 * and nothing else. The page asks; the worker trains and reports.
 */
import type { KernelName } from "nnfs";
import type { Settings } from "./settings.ts";

/** A test digit the network got wrong: its pixels (0–255), the truth and the answer. */
export interface WrongDigit {
  index: number;
  label: number;
  predicted: number;
  pixels: Uint8Array;
}

/** How the network did on the test digits, touched once, after training. */
export interface TestReport {
  loss: number;
  accuracy: number;
  /** Up to `WRONG_SHOWN` of the digits it got wrong, in test-set order. */
  wrong: WrongDigit[];
  /** How many test digits it got wrong in all. */
  wrongCount: number;
  /** How many test digits there are (1,000, or 10,000 for all of MNIST); absent in reports kept by earlier versions (1,000). */
  total?: number;
}

/** How many wrong digits the report carries. */
export const WRONG_SHOWN = 24;

export type ToWorker =
  /** Train one or more configurations, one after another, on the same data (the first run's `data` decides which file `dataUrl` is). */
  | { type: "train"; dataUrl: string; runs: Settings[] }
  /** Stop after the current batch; the network keeps what it has learned. */
  | { type: "stop" }
  /** Read a network file, check it (load-job.ts), measure it; the page keeps it only after `loaded`. */
  | { type: "load"; dataUrl: string; fullDataUrl: string; file: Blob };

export type FromWorker =
  /** Training is about to start; `kernel` is what the products run on (chapter 12). */
  | { type: "loading"; kernel?: KernelName }
  /** All of MNIST is downloading: compressed bytes so far, and in all (null if the server did not say). */
  | { type: "download"; loaded: number; total: number | null }
  | { type: "start"; run: number; runs: number; batches: number }
  /** Training-loss and accuracy averaged over the batches since the last report. */
  | { type: "batches"; run: number; epoch: number; batch: number; batches: number; loss: number; accuracy: number; seconds: number }
  | { type: "epoch"; run: number; epoch: number; loss: number; accuracy: number; valLoss: number; valAccuracy: number; seconds: number }
  /** A run ended (all its epochs, or stopped); its test report on `testDigits` digits follows in `tested`. */
  | { type: "finished"; run: number; stopped: boolean; seconds: number; testDigits?: number }
  /**
   * The run's network measured once on the test digits, and packed for keeping
   * (store.ts's `pack`), with its validation accuracy, by which it is kept or not (keep-rule.ts).
   */
  /** `about`: the line packed with the network (describeSettings of what trained it: a stopped run's epochs are those it finished). */
  | { type: "tested"; run: number; test: TestReport; packed: string; about: string; validation: number; warning?: string }
  /**
   * A file's network passed every check: keep it (its test report follows in `evaluated`); `validation` is its
   * validation accuracy, `settings` how it was trained when the file records it (model-file.ts), else null.
   */
  | { type: "loaded"; packed: string; about: string; settings: Settings | null; validation: number }
  /** A file's network was refused; nothing changes. */
  | { type: "load-error"; message: string }
  | { type: "evaluated"; test: TestReport }
  | { type: "error"; message: string };
