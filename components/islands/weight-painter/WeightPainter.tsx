/**
 * Chapter 5's island: paint the 784 weights of one neuron (or start from a
 * pattern), pick a real handwritten digit, and move the bias. The grid takes
 * the mouse, a finger or a pen, and the keyboard: arrow keys move a cursor,
 * Space paints the cell under it. The arithmetic lives in weight-painter.ts;
 * the digits and the neuron's response are drawn by WeightPainterDigits.tsx.
 */
import { useEffect, useId, useRef, useState } from "preact/hooks";
import type { Mnist } from "nnfs";
import {
  BIAS, BRUSH_NAMES, GHOST, PALETTE, PRESETS, SIDE,
  cellAt, describeWeights, ghostNote, indexOf, moveCursor, mostTypical, paint, paintLine, preset, weightColour,
  type Brush, type Cell, type Palette,
} from "./weight-painter.ts";
import Digits, { type Digit } from "./WeightPainterDigits.tsx";
import { readColours, rgba } from "../shared/colours.ts";
import { paintCells, useThemeVersion } from "../shared/canvas.ts";
import { fixed } from "../shared/numbers.ts";
import { digitAt, loadDigits, loadError } from "../shared/digits-data.ts";
import "../shared/islands.css";
import "./weight-painter.css";

type Load = { state: "loading" } | { state: "ready"; digits: Digit[] } | { state: "error"; message: string };

export default function WeightPainter() {
  const uid = `wp${useId().replace(/[^\w-]/g, "")}`;
  const [weights, setWeights] = useState<Float32Array>(() => preset("vertical"));
  const [presetId, setPresetId] = useState("vertical");
  const [brush, setBrush] = useState<Brush>("positive");
  const [bias, setBias] = useState(BIAS.initial);
  const [cursor, setCursor] = useState<Cell>({ row: 14, col: 14 });
  const [focused, setFocused] = useState(false);
  const [selected, setSelected] = useState(1);
  const [showDigit, setShowDigit] = useState(true);
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  const theme = useThemeVersion();

  const root = useRef<HTMLElement>(null);
  const grid = useRef<HTMLCanvasElement>(null);
  const last = useRef<Cell | null>(null);
  const painting = useRef<Brush | null>(null);

  // The real digits: the most typical training example of each digit, 0 to 9.
  useEffect(() => {
    let live = true;
    setLoad({ state: "loading" });
    loadDigits()
      .then((mnist: Mnist) => {
        const { X, y } = mnist.train;
        if (live) setLoad({ state: "ready", digits: mostTypical(X.data, y, X.cols).map((i) => digitAt(mnist.train, i)) });
      })
      .catch((e: unknown) => live && setLoad({ state: "error", message: loadError(e) }));
    return () => {
      live = false;
    };
  }, [attempt]);

  // Canvas colours come from the theme's CSS variables: read again when the theme changes.
  const [palette, setPalette] = useState<Palette | null>(null);
  useEffect(() => setPalette(root.current && readColours(getComputedStyle(root.current), PALETTE)), [theme]);
  const weightFill = (v: number) => {
    const [r, g, b, a] = weightColour(v, palette!.pos, palette!.neg);
    return rgba([r, g, b], a);
  };

  // The chosen digit, drawn faintly over the weights so the reader paints where its ink is.
  const ghost = showDigit && load.state === "ready" ? load.digits.find((d) => d.label === selected) ?? null : null;

  useEffect(() => {
    if (!palette) return;
    const faint = (v: number) => rgba(palette.fg, GHOST * Math.min(1, v));
    const layers = [{ values: weights, colour: weightFill }, ...(ghost ? [{ values: ghost.pixels, colour: faint }] : [])];
    paintCells(grid.current, layers, SIDE, palette.bg, palette.grid);
    // The cursor, when the grid has keyboard focus.
    const ctx = grid.current?.getContext("2d");
    if (ctx && grid.current && focused) {
      const cell = grid.current.width / SIDE;
      ctx.lineWidth = 3;
      ctx.strokeStyle = rgba(palette.fg);
      ctx.strokeRect(cursor.col * cell + 1.5, cursor.row * cell + 1.5, cell - 3, cell - 3);
    }
  }, [palette, weights, cursor, focused, ghost]);

  const cellOf = (e: PointerEvent): Cell | null => {
    const box = (e.currentTarget as HTMLCanvasElement).getBoundingClientRect();
    return cellAt(e.clientX - box.left, e.clientY - box.top, box.width);
  };
  /** A change of the reader's: the weights are no longer a preset's. */
  const edit = (change: (w: Float32Array) => Float32Array) => {
    setPresetId("");
    setWeights(change);
  };

  const onPointerDown = (e: PointerEvent) => {
    if (e.pointerType === "mouse" && e.button !== 0) return; // leave right-clicks to the browser
    const at = cellOf(e);
    if (!at) return;
    e.preventDefault();
    (e.currentTarget as HTMLCanvasElement).setPointerCapture?.(e.pointerId);
    // A pen's eraser end (button 5) erases, whatever brush is chosen.
    painting.current = e.button === 5 ? "erase" : brush;
    last.current = at;
    setCursor(at);
    const b = painting.current;
    edit((w) => paint(w, at, b, 1));
  };
  const onPointerMove = (e: PointerEvent) => {
    const at = painting.current && cellOf(e);
    if (!at) return;
    const [from, b] = [last.current ?? at, painting.current!];
    edit((w) => paintLine(w, from, at, b, 1));
    last.current = at;
  };
  const onPointerUp = () => {
    painting.current = null;
    last.current = null;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === " " || e.key === "Enter") {
      e.preventDefault();
      edit((w) => paint(w, cursor, brush));
      return;
    }
    const next = moveCursor(cursor, e.key);
    if (!next) return;
    e.preventDefault();
    setCursor(next);
    if (e.shiftKey) edit((w) => paintLine(w, cursor, next, brush));
  };

  const chosen = PRESETS.find((p) => p.id === presetId);

  return (
    <figure class="island wp" ref={root} aria-labelledby={`${uid}-title`}>
      <p class="island-title" id={`${uid}-title`}>
        Paint a neuron that looks for a pattern
      </p>

      <div class="wp-top">
        <div class="wp-paint">
          <canvas
            ref={grid} class="wp-grid" width={560} height={560} tabIndex={0}
            role="application" aria-roledescription="weight grid" aria-describedby={`${uid}-cursor`}
            aria-label={`The neuron's 784 weights as a 28 by 28 grid. ${describeWeights(weights)}${ghostNote(ghost?.label ?? null)} Arrow keys move the cursor, Space paints with the chosen brush, Shift with an arrow paints as it moves.`}
            data-ghost={ghost?.label}
            onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={onPointerUp}
            onKeyDown={onKeyDown} onFocus={() => setFocused(true)} onBlur={() => setFocused(false)}
          />
          <p class="wp-cursor" id={`${uid}-cursor`} aria-live="polite">
            {focused ? `Cursor at row ${cursor.row + 1}, column ${cursor.col + 1}: weight ${fixed(weights[indexOf(cursor.row, cursor.col)], 0)}` : "Paint on the grid, or focus it and use the arrow keys and Space."}
          </p>
        </div>

        <div class="wp-controls">
          <fieldset class="wp-brushes">
            <legend>Brush</legend>
            {(Object.keys(BRUSH_NAMES) as Brush[]).map((b) => (
              <label class={`wp-brush wp-brush-${b}`} key={b}>
                <input type="radio" name={`${uid}-brush`} value={b} checked={brush === b} onChange={() => setBrush(b)} />
                <span class="wp-swatch" aria-hidden="true" />
                {BRUSH_NAMES[b]}
              </label>
            ))}
          </fieldset>

          <div class="wp-presets" role="group" aria-label="Start from a pattern">
            {PRESETS.map((p) => (
              <button type="button" key={p.id} aria-pressed={presetId === p.id} onClick={() => { setPresetId(p.id); setWeights(preset(p.id)); }}>
                {p.label}
              </button>
            ))}
          </div>
          <p class="wp-note">{chosen ? chosen.description : "Your own pattern."}</p>
          <label class="wp-check">
            <input type="checkbox" checked={showDigit} onChange={(e) => setShowDigit((e.currentTarget as HTMLInputElement).checked)} />
            Show the chosen digit under the grid
          </label>

          <div class="wp-slider">
            <label for={`${uid}-bias`}>
              {/* Not a live region: the slider itself says its value. */}
              Bias <output for={`${uid}-bias`} aria-live="off">{fixed(bias, 0)}</output>
            </label>
            <input
              id={`${uid}-bias`} type="range" min={BIAS.min} max={BIAS.max} step={BIAS.step} value={bias} aria-valuetext={fixed(bias, 0)}
              onInput={(e) => setBias(Number((e.currentTarget as HTMLInputElement).value))}
            />
            <p class="wp-note">The neuron lights up once the weighted sum passes {fixed(-bias, 0)}.</p>
          </div>
        </div>
      </div>

      {load.state === "loading" && <p class="wp-status" role="status">Loading 10,000 handwritten digits…</p>}
      {load.state === "error" && (
        <div class="wp-status wp-error" role="alert">
          <p>{load.message}</p>
          <button type="button" onClick={() => setAttempt((a) => a + 1)}>Try again</button>
        </div>
      )}
      {load.state === "ready" && palette && (
        <Digits digits={load.digits} selected={selected} onSelect={setSelected} weights={weights} bias={bias} palette={palette} weightFill={weightFill} />
      )}
    </figure>
  );
}
