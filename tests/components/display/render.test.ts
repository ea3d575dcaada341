import { expect, test } from "vitest";
import { displayHtml, outputHtml, picture } from "../../../components/display/render.ts";
import type { DisplayItem } from "../../../lib/display.ts";

const plot: DisplayItem = { kind: "plot", text: "[plot: 2 points, y from 1 to 2 (min 1, max 2)]", title: null, series: [{ x: [0, 1], y: [1, 2] }] };
const digit: DisplayItem = { kind: "digit", text: '[digit 28×28 "7": 0 of 784 pixels inked]', label: "7", pixels: new Array(784).fill(0) };

test("picture draws a plot as a plot and a digit as a digit", () => {
  expect(picture(plot)).toMatch(/^<span class="dp-plot" role="img"/);
  expect(picture(digit)).toMatch(/^<svg class="dp-digit"/);
});

test("displayHtml is the picture with its text as a caption screen readers skip (the picture carries it)", () => {
  expect(displayHtml(digit)).toBe(
    `<span class="out-display out-display-digit"><span class="out-picture">${picture(digit)}</span>` +
      `<span class="out-caption" aria-hidden="true">[digit 28×28 &quot;7&quot;: 0 of 784 pixels inked]</span></span>`,
  );
});

test("outputHtml draws each item's line as its picture, in order, and escapes the rest", () => {
  const output = ["784", digit.text, "a < b", plot.text, digit.text].join("\n");
  const html = outputHtml(output, [digit, plot]);
  expect(html.split("\n")).toEqual(["784", displayHtml(digit), "a &lt; b", displayHtml(plot), digit.text.replace(/"/g, "&quot;")]);
});

test("an item whose text is not in the output draws nothing, and the lines after it stay text", () => {
  expect(outputHtml("1\n2", [plot])).toBe("1\n2");
});
