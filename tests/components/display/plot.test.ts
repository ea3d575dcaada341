import { describe, expect, test } from "vitest";
import { AREA, isProbability, plotHtml } from "../../../components/display/plot.ts";
import type { DisplayItem } from "../../../lib/display.ts";

type PlotItem = Extract<DisplayItem, { kind: "plot" }>;
const item = (series: PlotItem["series"], title: string | null = null, text = "[plot]"): PlotItem => ({ kind: "plot", text, title, series });
const xs = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The words CSS draws: the data-text of every element of class `cls`. */
const words = (html: string, cls: string) => [...html.matchAll(new RegExp(`<span class="${cls}[^"]*"[^>]*data-text="([^"]*)"`, "g"))].map((m) => m[1]);
/** Each tick of an axis: its label and its position (percent along the axis, from the top or the left). */
const ticks = (html: string, which: "x" | "y") => {
  const part = new RegExp(`<span class="dp-${which}">(.*?)</span></`).exec(html)?.[1] ?? "";
  return [...part.matchAll(/style="(?:top|left):([\d.]+)%" data-text="([^"]*)"/g)].map((m) => ({ label: m[2], at: Number(m[1]) }));
};
const paths = (html: string) => [...html.matchAll(/<path class="dp-line[^"]*" d="([^"]*)"/g)].map((m) => m[1]);
/** What the markup would add to the page's text: every text node, none of the tags. */
const textOf = (html: string) => html.replace(/<[^>]*>/g, "");

describe("plotHtml", () => {
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
  const s = xs(41).map((i) => i / 2 - 5);
  const chapter5 = item(
    [
      { name: "b = 0", x: s, y: s.map(sigmoid) },
      { name: "b = −10", x: s, y: s.map((v) => sigmoid(v - 10)) },
    ],
    "σ(sum + b)",
    '[plot "σ(sum + b)": b = 0: 41 points, …]',
  );

  test("is an image named by the text stand-in, with the title and a legend of the names", () => {
    const html = plotHtml(chapter5);
    expect(html).toMatch(/^<span class="dp-plot" role="img" aria-label="\[plot &quot;σ\(sum \+ b\)&quot;: b = 0: 41 points, …\]">/);
    expect(words(html, "dp-title")).toEqual(["σ(sum + b)"]);
    expect(words(html, "dp-key")).toEqual(["b = 0", "b = −10"]);
  });

  test("adds no text to the page: every word is drawn by CSS from an attribute", () => {
    expect(textOf(plotHtml(chapter5))).toBe("");
  });

  test("probabilities get a y-axis from 0 at the bottom to 1 at the top, even when the smallest is 3e-7", () => {
    const html = plotHtml(chapter5);
    expect(isProbability(chapter5.series)).toBe(true);
    expect(ticks(html, "y")).toEqual([
      { label: "0", at: 100 },
      { label: "0.2", at: 80 },
      { label: "0.4", at: 60 },
      { label: "0.6", at: 40 },
      { label: "0.8", at: 20 },
      { label: "1", at: 0 },
    ]);
    expect(ticks(html, "x")).toEqual([
      { label: "−5", at: 0 },
      { label: "0", at: 25 },
      { label: "5", at: 50 },
      { label: "10", at: 75 },
      { label: "15", at: 100 },
    ]);
  });

  test("fit: values in [0, 1] get an axis around them, not 0 to 1, so a turn of hundredths shows", () => {
    const losses = [{ x: [5, 15, 40], y: [0.46, 0.435, 0.472] }];
    const labels = ticks(plotHtml({ ...item(losses), fit: true }), "y").map((t) => t.label);
    expect(labels[0]).not.toBe("0");
    expect(Number(labels[0])).toBeLessThanOrEqual(0.435);
    expect(Number(labels.at(-1))).toBeGreaterThanOrEqual(0.472);
    expect(Number(labels.at(-1))).toBeLessThan(0.6);
    expect(ticks(plotHtml(item(losses)), "y").map((t) => t.label)).toEqual(["0", "0.2", "0.4", "0.6", "0.8", "1"]);
  });

  test("other values get round ticks around them, with labels that cannot wrap", () => {
    const html = plotHtml(item([{ x: [0, 1, 2], y: [3.059e-7, -2.1e-7, 1e-7] }]));
    const labels = ticks(html, "y").map((t) => t.label);
    expect(labels).toEqual(["−3e-7", "−2e-7", "−1e-7", "0", "1e-7", "2e-7", "3e-7", "4e-7"]);
    expect(labels.every((l) => !/\s/.test(l))).toBe(true);
    expect(html).toContain('style="--dp-y:6ch"'); // room for the longest label
    expect(isProbability([{ x: [0, 1], y: [0.5, 1.5] }])).toBe(false);
    expect(isProbability([{ x: [0, 1], y: [-0.1, 0.5] }])).toBe(false);
  });

  test("a plot without title or names has neither; several unnamed lines are line 1, line 2", () => {
    expect(plotHtml(item([{ x: [0, 1], y: [2, 4] }]))).not.toContain("dp-head");
    expect(words(plotHtml(item([{ x: [0, 1], y: [2, 4] }, { x: [0, 1], y: [1, 3] }])), "dp-key")).toEqual(["line 1", "line 2"]);
  });

  test("a line runs from its first point to its last, scaled into the plot area", () => {
    expect(paths(plotHtml(item([{ x: [0, 5, 10], y: [0, 0.25, 1] }])))).toEqual([`M0,${AREA.height}L${AREA.width / 2},${AREA.height * 0.75}L${AREA.width},0`]);
  });

  test("lines differ by dash as well as colour", () => {
    const html = plotHtml(item([0, 1, 2].map(() => ({ x: [0, 1], y: [0, 1] }))));
    expect([...html.matchAll(/<path class="dp-line (dp-line-\d)"[^>]*?(?: stroke-dasharray="([^"]*)")?\/>/g)].map((m) => [m[1], m[2] ?? ""])).toEqual([
      ["dp-line-0", ""],
      ["dp-line-1", "6 3"],
      ["dp-line-2", "2 3"],
    ]);
  });

  test("a gap where a value is not finite", () => {
    const [d] = paths(plotHtml(item([{ x: [0, 1, 2, 3], y: [1, Infinity, 2, 3] }])));
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/L/g)).toHaveLength(1);
  });

  test("three lines of 50,000 points draw in a few hundred path points each, keeping their extremes", () => {
    const n = 50_000;
    const series = [0, 1, 2].map((k) => ({ name: `w${k}`, x: xs(n), y: xs(n).map((i) => Math.sin(i / 500 + k) * (i === 777 ? 5 : 1)) }));
    const html = plotHtml(item(series, "big"));
    const ds = paths(html);
    expect(ds).toHaveLength(3);
    for (const d of ds) expect(d.match(/[ML]/g)!.length).toBeLessThanOrEqual(4 * (AREA.width / 2));
    expect(ticks(html, "y").map((t) => t.label)).toContain("4"); // the spike at 5 or −5 is still inside the axis
  });

  test("title and names are escaped", () => {
    const html = plotHtml(item([{ name: '<b>"', x: [0, 1], y: [0, 1] }], "a & b"));
    expect(html).toContain('data-text="a &amp; b"');
    expect(html).toContain('data-text="&lt;b&gt;&quot;"');
    expect(html).not.toContain("<b>");
  });
});
