/**
 * Chapter 11: a trained network as a file the reader downloads and loads
 * back. The file is `Sequential.toJSON()` (the library's own format) with a
 * line about how it was trained. Reading checks everything before anything
 * changes, and names what is wrong: the worker reads the file (worker.ts),
 * checks it here, runs it on a few digits, and only then does the page keep it.
 */
import { Dense, ReLU, Sequential, Softmax, type Matrix, type ModelJSON } from "nnfs";
import { clip } from "../shared/quote.ts";
import { settingsFromAbout, type Settings } from "./settings.ts";

/** The suggested file name. */
export const FILE_NAME = "digits-network.json";

/**
 * The largest network file the page opens, in bytes. A saved 784-128-10 is
 * about 1.3 MB of JSON and one with 1,024 hidden neurons about 10 MB; a larger
 * file is refused by its size, before it is read.
 */
export const MODEL_FILE_LIMIT = 64 * 1024 * 1024;

/** How many test digits a loaded network must answer with finite numbers before it is kept. */
export const PROBE_DIGITS = 16;

/** The file's text: the network as JSON, with how it was trained. */
export function modelFile(model: ModelJSON, about: string): string {
  return JSON.stringify({ ...model, about });
}

/** Why a file of `bytes` is not even read, or null when it may be. */
export function fileTooLarge(name: string, bytes: number): string | null {
  if (bytes <= MODEL_FILE_LIMIT) return null;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${clip(name, 80)}: this file is ${mb(bytes)}; a saved network is at most about 10 MB, and the page opens files up to ${mb(MODEL_FILE_LIMIT)}. Nothing was changed.`;
}

/**
 * The network in a file's text, ready to use; or an Error saying why the file
 * cannot be used (not JSON, not a saved network, wrong shape for digits,
 * damaged weights). Quoted values are cut to ~200 characters. `settings`
 * are how the network was trained, when its about line is the trainer's
 * (settings.ts's `settingsFromAbout`) and true of the network (784 → hidden
 * ReLU → 10 softmax, with the hidden size it says); otherwise null: the file
 * does not say.
 */
export function readModelFile(text: string): { network: Sequential; model: ModelJSON; about: string; settings: Settings | null } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`This file is not JSON, so not a saved network (${clip((e as Error).message)}).`);
  }
  let network: Sequential;
  try {
    network = Sequential.fromJSON(data as ModelJSON);
  } catch (e) {
    throw new Error(`This file is not a network saved by the book: ${clip((e as Error).message, 400)}.`);
  }
  const dense = network.layers.filter((l): l is Dense => l instanceof Dense);
  if (dense.length === 0) throw new Error("This network has no dense layers, so it has nothing learned to load.");
  const nIn = dense[0].nIn;
  const nOut = dense[dense.length - 1].nOut;
  if (nIn !== 784 || nOut !== 10) {
    throw new Error(`This network takes ${nIn} inputs and gives ${nOut} outputs; a digit reader takes 784 pixels and gives 10 scores.`);
  }
  const said = (data as { about?: unknown }).about;
  const about = typeof said === "string" ? clip(said) : "a loaded network";
  return { network, model: network.toJSON(), about, settings: typeof said === "string" ? recordedSettings(network, said) : null };
}

/** The settings `about` records, if the trainer wrote it and they build this network's shape. */
function recordedSettings(network: Sequential, about: string): Settings | null {
  const settings = settingsFromAbout(about);
  const [first, relu, last, softmax, ...more] = network.layers;
  const built = first instanceof Dense && relu instanceof ReLU && last instanceof Dense && softmax instanceof Softmax && more.length === 0;
  return settings && built && first.nOut === settings.hidden ? settings : null;
}

/**
 * Runs a loaded network on a few digits (`X`, [n, 784]) and throws, in the
 * words of a load, if any answer is not a finite number: weights that are
 * each finite can still overflow once multiplied and summed.
 */
export function checkAnswers(network: Sequential, X: Matrix): void {
  let out: Matrix;
  try {
    out = network.forward(X); // [n, 10]
  } catch (e) {
    throw new Error(`This network cannot read digits: on the first ${X.rows} test digits, ${clip((e as Error).message, 400)}.`);
  }
  const bad = out.data.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    throw new Error(`This network cannot read digits: its answer for test digit ${Math.floor(bad / out.cols)} is ${out.data[bad]}, not a finite number.`);
  }
}
