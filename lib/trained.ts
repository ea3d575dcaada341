/**
 * Chapter 10: the reader's trained network. The book's trainer keeps the
 * last network the reader trained (or loaded) in the browser, packed by
 * `packTrained`: weights as base64 float32 bytes, about a third of plain
 * JSON, and bit for bit. The page hands the packed text to the code cells'
 * worker, which answers through a host function on `globalThis` under
 * `TRAINED_HOST`; `trainedNetwork()` turns it into a `Sequential`. Outside
 * the book's pages (Node, a downloaded chapter file) there is no host, and
 * `trainedNetwork()` says so.
 */
import { Sequential, type ModelJSON } from "./sequential.ts";
import type { LayerJSON } from "./layer.ts";

/**
 * A kept network: its layers and weights, and a line about how it was trained.
 *
 * @chapter 10
 * @example
 * { model: net.toJSON(), about: "SGD, lr 0.2, batch 32, 10 epochs, 128 hidden, seed 1", testAccuracy: 0.946, validationAccuracy: 0.954 }
 */
export interface Trained {
  model: ModelJSON;
  about: string;
  /** The test accuracy measured after training (NaN when not measured). */
  testAccuracy: number;
  /** The validation accuracy at the end of training, by which a better network is chosen (NaN, or absent, when not measured). */
  validationAccuracy?: number;
}

/**
 * Where `trainedNetwork` asks for the packed network: the page's cell worker
 * puts a function under this key of `globalThis` that returns the packed text
 * of the reader's network, or null when there is none.
 *
 * @chapter 10
 * @example
 * (globalThis as any)[TRAINED_HOST] = () => localStorageText;
 */
export const TRAINED_HOST = Symbol.for("nnfs.trained");

type PackedLayer = { type: "dense"; nIn: number; nOut: number; W: string; b: string } | Exclude<LayerJSON, { type: "dense" }>;

function toBase64(values: readonly number[] | Float32Array): string {
  const bytes = new Uint8Array(Float32Array.from(values).buffer);
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): number[] {
  const s = atob(text);
  if (s.length % 4 !== 0) throw new RangeError(`trained network: ${s.length} bytes of weights is not a whole number of float32s`);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return Array.from(new Float32Array(bytes.buffer));
}

/**
 * A kept network as compact text (format "nnfs-trained"), for storage.
 *
 * @chapter 10
 * @example
 * const text = packTrained({ model: net.toJSON(), about: "5 epochs", testAccuracy: 0.94 });
 */
export function packTrained(trained: Trained): string {
  const layers: PackedLayer[] = trained.model.layers.map((l) =>
    l.type === "dense" ? { type: "dense", nIn: l.nIn, nOut: l.nOut, W: toBase64(l.W), b: toBase64(l.b) } : l,
  );
  const validation = Number.isFinite(trained.validationAccuracy) ? { validationAccuracy: trained.validationAccuracy } : {};
  return JSON.stringify({ format: "nnfs-trained", version: 1, about: trained.about, testAccuracy: trained.testAccuracy, ...validation, layers });
}

/**
 * The network back from `packTrained`'s text, built; throws, saying why, if
 * the text is not one.
 *
 * @chapter 10
 * @example
 * const { network, about } = unpackTrained(text);
 */
export function unpackTrained(text: string): Trained & { network: Sequential } {
  const data = JSON.parse(text) as { format?: unknown; about?: unknown; testAccuracy?: unknown; validationAccuracy?: unknown; layers?: unknown };
  if (data === null || typeof data !== "object" || data.format !== "nnfs-trained" || !Array.isArray(data.layers)) {
    throw new TypeError('trained network: not a stored network (expected format "nnfs-trained")');
  }
  const layers = (data.layers as PackedLayer[]).map((l): LayerJSON =>
    l.type === "dense" ? { type: "dense", nIn: l.nIn, nOut: l.nOut, W: fromBase64(l.W), b: fromBase64(l.b) } : l,
  );
  const model: ModelJSON = { format: "nnfs-sequential", version: 1, layers };
  const network = Sequential.fromJSON(model);
  return {
    model, network, about: String(data.about ?? ""),
    testAccuracy: Number(data.testAccuracy ?? NaN), validationAccuracy: Number(data.validationAccuracy ?? NaN),
  };
}

/**
 * The network the reader trained with the book's trainer (chapter 10), as a
 * new `Sequential` on every call, with `about` saying how it was trained.
 * Throws when there is none: no trainer has finished in this browser, or the
 * code runs outside the book's pages.
 *
 * @chapter 10
 * @example
 * const yours = trainedNetwork();
 * yours.predict(mnist.test.X); // its answers for the test digits
 */
export function trainedNetwork(): Sequential & { about: string } {
  const host = (globalThis as Record<symbol, unknown>)[TRAINED_HOST];
  const text = typeof host === "function" ? (host as () => string | null)() : null;
  if (typeof text !== "string" || text === "") {
    throw new Error("trainedNetwork: no trained network yet: press Train in chapter 10");
  }
  let kept: Trained & { network: Sequential };
  try {
    kept = unpackTrained(text);
  } catch (e) {
    throw new Error(`trainedNetwork: the kept network cannot be read (${(e as Error).message}); press Train in chapter 10 again`);
  }
  return Object.assign(kept.network, { about: kept.about });
}
