/**
 * Draws a cell's output in the page: text lines as text, plots as SVG and
 * digits on a canvas. A picture carries its text stand-in as caption, so the
 * output's text reads exactly as the output printed in the book (and as the
 * chapter tests check it).
 */
import type { DisplayItem } from "../../../lib/display.ts";

const SVG = "http://www.w3.org/2000/svg";

function svg<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

function plotSvg(item: Extract<DisplayItem, { kind: "plot" }>): SVGSVGElement {
  const W = 480, H = 220, L = 44, R = 8, T = 10, B = 22;
  const xs = item.series.flatMap((s) => s.x).filter(Number.isFinite);
  const ys = item.series.flatMap((s) => s.y).filter(Number.isFinite);
  let [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (!(x1 > x0)) [x0, x1] = [x0 - 1, x0 + 1];
  if (!(y1 > y0)) [y0, y1] = [y0 - 1, y0 + 1];
  const px = (x: number) => L + ((x - x0) / (x1 - x0)) * (W - L - R);
  const py = (y: number) => H - B - ((y - y0) / (y1 - y0)) * (H - T - B);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "out-plot", "aria-hidden": "true" });
  root.append(svg("path", { d: `M${L},${T}V${H - B}H${W - R}`, class: "out-plot-axis", fill: "none" }));
  item.series.forEach((s, i) => {
    let d = "";
    let pen = false;
    // A line of a million points draws no better than one of a few thousand.
    const step = Math.max(1, Math.ceil(s.y.length / 4000));
    s.y.forEach((y, j) => {
      if (j % step !== 0 && j !== s.y.length - 1) return;
      if (!Number.isFinite(y) || !Number.isFinite(s.x[j])) {
        pen = false;
        return;
      }
      d += `${pen ? "L" : "M"}${px(s.x[j]).toFixed(1)},${py(y).toFixed(1)}`;
      pen = true;
    });
    root.append(svg("path", { d, class: `out-plot-line out-plot-line-${i % 4}`, fill: "none" }));
  });
  return root;
}

/**
 * Axis numbers, drawn by CSS from data attributes: as text they would join
 * the output's text, which must read exactly as the book prints it.
 */
function plotLabels(item: Extract<DisplayItem, { kind: "plot" }>): HTMLElement {
  const xs = item.series.flatMap((s) => s.x).filter(Number.isFinite);
  const ys = item.series.flatMap((s) => s.y).filter(Number.isFinite);
  const fmt = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : "");
  const box = document.createElement("span");
  box.className = "out-plot-labels";
  box.setAttribute("aria-hidden", "true");
  const at: [string, number][] = [
    ["y1", Math.max(...ys)],
    ["y0", Math.min(...ys)],
    ["x0", Math.min(...xs)],
    ["x1", Math.max(...xs)],
  ];
  for (const [where, v] of at) {
    const s = document.createElement("span");
    s.className = `out-plot-${where}`;
    s.dataset.label = fmt(v);
    box.append(s);
  }
  return box;
}

function digitCanvas(item: Extract<DisplayItem, { kind: "digit" }>): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = 28;
  canvas.height = 28;
  canvas.className = "out-digit";
  const ctx = canvas.getContext("2d");
  if (ctx) {
    const image = ctx.createImageData(28, 28);
    item.pixels.forEach((v, i) => {
      const grey = Math.round(255 * (1 - v));
      image.data.set([grey, grey, grey, 255], i * 4);
    });
    ctx.putImageData(image, 0, 0);
  }
  return canvas;
}

/** The element showing a plot or a digit, captioned with its text stand-in. */
export function displayElement(item: DisplayItem): HTMLElement {
  const box = document.createElement("span");
  box.className = `out-display out-display-${item.kind}`;
  box.setAttribute("role", "img");
  box.setAttribute("aria-label", item.text);
  const picture = document.createElement("span");
  picture.className = "out-picture";
  if (item.kind === "plot") picture.append(plotSvg(item), plotLabels(item));
  else picture.append(digitCanvas(item));
  const caption = document.createElement("span");
  caption.className = "out-caption";
  caption.textContent = item.text;
  box.append(picture, caption);
  return box;
}
