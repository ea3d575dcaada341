/**
 * The trainer's choices: what the reader may change before pressing Train,
 * their defaults, their allowed values, and the network and optimiser they
 * stand for. Pure: the worker builds from these, the page shows them.
 */
import { Adam, Dense, ReLU, SGD, Sequential, Softmax, type Optimizer } from "nnfs";
import { clip, quote } from "../shared/quote.ts";

export type OptimizerChoice = "sgd" | "momentum" | "adam";

/** Which digits to train on: the 10,000 of the small file (quick), or all of MNIST, downloaded when asked for. */
export type DataChoice = "small" | "full";

export interface Settings {
  /** Learning rate. */
  lr: number;
  batchSize: number;
  epochs: number;
  /** Neurons in the hidden layer: 784 → hidden → 10. */
  hidden: number;
  optimizer: OptimizerChoice;
  /** Seeds the first weights and the shuffling, so the same choices give the same curves. */
  seed: number;
  /** Chapter 11: move each training digit by up to one pixel. */
  shift: boolean;
  /** Chapter 11: L2 regularisation λ (0 for none). */
  weightDecay: number;
  /** Chapter 11: the learning rate is multiplied by this after every epoch (1 for no decay). */
  lrDecay: number;
  /** The digits: "small" (8,000 train, 1,000 validation, 1,000 test) or "full" (50,000 / 10,000 / 10,000 official test). */
  data: DataChoice;
}

/** Chapter 10's defaults: plain SGD on 784-128-10, which passes 95 % validation accuracy from the fourth epoch on. */
export const DEFAULTS: Settings = {
  lr: 0.2,
  batchSize: 32,
  epochs: 10,
  hidden: 128,
  optimizer: "sgd",
  seed: 1,
  shift: false,
  weightDecay: 0,
  lrDecay: 1,
  data: "small",
};

/**
 * "All of MNIST, best settings": chapter 11's best optimiser (Adam) with its
 * He/Xavier starting weights, a learning rate that shrinks each epoch, and
 * digits shifted by up to a pixel, over the 50,000 training digits. In Node on
 * the WebAssembly kernels (bench/preset.ts) it reaches 98.15–98.35 % on the
 * official test digits over seeds 1–6. 256 hidden neurons rather than 512: the
 * shifts, not the width, carry it past 98 % (512 without shifts ended at
 * 98.00–98.07 % after six epochs, at twice the cost of an epoch).
 */
export const FULL_PRESET: Settings = {
  lr: 0.002,
  batchSize: 128,
  epochs: 6,
  hidden: 256,
  optimizer: "adam",
  seed: 1,
  shift: true,
  weightDecay: 0,
  lrDecay: 0.75,
  data: "full",
};

/** The values offered for each choice (the page shows them as select menus). */
export const CHOICES = {
  lr: [0.001, 0.0015, 0.002, 0.003, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.5, 1, 3],
  batchSize: [8, 16, 32, 64, 128, 256],
  epochs: [1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30],
  hidden: [16, 32, 64, 128, 256, 512, 800],
  optimizer: ["sgd", "momentum", "adam"] as OptimizerChoice[],
  weightDecay: [0, 1e-5, 1e-4, 1e-3, 1e-2],
  lrDecay: [1, 0.95, 0.9, 0.8, 0.75, 0.7],
  data: ["small", "full"] as DataChoice[],
} as const;

export const DATA_NAMES: Record<DataChoice, string> = {
  small: "10,000 digits (quick)",
  full: "All of MNIST (60,000)",
};

export const OPTIMIZER_NAMES: Record<OptimizerChoice, string> = {
  sgd: "SGD",
  momentum: "SGD with momentum 0.9",
  adam: "Adam",
};

/** The learning rate that suits each optimiser, offered when the reader switches to it. */
export const SUGGESTED_LR: Record<OptimizerChoice, number> = { sgd: 0.2, momentum: 0.02, adam: 0.001 };

const whole = (v: unknown, lo: number, hi: number) => typeof v === "number" && Number.isInteger(v) && v >= lo && v <= hi;
const real = (v: unknown, lo: number, hi: number) => typeof v === "number" && Number.isFinite(v) && v >= lo && v <= hi;

/**
 * Checks settings that arrive from elsewhere (a message, a saved page) and
 * returns them, or throws naming the first bad field and its value.
 */
export function checkSettings(s: Partial<Settings>): Settings {
  const full = { ...DEFAULTS, ...s };
  const bad = (field: string, want: string) =>
    new RangeError(`trainer settings: ${field} is ${shown((full as Record<string, unknown>)[field])}; it must be ${want}`);
  if (!real(full.lr, 1e-6, 10) || full.lr === 0) throw bad("lr", "a number in (0, 10]");
  if (!whole(full.batchSize, 1, 50000)) throw bad("batchSize", "a whole number from 1 to 50000");
  if (!whole(full.epochs, 1, 200)) throw bad("epochs", "a whole number from 1 to 200");
  if (!whole(full.hidden, 1, 1024)) throw bad("hidden", "a whole number from 1 to 1024");
  if (!CHOICES.optimizer.includes(full.optimizer)) throw bad("optimizer", '"sgd", "momentum" or "adam"');
  if (!whole(full.seed, 0, 2 ** 31)) throw bad("seed", "a whole number ≥ 0");
  if (typeof full.shift !== "boolean") throw bad("shift", "true or false");
  if (!real(full.weightDecay, 0, 1)) throw bad("weightDecay", "a number in [0, 1]");
  if (!real(full.lrDecay, 0.01, 1)) throw bad("lrDecay", "a number in [0.01, 1]");
  if (!CHOICES.data.includes(full.data)) throw bad("data", '"small" or "full"');
  return full;
}

// A forced value as the message names it: NaN and Infinity as such (JSON would say null), a missing one as missing, text quoted and cut.
function shown(v: unknown): string {
  if (v === undefined) return "missing";
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return quote(v);
  try {
    return clip(JSON.stringify(v) ?? String(v));
  } catch {
    return typeof v;
  }
}

/** The network the settings describe: 784 → hidden (ReLU, He weights) → 10 (softmax, Xavier weights), seeded. */
export function buildModel(s: Settings): Sequential {
  return new Sequential([
    new Dense(784, s.hidden, { init: "he", seed: s.seed }),
    new ReLU(),
    new Dense(s.hidden, 10, { init: "xavier", seed: s.seed + 1 }),
    new Softmax(),
  ]);
}

/** The optimiser the settings describe. */
export function buildOptimizer(s: Settings): Optimizer {
  const { lr, weightDecay } = s;
  if (s.optimizer === "adam") return new Adam({ lr, weightDecay });
  return new SGD({ lr, weightDecay, momentum: s.optimizer === "momentum" ? 0.9 : 0 });
}

/** A short description, e.g. "SGD, lr 0.1, batch 32, 10 epochs, 128 hidden, seed 1". */
export function describeSettings(s: Settings): string {
  const parts = [
    OPTIMIZER_NAMES[s.optimizer].replace(" 0.9", ""),
    `lr ${s.lr}`,
    `batch ${s.batchSize}`,
    `${s.epochs} epoch${s.epochs === 1 ? "" : "s"}`,
    `${s.hidden} hidden`,
    `seed ${s.seed}`,
  ];
  if (s.lrDecay < 1) parts.push(`lr ×${s.lrDecay} per epoch`);
  if (s.weightDecay > 0) parts.push(`L2 ${s.weightDecay}`);
  if (s.shift) parts.push("shifted digits");
  if (s.data === "full") parts.push("all of MNIST");
  return parts.join(", ");
}

/**
 * The settings that train a run's network again: those it started with, but
 * for a run stopped after one or more full epochs, the epochs it finished
 * (a stopped run keeps the network of its last full epoch, run.ts). What the
 * saved network's about line says and what its link replays.
 *
 * @example
 * trainedSettings(DEFAULTS, 3, true).epochs; // 3: stopped in the fourth of 10
 * trainedSettings(DEFAULTS, 10, false).epochs; // 10
 */
export function trainedSettings(s: Settings, finished: number, stopped: boolean): Settings {
  return stopped && finished >= 1 && finished < s.epochs ? { ...s, epochs: finished } : s;
}

const OPTIMIZER_BY_NAME: Record<string, OptimizerChoice> = { SGD: "sgd", "SGD with momentum": "momentum", Adam: "adam" };

/**
 * The settings an about line records, read back: the line the trainer writes
 * into a saved network (`describeSettings`), or null when the line is not
 * one, or not all of one (a file written by hand or by a cell, a line cut
 * short). The settings `describeSettings` leaves out (no decay, no L2, no
 * shifts, the quick digits) are those it leaves out at their "none" value,
 * so a whole line says every setting; and a line is taken only if describing
 * what was read gives the line back, character for character.
 *
 * @example
 * settingsFromAbout("SGD, lr 0.2, batch 32, 10 epochs, 128 hidden, seed 1"); // DEFAULTS
 * settingsFromAbout("my network"); // null
 */
export function settingsFromAbout(about: string): Settings | null {
  const parts = about.split(", ");
  const [name, lr, batch, epochs, hidden, seed, ...rest] = parts;
  const number = (part: string | undefined, pattern: RegExp) => {
    const m = part === undefined ? null : pattern.exec(part);
    return m ? Number(m[1]) : NaN;
  };
  const optional = (pattern: RegExp) => rest.find((p) => pattern.test(p));
  const read: Partial<Settings> = {
    optimizer: OPTIMIZER_BY_NAME[name ?? ""],
    lr: number(lr, /^lr (\S+)$/),
    batchSize: number(batch, /^batch (\d+)$/),
    epochs: number(epochs, /^(\d+) epochs?$/),
    hidden: number(hidden, /^(\d+) hidden$/),
    seed: number(seed, /^seed (\d+)$/),
    lrDecay: optional(/^lr ×/) === undefined ? 1 : number(optional(/^lr ×/), /^lr ×(\S+) per epoch$/),
    weightDecay: optional(/^L2 /) === undefined ? 0 : number(optional(/^L2 /), /^L2 (\S+)$/),
    shift: rest.includes("shifted digits"),
    data: rest.includes("all of MNIST") ? "full" : "small",
  };
  if (read.optimizer === undefined) return null;
  let settings: Settings;
  try {
    settings = checkSettings(read);
  } catch {
    return null;
  }
  return describeSettings(settings) === about ? settings : null;
}

/** The most epochs the page trains for: the Epochs menu's last value. */
const MOST_EPOCHS = CHOICES.epochs[CHOICES.epochs.length - 1];

/**
 * The Epochs menu's values while it shows `epochs`: the usual ones, and
 * `epochs` in its place among them when it is a whole number from 1 to the
 * last that they lack, as the epochs a stopped run finished are (11 of 15),
 * brought back by the run's link or its saved file. So the menu never shows
 * a value it has no option for (a blank box).
 *
 * @example
 * epochChoices(11); // [1, 2, 3, 4, 5, 6, 8, 10, 11, 15, 20, 30]
 * epochChoices(10); // CHOICES.epochs
 */
export function epochChoices(epochs: number): readonly number[] {
  const usual: readonly number[] = CHOICES.epochs;
  if (!whole(epochs, 1, MOST_EPOCHS) || usual.includes(epochs)) return usual;
  return [...usual, epochs].sort((a, b) => a - b);
}

// Each menu's setting and label, in the order checkSettings reads them.
const MENUS: [keyof typeof CHOICES, string][] = [
  ["lr", "Learning rate"], ["batchSize", "Batch size"], ["epochs", "Epochs"], ["hidden", "Hidden neurons"], ["optimizer", "Optimizer"],
  ["weightDecay", "L2 (λ)"], ["lrDecay", "Rate decay per epoch"], ["data", "Digits"],
];

/**
 * The first of these settings that the trainer's menus (and its seed field,
 * 0 to 999) cannot show, said with what they offer, e.g. "hidden is 1000;
 * the Hidden neurons menu offers 16, 32, …"; null when they show them all.
 * Any whole number of epochs from 1 to the menu's last is shown (`epochChoices`).
 */
export function offTheMenus(s: Settings): string | null {
  for (const [key, label] of MENUS) {
    const values: readonly unknown[] = key === "epochs" ? epochChoices(s.epochs) : CHOICES[key];
    if (values.includes(s[key])) continue;
    const offers = key === "epochs" ? `1 to ${MOST_EPOCHS}` : values.map(String).join(", ");
    return `${key} is ${shown(s[key])}; the ${label} menu offers ${offers}`;
  }
  if (!whole(s.seed, 0, 999)) return `seed is ${shown(s.seed)}; the Seed field takes 0 to 999`;
  return null;
}

/** Whether the trainer's menus (and its seed field, 0 to 999) can show every one of these settings. */
export function onTheMenus(s: Settings): boolean {
  return offTheMenus(s) === null;
}
