/**
 * The real digits, for the islands of chapters 5 and 6: `loadMnist()` from
 * nnfs, pointed at the copy of mnist.bin that the site serves under its own
 * base URL, so the book works when hosted under a sub-path too.
 */
import { loadMnist, type Digits, type Mnist } from "nnfs";

/** Where the site serves the data file, for a site whose base URL is `base` ("/" or "/nnfs/"). */
export function dataUrl(base: string): string {
  return `${base.endsWith("/") ? base : `${base}/`}data/mnist.bin`;
}

/** Where the site serves all of MNIST (gzipped, 11 MB), downloaded only when a reader asks for it. */
export function fullDataUrl(base: string): string {
  return `${base.endsWith("/") ? base : `${base}/`}data/mnist-full.bin.gz`;
}

/** Loads the digits from the site (fetched once per page, however many islands ask). */
export function loadDigits(base: string = import.meta.env.BASE_URL): Promise<Mnist> {
  const url = dataUrl(base);
  (globalThis as { NNFS_DATA_URL?: string }).NNFS_DATA_URL = url;
  return loadMnist(url);
}

/** Image `i` of a set of digits: its 784 pixels (a view, not a copy) and its label. */
export function digitAt(digits: Digits, i: number): { pixels: Float32Array; label: number } {
  const n = digits.X.cols;
  if (!Number.isInteger(i) || i < 0 || i >= digits.X.rows) {
    throw new RangeError(`digitAt: image ${i} is outside 0…${digits.X.rows - 1}`);
  }
  return { pixels: digits.X.data.subarray(i * n, (i + 1) * n), label: digits.y[i] };
}

/** What a reader sees when the digits cannot be loaded: what failed, and what to do. */
export function loadError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `The handwritten digits could not be loaded (${message}). Check your connection and try again.`;
}
