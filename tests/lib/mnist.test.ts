import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, test } from "vitest";
import { gzipSync } from "node:zlib";
import { MNIST_FULL_SPLIT, MNIST_SPLIT, Matrix, type Mnist, loadMnist, parseMnist } from "nnfs";

const file = new URL("../../public/data/mnist.bin", import.meta.url);
let mnist: Mnist;
beforeAll(async () => {
  mnist = await loadMnist();
});

// A file in the format of scripts/build-mnist.mjs, small enough to write here.
function fakeFile(count: number, rows: number, cols: number, patch?: (bytes: Uint8Array) => void): Uint8Array {
  const bytes = new Uint8Array(20 + count + count * rows * cols);
  bytes.set([0x4d, 0x4e, 0x53, 0x54]);
  const view = new DataView(bytes.buffer);
  view.setUint32(4, 1, true);
  view.setUint32(8, count, true);
  view.setUint32(12, rows, true);
  view.setUint32(16, cols, true);
  patch?.(bytes);
  return bytes;
}

describe("loadMnist in Node", () => {
  test("the fixed split: sizes and shapes", () => {
    expect(mnist.rows).toBe(28);
    expect(mnist.cols).toBe(28);
    for (const part of ["train", "validation", "test"] as const) {
      expect(mnist[part].X.shape).toEqual([MNIST_SPLIT[part], 784]);
      expect(mnist[part].y).toHaveLength(MNIST_SPLIT[part]);
    }
  });

  test.each(["train", "validation", "test"] as const)("%s: pixels in [0, 1], labels 0–9, every digit present", (part) => {
    const { X, y } = mnist[part];
    let min = Infinity, max = -Infinity;
    for (const v of X.data) { min = Math.min(min, v); max = Math.max(max, v); }
    expect(min).toBe(0);
    expect(max).toBe(1);
    expect(new Set(y)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
  });

  test("the three parts together hold every image of the file once", () => {
    const bytes = new Uint8Array(readFileSync(file));
    const count = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
    const fileLabels = Array.from(bytes.subarray(20, 20 + count)).sort();
    const splitLabels = [...mnist.train.y, ...mnist.validation.y, ...mnist.test.y].sort();
    expect(splitLabels).toEqual(fileLabels);
    // Pixel sums as fingerprints of the images: the same multiset.
    const sums = (X: { rows: number; cols: number; data: Float32Array }) =>
      Array.from({ length: X.rows }, (_, r) => Math.round(X.data.subarray(r * X.cols, (r + 1) * X.cols).reduce((a, b) => a + b * 255, 0)));
    const fileSums = Array.from({ length: count }, (_, i) =>
      bytes.subarray(20 + count + i * 784, 20 + count + (i + 1) * 784).reduce((a, b) => a + b, 0),
    ).sort((a, b) => a - b);
    const splitSums = [mnist.train.X, mnist.validation.X, mnist.test.X].flatMap(sums).sort((a, b) => a - b);
    expect(splitSums).toEqual(fileSums);
  });

  test("the split is the same on every load, and loads do not share matrices", async () => {
    const again = await loadMnist();
    expect(again.test.y).toEqual(mnist.test.y);
    expect(again.test.X.data).toEqual(mnist.test.X.data);
    expect(again.test.X).not.toBe(mnist.test.X);
  });

  test("loading from a path or from the bytes gives the same digits", async () => {
    const fromBytes = await loadMnist(new Uint8Array(readFileSync(file)));
    const fromPath = await loadMnist(file);
    expect(fromBytes.validation.y).toEqual(mnist.validation.y);
    expect(fromPath.validation.y).toEqual(mnist.validation.y);
  });

  test.each([
    { path: "/data/mnist.bin", ok: true },
    { path: "/missing.bin", ok: false },
  ])("over HTTP, as the browser loads it: $path", async ({ path, ok }) => {
    const bytes = readFileSync(file);
    const server = createServer((req, res) => {
      if (req.url === "/data/mnist.bin") res.end(bytes);
      else res.writeHead(404, "Not Found").end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
    try {
      if (ok) expect((await loadMnist(url)).test.y).toEqual(mnist.test.y);
      else await expect(loadMnist(url)).rejects.toThrow(`loadMnist: fetching ${url} failed: 404 Not Found`);
    } finally {
      server.close();
    }
  });

  test("a missing file names the fix", async () => {
    await expect(loadMnist("/nonexistent/mnist.bin")).rejects.toThrow("build it with `npm run data`");
  });
});

// A version-2 file (scripts/build-mnist-full.mjs) of 70,000 1×1 images whose
// pixel is a hash of the image's position (so that gzip cannot shrink it to
// nothing) and whose label is its position mod 10.
const px = (i: number) => {
  const h = Math.imul(i ^ (i >>> 16), 0x45d9f3b);
  const g = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (g ^ (g >>> 16)) & 255;
};
function fakeFull(): Uint8Array {
  const count = 70_000;
  const bytes = new Uint8Array(24 + count + count);
  bytes.set([0x4d, 0x4e, 0x53, 0x54]);
  const view = new DataView(bytes.buffer);
  for (const [at, v] of [[4, 2], [8, count], [12, 1], [16, 1], [20, 10_000]]) view.setUint32(at, v, true);
  for (let i = 0; i < count; i++) {
    bytes[24 + i] = i % 10;
    bytes[24 + count + i] = px(i);
  }
  return bytes;
}

describe("all of MNIST: loadMnist({ set: \"full\" })", () => {
  test("version 2 keeps the file's order: 50,000 train, the next 10,000 validate, the last 10,000 test", async () => {
    const full = await loadMnist(gzipSync(fakeFull()));
    expect(full.train.X.shape).toEqual([MNIST_FULL_SPLIT.train, 1]);
    expect(full.validation.y[0]).toBe(50_000 % 10);
    expect(full.validation.X.data[3]).toBeCloseTo(px(50_003) / 255, 6);
    expect(full.test.y.slice(0, 3)).toEqual([0, 1, 2]);
    expect(full.test.X.data[9_999]).toBeCloseTo(px(69_999) / 255, 6);
  });

  test("the gzipped bytes and the plain bytes give the same digits", async () => {
    const [a, b] = await Promise.all([loadMnist(fakeFull()), loadMnist(gzipSync(fakeFull()))]);
    expect(a.test.y).toEqual(b.test.y);
    expect(a.train.X.data).toEqual(b.train.X.data);
  });

  test("over HTTP, the download reports its bytes as they arrive, ending at the file's size", async () => {
    const gz = gzipSync(fakeFull());
    const server = createServer((_req, res) => {
      res.writeHead(200, { "Content-Length": gz.length });
      res.write(gz.subarray(0, 1000));
      setTimeout(() => res.end(gz.subarray(1000)), 20);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/data/mnist-full.bin.gz`;
    const seen: [number, number | null][] = [];
    try {
      const full = await loadMnist(url, { set: "full", onProgress: (got, total) => seen.push([got, total]) });
      expect(full.test.X.shape).toEqual([10_000, 1]);
    } finally {
      server.close();
    }
    expect(seen[0]).toEqual([0, gz.length]);
    expect(seen.at(-1)).toEqual([gz.length, gz.length]);
    expect(seen.length).toBeGreaterThan(2);
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
  });

  test("a damaged download names the file", async () => {
    const gz = gzipSync(fakeFull()).subarray(0, 5000);
    const server = createServer((_req, res) => res.end(gz));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/data/damaged.bin.gz`;
    try {
      await expect(loadMnist(url, { set: "full" })).rejects.toThrow(`loadMnist: reading ${url} failed`);
    } finally {
      server.close();
    }
  });

  test("a set that does not exist is named", async () => {
    await expect(loadMnist({ set: "large" as "full" })).rejects.toThrow('loadMnist: set is "large"; it must be "small" or "full"');
  });

  test("the repository's file: the real split, every digit in each part", async () => {
    const full = await loadMnist({ set: "full" });
    for (const part of ["train", "validation", "test"] as const) {
      expect(full[part].X.shape).toEqual([MNIST_FULL_SPLIT[part], 784]);
      expect(new Set(full[part].y)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    }
    // The official test set's first labels (t10k-labels-idx1-ubyte): 7, 2, 1, 0, 4.
    expect(full.test.y.slice(0, 5)).toEqual([7, 2, 1, 0, 4]);
    // and the training set's: 5, 0, 4, 1, 9.
    expect(full.train.y.slice(0, 5)).toEqual([5, 0, 4, 1, 9]);
  }, 30_000);

  // Chapter 11 says so: a network trained on all of MNIST has seen our 1,000 test digits.
  test("the small set's 10,000 digits are all among the full set's 50,000 training digits", async () => {
    const [small, full] = await Promise.all([loadMnist(), loadMnist({ set: "full" })]);
    const key = (X: Matrix, i: number) =>
      createHash("md5").update(new Uint8Array(X.data.buffer, X.data.byteOffset + i * 784 * 4, 784 * 4)).digest("hex");
    const part = new Map<string, string>();
    for (const name of ["train", "validation", "test"] as const) {
      const { X } = full[name];
      for (let i = 0; i < X.rows; i++) part.set(key(X, i), name);
    }
    const found: Record<string, number> = {};
    for (const name of ["train", "validation", "test"] as const) {
      const { X } = small[name];
      for (let i = 0; i < X.rows; i++) {
        const where = part.get(key(X, i)) ?? "nowhere";
        found[where] = (found[where] ?? 0) + 1;
      }
    }
    expect(found).toEqual({ train: 10_000 });
  }, 60_000);
});

describe("parseMnist rejects what is not an MNIST file", () => {
  test.each([
    { name: "empty", bytes: new Uint8Array(0), message: "parseMnist: not an MNIST file" },
    { name: "HTML", bytes: new TextEncoder().encode("<!doctype html><html>…</html>"), message: "no \"MNST\" header" },
    { name: "truncated", bytes: fakeFile(10_000, 28, 28).subarray(0, 5000), message: "header says 10000 images of 28×28" },
    { name: "wrong version", bytes: fakeFile(1, 1, 1, (b) => { b[4] = 3; }), message: "parseMnist: format version 3, expected 1 or 2" },
    { name: "version 2, wrong count", bytes: fakeFile(3, 1, 1, (b) => { b[4] = 2; }), message: "parseMnist: header says 3 images of 1×1, i.e. 30 bytes, but the file has 26" },
    { name: "wrong count", bytes: fakeFile(3, 2, 2), message: "parseMnist: 3 images, but the split needs 10000" },
    { name: "bad label", bytes: fakeFile(10_000, 1, 1, (b) => { b[20 + 17] = 12; }), message: "parseMnist: label 17 is 12, not a digit 0–9" },
  ])("$name", ({ bytes, message }) => {
    expect(() => parseMnist(bytes)).toThrow(message);
  });

  test("not bytes at all", () => {
    expect(() => parseMnist([1, 2, 3] as unknown as Uint8Array)).toThrow(
      "parseMnist: expected the file's bytes, as an ArrayBuffer or Uint8Array",
    );
  });
});
