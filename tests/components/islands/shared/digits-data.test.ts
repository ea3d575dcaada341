import { describe, expect, test } from "vitest";
import { Matrix } from "nnfs";
import { dataUrl, digitAt, loadDigits, loadError } from "../../../../components/islands/shared/digits-data.ts";

describe("dataUrl", () => {
  test.each([
    ["/", "/data/mnist.bin"],
    ["/nnfs/", "/nnfs/data/mnist.bin"],
    ["/nnfs", "/nnfs/data/mnist.bin"],
  ])("under %s the digits are at %s", (base, url) => {
    expect(dataUrl(base)).toBe(url);
  });
});

describe("digitAt", () => {
  const digits = { X: Matrix.from([[0, 1], [1, 0], [0.5, 0.5]]), y: [7, 3, 1] };
  test.each([
    [0, [0, 1], 7],
    [2, [0.5, 0.5], 1],
  ])("image %i", (i, pixels, label) => {
    const d = digitAt(digits, i);
    expect(Array.from(d.pixels)).toEqual(pixels);
    expect(d.label).toBe(label);
  });
  test.each([-1, 3, 1.5])("refuses index %d", (i) => {
    expect(() => digitAt(digits, i)).toThrow(/outside 0…2/);
  });
});

test("a failed load reads as a sentence with the cause in it", () => {
  expect(loadError(new Error("fetching /data/mnist.bin failed: 404 Not Found"))).toBe(
    "The handwritten digits could not be loaded (fetching /data/mnist.bin failed: 404 Not Found). Check your connection and try again.",
  );
  expect(loadError("offline")).toMatch(/\(offline\)/);
});

test("in Node, loadDigits reads the same fixed split as the chapters", async () => {
  // Node reads files, so point it at the repository's copy the way the site serves it.
  const mnist = await loadDigits(new URL("../../../../public/", import.meta.url).pathname);
  expect(mnist.train.X.shape).toEqual([8000, 784]);
  expect(mnist.test.y.length).toBe(1000);
  delete (globalThis as { NNFS_DATA_URL?: string }).NNFS_DATA_URL;
});
