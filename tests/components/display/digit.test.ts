import { expect, test } from "vitest";
import { digitSvg } from "../../../components/display/digit.ts";

const digit = (pixels: number[], text = "[digit 28×28: …]") => ({ kind: "digit" as const, text, label: null, pixels });

/** Every rectangle as [x, y, width, opacity]. */
const rects = (svg: string) =>
  [...svg.matchAll(/<rect x="(\d+)" y="(\d+)" width="(\d+)" height="1"(?: fill-opacity="([\d.]+)")?\/>/g)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])]);

test("a blank digit is an empty 28 × 28 picture named by its text", () => {
  const svg = digitSvg(digit(new Array(784).fill(0), '[digit 28×28 "blank": 0 of 784 pixels inked]'));
  expect(svg).toMatch(/^<svg class="dp-digit" viewBox="0 0 28 28" role="img" aria-label="\[digit 28×28 &quot;blank&quot;: 0 of 784 pixels inked\]"/);
  expect(rects(svg)).toEqual([]);
});

test("ink is drawn in the text colour, as opaque as the pixel is dark; runs of one shade are one rectangle", () => {
  const pixels = new Array(784).fill(0);
  for (let c = 13; c < 15; c++) for (let r = 4; r < 6; r++) pixels[r * 28 + c] = 1;
  pixels[10 * 28 + 3] = 0.5;
  pixels[10 * 28 + 4] = 0.25;
  pixels[27 * 28 + 27] = 2; // clamped to 1
  const svg = digitSvg(digit(pixels));
  expect(svg).toContain('<g fill="currentColor">');
  expect(rects(svg)).toEqual([
    [13, 4, 2, 1],
    [13, 5, 2, 1],
    [3, 10, 1, 0.5],
    [4, 10, 1, 0.25],
    [27, 27, 1, 1],
  ]);
});
