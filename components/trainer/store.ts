/**
 * The reader's trained network, kept for the rest of the book: the trainer
 * saves it in this browser's local storage under `TRAINED_KEY` and
 * announces it with a `TRAINED_EVENT` on `window`; the draw-a-digit island
 * (chapter 10) and the next chapter read it back. Weights are stored as
 * base64 float32 bytes (about 0.5 MB for 784-128-10, a third of plain JSON),
 * so they come back bit for bit.
 */
import { Sequential, type ModelJSON, type LayerJSON } from "nnfs";

/** The local-storage key of the reader's trained network. */
export const TRAINED_KEY = "nnfs:trained-digits";
/** The event fired on `window` when a new trained network has been kept. */
export const TRAINED_EVENT = "nnfs:trained-digits";

/** What is kept: the network and a line about how it was trained. */
export interface Trained {
  model: ModelJSON;
  /** e.g. "SGD, lr 0.1, batch 32, 10 epochs, 128 hidden, seed 1" */
  about: string;
  testAccuracy: number;
}

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

/** `trained` as a compact string for storage. */
export function pack(trained: Trained): string {
  const layers: PackedLayer[] = trained.model.layers.map((l) =>
    l.type === "dense" ? { type: "dense", nIn: l.nIn, nOut: l.nOut, W: toBase64(l.W), b: toBase64(l.b) } : l,
  );
  return JSON.stringify({ format: "nnfs-trained", version: 1, about: trained.about, testAccuracy: trained.testAccuracy, layers });
}

/** The network and its description back from `pack`'s string; throws, saying why, if it is not one. */
export function unpack(text: string): Trained & { network: Sequential } {
  const data = JSON.parse(text) as { format?: unknown; about?: unknown; testAccuracy?: unknown; layers?: unknown };
  if (data === null || typeof data !== "object" || data.format !== "nnfs-trained" || !Array.isArray(data.layers)) {
    throw new TypeError('trained network: not a stored network (expected format "nnfs-trained")');
  }
  const layers = (data.layers as PackedLayer[]).map((l): LayerJSON =>
    l.type === "dense" ? { type: "dense", nIn: l.nIn, nOut: l.nOut, W: fromBase64(l.W), b: fromBase64(l.b) } : l,
  );
  const model: ModelJSON = { format: "nnfs-sequential", version: 1, layers };
  const network = Sequential.fromJSON(model);
  return { model, network, about: String(data.about ?? ""), testAccuracy: Number(data.testAccuracy ?? NaN) };
}

/** Local storage, or null where there is none (private modes, tests). */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * Keeps a packed network (`pack`'s string; the worker packs it) and tells the
 * page. Returns false if storage refused (full or blocked); the page still
 * hears of it, so the network is used until the reader leaves.
 */
export function keepTrained(packed: string, storage: Storage | null = browserStorage()): boolean {
  let kept = false;
  try {
    storage?.setItem(TRAINED_KEY, packed);
    kept = storage !== null;
  } catch {
    kept = false;
  }
  if (typeof window !== "undefined") window.dispatchEvent(new CustomEvent<string>(TRAINED_EVENT, { detail: packed }));
  return kept;
}

/** The kept network, or null if there is none or it cannot be read (it is then forgotten). */
export function readTrained(storage: Storage | null = browserStorage()): (Trained & { network: Sequential }) | null {
  const text = storage?.getItem(TRAINED_KEY);
  if (!text) return null;
  try {
    return unpack(text);
  } catch {
    storage?.removeItem(TRAINED_KEY);
    return null;
  }
}

/** Forgets the kept network. */
export function forgetTrained(storage: Storage | null = browserStorage()): void {
  storage?.removeItem(TRAINED_KEY);
  if (typeof window !== "undefined") window.dispatchEvent(new CustomEvent(TRAINED_EVENT, { detail: null }));
}
