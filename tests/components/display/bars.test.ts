import { expect, test } from "vitest";
import { barLabel, barLengths, barsHtml } from "../../../components/display/bars.ts";
import { picture } from "../../../components/display/render.ts";
import { drawable } from "../../../components/cell/worker/output.ts";
import type { DisplayItem } from "../../../lib/display.ts";

const item: Extract<DisplayItem, { kind: "bars" }> = {
  kind: "bars",
  text: '[bars "GFLOP/s": naive 0.5, i-k-j 2]',
  title: "GFLOP/s",
  bars: [{ name: "naive", value: 0.5 }, { name: "i-k-j <fast>", value: 2 }],
};

test("the largest value fills the row, the others are in proportion, and all zeros draw nothing", () => {
  expect(barLengths([0.5, 2, 1])).toEqual([25, 100, 50]);
  expect(barLengths([0, 0])).toEqual([0, 0]);
  expect(barLengths([])).toEqual([]);
});

test.each([
  { v: 0, label: "0" },
  { v: 0.41234, label: "0.412" },
  { v: 12.345, label: "12.3" },
  { v: 1234.5, label: "1235" },
  { v: 0.00012345, label: "0.000123" },
])("a value of $v is labelled $label", ({ v, label }) => {
  expect(barLabel(v)).toBe(label);
});

test("a row per bar: its name, a bar of its length, its value; named by the item's text", () => {
  const html = barsHtml(item);
  expect(html).toMatch(/^<span class="dp-bars" role="img" aria-label="\[bars &quot;GFLOP\/s&quot;: naive 0.5, i-k-j 2\]">/);
  expect(html).toContain('<span class="dp-title" data-text="GFLOP/s"></span>');
  expect([...html.matchAll(/<rect class="dp-bar" x="0" y="0" width="([\d.]+)"/g)].map((m) => m[1])).toEqual(["25", "100"]);
  expect([...html.matchAll(/class="dp-bar-name" data-text="([^"]*)"/g)].map((m) => m[1])).toEqual(["naive", "i-k-j &lt;fast&gt;"]);
  expect([...html.matchAll(/class="dp-bar-value" data-text="([^"]*)"/g)].map((m) => m[1])).toEqual(["0.5", "2"]);
  // No words in the text: the output reads exactly as printed.
  expect(html.replace(/<[^>]*>/g, "")).toBe("");
  expect(picture(item)).toBe(html);
});

test("the worker passes bar charts to the page, and nothing hand-made", () => {
  expect(drawable(item)).toBe(true);
  expect(drawable({ ...item, bars: [{ name: "x", value: -1 }] })).toBe(false);
  expect(drawable({ ...item, bars: [{ name: 3, value: 1 }] })).toBe(false);
  expect(drawable({ ...item, bars: "many" })).toBe(false);
  expect(drawable({ ...item, title: 7 })).toBe(false);
});
