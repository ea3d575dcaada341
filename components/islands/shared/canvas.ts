/**
 * What the canvas islands share in the page: putting pixels on a canvas,
 * drawing a 28×28 grid of cells, and noticing when the reader switches theme
 * (a canvas keeps the colours it was painted with, so it must be painted
 * again). The colour arithmetic is in colours.ts, tested without a browser.
 */
import { useEffect, useState } from "preact/hooks";
import { inkPixels, rgba, type RGB } from "./colours.ts";

/** Paints `values` (side × side, 0 = paper … 1 = ink) onto a canvas of that size. */
export function paintInk(canvas: HTMLCanvasElement | null, values: ArrayLike<number>, side: number, bg: RGB, fg: RGB): void {
  const ctx = canvas?.getContext("2d");
  if (!ctx) return;
  const img = ctx.createImageData(side, side);
  img.data.set(inkPixels(values, bg, fg));
  ctx.putImageData(img, 0, 0);
}

/** Values to draw as a grid of cells, each (non-zero) value in the colour `colour` gives it. */
export interface CellLayer {
  values: ArrayLike<number>;
  colour: (v: number) => string;
}

/**
 * Fills a canvas with the paper colour, then draws each layer in turn as a
 * `side × side` grid of cells, later layers over earlier ones; `lines`, when
 * given, is the colour of the grid lines drawn over them all.
 */
export function paintCells(canvas: HTMLCanvasElement | null, layers: CellLayer[], side: number, paper: RGB, lines?: RGB): void {
  const ctx = canvas?.getContext("2d");
  if (!canvas || !ctx) return;
  const cell = canvas.width / side;
  ctx.fillStyle = rgba(paper);
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (const { values, colour } of layers) {
    for (let i = 0; i < side * side; i++) {
      if (values[i] === 0) continue;
      ctx.fillStyle = colour(values[i]);
      ctx.fillRect((i % side) * cell, Math.floor(i / side) * cell, cell, cell);
    }
  }
  if (!lines) return;
  ctx.strokeStyle = rgba(lines, 0.9);
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let i = 1; i < side; i++) {
    const at = Math.round(i * cell) + 0.5;
    ctx.moveTo(at, 0);
    ctx.lineTo(at, canvas.height);
    ctx.moveTo(0, at);
    ctx.lineTo(canvas.width, at);
  }
  ctx.stroke();
}

/** A number that changes whenever the page's theme (data-theme on <html>) does. */
export function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const watch = new MutationObserver(() => setVersion((v) => v + 1));
    watch.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    return () => watch.disconnect();
  }, []);
  return version;
}
