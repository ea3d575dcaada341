import { describe, expect, test } from "vitest";
import { plotSvg, isProbability, SIZE } from "../../../components/display/plot.ts";
import type { DisplayItem } from "../../../lib/display.ts";

type PlotItem = Extract<DisplayItem, { kind: "plot" }>;
const item = (series: PlotItem["series"], title: string | null = null, text = "[plot]"): PlotItem => ({ kind: "plot", text, title, series });
const xs = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The text of every <text> element of class `cls`. */
const texts = (svg: string, cls: string) => [...svg.matchAll(new RegExp(`<text class="${cls}"[^>]*>([^<]*)</text>`, "g"))].map((m) => m[1]);
/** The y coordinate of the tick labelled `label` on the y-axis. */
const tickY = (svg: string, label: string) => Number(new RegExp(`<text class="dp-tick" x="[\\d.]+" y="([\\d.]+)" text-anchor="end"[^>]*>${label}</text>`).exec(svg)?.[1]);
const paths = (svg: string) => [...svg.matchAll(/<path class="dp-line[^"]*" d="([^"]*)"/g)].map((m) => m[1]);

describe("plotSvg", () => {
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

  test("is an SVG named by the text stand-in, with the title and a legend of the names", () => {
    const svg = plotSvg(chapter5);
    expect(svg).toMatch(/^<svg class="dp-plot" viewBox="0 0 420 [\d.]+" role="img" aria-label="\[plot &quot;σ\(sum \+ b\)&quot;: b = 0: 41 points, …\]"/);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(texts(svg, "dp-title")).toEqual(["σ(sum + b)"]);
    expect([...svg.matchAll(/<g class="dp-legend">.*?<text[^>]*>([^<]*)<\/text><\/g>/g)].map((m) => m[1])).toEqual(["b = 0", "b = −10"]);
  });

  test("probabilities get a y-axis from 0 to 1, even when the smallest is 3e-7", () => {
    const svg = plotSvg(chapter5);
    expect(isProbability(chapter5.series)).toBe(true);
    const yTicks = texts(svg, "dp-tick").filter((t) => /^[\d.]+$/.test(t) && Number(t) <= 1);
    expect(yTicks).toEqual(expect.arrayContaining(["0", "0.2", "0.4", "0.6", "0.8", "1"]));
    expect(tickY(svg, "0")).toBeGreaterThan(tickY(svg, "1"));
    expect(tickY(svg, "0") - tickY(svg, "1")).toBeCloseTo(SIZE.plotHeight, 0);
    expect(svg).not.toContain("e-7");
  });

  test("other values get round ticks around them, labels that cannot wrap", () => {
    const svg = plotSvg(item([{ x: [0, 1, 2], y: [3.059e-7, -2.1e-7, 1e-7] }]));
    const labels = texts(svg, "dp-tick");
    expect(labels).toEqual(expect.arrayContaining(["−3e-7", "−2e-7", "0", "2e-7", "4e-7"]));
    expect(labels.every((l) => !/\s/.test(l))).toBe(true);
    expect(isProbability([{ x: [0, 1], y: [0.5, 1.5] }])).toBe(false);
    expect(isProbability([{ x: [0, 1], y: [-0.1, 0.5] }])).toBe(false);
  });

  test("a plot without title or names has neither", () => {
    const svg = plotSvg(item([{ x: [0, 1], y: [2, 4] }]));
    expect(svg).not.toContain("dp-title");
    expect(svg).not.toContain("dp-legend");
  });

  test("several unnamed lines are told apart as line 1, line 2", () => {
    const svg = plotSvg(item([{ x: [0, 1], y: [2, 4] }, { x: [0, 1], y: [1, 3] }]));
    expect([...svg.matchAll(/<g class="dp-legend">.*?<text[^>]*>([^<]*)<\/text><\/g>/g)].map((m) => m[1])).toEqual(["line 1", "line 2"]);
  });

  test("each line starts at its first point and ends at its last, scaled into the plot area", () => {
    const svg = plotSvg(item([{ x: [0, 10], y: [0, 1] }]));
    const [d] = paths(svg);
    const points = [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(points).toHaveLength(2);
    expect(points[0][1]).toBeCloseTo(tickY(svg, "0") - 4, 0); // labels sit 4 units below their line
    expect(points[1][1]).toBeCloseTo(tickY(svg, "1") - 4, 0);
    expect(points[1][0] - points[0][0]).toBeGreaterThan(300);
  });

  test("a gap where a value is not finite", () => {
    const [d] = paths(plotSvg(item([{ x: [0, 1, 2, 3], y: [1, Infinity, 2, 3] }])));
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/L/g)).toHaveLength(1);
  });

  test("three lines of 50,000 points draw in a few thousand path points", () => {
    const n = 50_000;
    const series = [0, 1, 2].map((k) => ({ name: `w${k}`, x: xs(n), y: xs(n).map((i) => Math.sin(i / 500 + k) * (i === 777 ? 5 : 1)) }));
    const svg = plotSvg(item(series, "big"));
    const ds = paths(svg);
    expect(ds).toHaveLength(3);
    for (const d of ds) expect(d.match(/[ML]/g)!.length).toBeLessThanOrEqual(4 * (SIZE.width / 2));
    expect(texts(svg, "dp-tick")).toContain("4"); // the spike at 5 (or −5) is still in the axis
  });

  test("title and names are escaped", () => {
    const svg = plotSvg(item([{ name: "<b>", x: [0, 1], y: [0, 1] }], 'a & "b"'));
    expect(svg).toContain("a &amp; &quot;b&quot;");
    expect(svg).toContain("&lt;b&gt;");
    expect(svg).not.toContain("<b>");
  });
});
