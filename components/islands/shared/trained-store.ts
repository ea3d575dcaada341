/**
 * The reader's trained network, kept for the rest of the book: the trainer
 * saves it in this browser's local storage under `TRAINED_KEY` and
 * announces it with a `TRAINED_EVENT` on `window`; the draw-a-digit island
 * (chapter 10), the code cells (through `trainedNetwork()`) and the next
 * chapter read it back. The packed format is the library's (`packTrained`:
 * base64 float32 bytes, about 0.5 MB for 784-128-10), so weights come back
 * bit for bit.
 */
import { packTrained, unpackTrained, type Sequential, type Trained } from "nnfs";

/** The local-storage key of the reader's trained network. */
export const TRAINED_KEY = "nnfs:trained-digits";
/** The event fired on `window` when a new trained network has been kept. */
export const TRAINED_EVENT = "nnfs:trained-digits";

export type { Trained };

/** `trained` as a compact string for storage (the library's `packTrained`). */
export const pack = packTrained;

/** The network and its description back from `pack`'s string; throws, saying why, if it is not one. */
export const unpack = unpackTrained;

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
