/**
 * Chapter 5's island: paint the 784 weights of one neuron (or start from a
 * pattern), pick a real handwritten digit, and move the bias. The grid takes
 * the mouse, a finger or a pen, and the keyboard: arrow keys move a cursor,
 * Space paints the cell under it. The arithmetic lives in weight-painter.ts.
 */
import { useEffect, useId, useRef, useState } from "preact/hooks";
import type { Mnist } from "nnfs";
import {
  BIAS,
  BRUSH_VALUE,
  PIXELS,
  PRESETS,
  SIDE,
  cellAt,
  contributions,
  describeWeights,
  fmt,
  indexOf,
  moveCursor,
  mostTypical,
  paint,
  paintLine,
  parseColour,
  preset,
  respond,
  weightColour,
  type Brush,
  type Cell,
} from "./weight-painter.ts";
import { digitAt, loadDigits, loadError } from "./digits-data.ts";
import "./weight-painter.css";

type Load = { state: "loading" } | { state: "ready"; digits: { pixels: Float32Array; label: number }[] } | { state: "error"; message: string };

type RGB = [number, number, number];
interface Palette {
  bg: RGB;
  fg: RGB;
  pos: RGB;
  neg: RGB;
  grid: RGB;
  accent: RGB;
}

function readPalette(el: Element): Palette {
  const css = getComputedStyle(el);
  const get = (name: string, fallback: RGB) => parseColour(css.getPropertyValue(name), fallback);
  return {
    bg: get("--bg", [255, 255, 255]),
    fg: get("--fg", [0, 0, 0]),
    pos: get("--wp-pos", [37, 99, 235]),
    neg: get("--wp-neg", [234, 88, 12]),
    grid: get("--border", [220, 220, 220]),
    accent: get("--accent", [52, 81, 178]),
  };
}

const rgba = ([r, g, b]: RGB, a = 1) => `rgba(${r}, ${g}, ${b}, ${a})`;

/** Paints 784 values onto a canvas as a 28×28 grid, each cell coloured by `colour`. */
function drawGrid(canvas: HTMLCanvasElement | null, values: ArrayLike<number>, colour: (v: number) => string, p: Palette, lines = false) {
  const ctx = canvas?.getContext("2d");
  if (!canvas || !ctx) return;
  const cell = canvas.width / SIDE;
  ctx.fillStyle = rgba(p.bg);
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (let r = 0; r < SIDE; r++) {
    for (let c = 0; c < SIDE; c++) {
      const v = values[indexOf(r, c)];
      if (v === 0) continue;
      ctx.fillStyle = colour(v);
      ctx.fillRect(c * cell, r * cell, cell, cell);
    }
  }
  if (lines) {
    ctx.strokeStyle = rgba(p.grid, 0.9);
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let i = 1; i < SIDE; i++) {
      const at = Math.round(i * cell) + 0.5;
      ctx.moveTo(at, 0);
      ctx.lineTo(at, canvas.height);
      ctx.moveTo(0, at);
      ctx.lineTo(canvas.width, at);
    }
    ctx.stroke();
  }
}

export default function WeightPainter() {
  const uid = `wp${useId().replace(/[^\w-]/g, "")}`;
  const [weights, setWeights] = useState<Float32Array>(() => preset("vertical"));
  const [presetId, setPresetId] = useState("vertical");
  const [brush, setBrush] = useState<Brush>("positive");
  const [bias, setBias] = useState(BIAS.initial);
  const [cursor, setCursor] = useState<Cell>({ row: 14, col: 14 });
  const [focused, setFocused] = useState(false);
  const [selected, setSelected] = useState(1);
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  const [palette, setPalette] = useState<Palette | null>(null);

  const root = useRef<HTMLElement>(null);
  const grid = useRef<HTMLCanvasElement>(null);
  const digitCanvas = useRef<HTMLCanvasElement>(null);
  const partsCanvas = useRef<HTMLCanvasElement>(null);
  const thumbs = useRef<(HTMLCanvasElement | null)[]>([]);
  const last = useRef<Cell | null>(null);
  const painting = useRef<Brush | null>(null);

  // The real digits: the most typical training example of each digit, 0 to 9.
  useEffect(() => {
    let live = true;
    setLoad({ state: "loading" });
    loadDigits()
      .then((mnist: Mnist) => {
        if (!live) return;
        const { X, y } = mnist.train;
        const picks = mostTypical(X.data, y, X.cols).map((i) => digitAt(mnist.train, i));
        setLoad({ state: "ready", digits: picks });
      })
      .catch((e: unknown) => live && setLoad({ state: "error", message: loadError(e) }));
    return () => {
      live = false;
    };
  }, [attempt]);

  // Colours come from the theme's CSS variables; read them again when the theme changes.
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    setPalette(readPalette(el));
    const watch = new MutationObserver(() => setPalette(readPalette(el)));
    watch.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    return () => watch.disconnect();
  }, []);

  const digits = load.state === "ready" ? load.digits : [];
  const current = digits.find((d) => d.label === selected) ?? digits[0];
  const parts = current ? contributions(weights, current.pixels) : new Float32Array(PIXELS);
  const response = current ? respond(weights, current.pixels, bias) : null;

  useEffect(() => {
    if (!palette) return;
    const weightFill = (v: number) => {
      const [r, g, b, a] = weightColour(v, palette.pos, palette.neg);
      return `rgba(${r}, ${g}, ${b}, ${a})`;
    };
    const ink = (v: number) => rgba(palette.fg, Math.min(1, v));
    drawGrid(grid.current, weights, weightFill, palette, true);
    // The cursor, when the grid has keyboard focus.
    const ctx = grid.current?.getContext("2d");
    if (ctx && grid.current && focused) {
      const cell = grid.current.width / SIDE;
      ctx.lineWidth = 3;
      ctx.strokeStyle = rgba(palette.fg);
      ctx.strokeRect(cursor.col * cell + 1.5, cursor.row * cell + 1.5, cell - 3, cell - 3);
    }
    if (current) {
      drawGrid(digitCanvas.current, current.pixels, ink, palette);
      drawGrid(partsCanvas.current, parts, weightFill, palette);
    }
    digits.forEach((d, i) => drawGrid(thumbs.current[i] ?? null, d.pixels, ink, palette));
  }, [palette, weights, cursor, focused, current, load]);

  const choosePreset = (id: string) => {
    setPresetId(id);
    setWeights(preset(id));
  };

  const cellOf = (e: PointerEvent): Cell | null => {
    const box = (e.currentTarget as HTMLCanvasElement).getBoundingClientRect();
    return cellAt(e.clientX - box.left, e.clientY - box.top, box.width);
  };

  const onPointerDown = (e: PointerEvent) => {
    if (e.pointerType === "mouse" && e.button !== 0) return; // leave right-clicks to the browser
    const at = cellOf(e);
    if (!at) return;
    e.preventDefault();
    (e.currentTarget as HTMLCanvasElement).setPointerCapture?.(e.pointerId);
    // A pen's eraser end (button 5) erases, whatever brush is chosen.
    const b: Brush = e.button === 5 ? "erase" : brush;
    painting.current = b;
    last.current = at;
    setCursor(at);
    setPresetId("");
    setWeights((w) => paint(w, at, b, 1));
  };
  const onPointerMove = (e: PointerEvent) => {
    const b = painting.current;
    if (!b) return;
    const at = cellOf(e);
    if (!at) return;
    const from = last.current ?? at;
    last.current = at;
    setWeights((w) => paintLine(w, from, at, b, 1));
  };
  const onPointerUp = () => {
    painting.current = null;
    last.current = null;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === " " || e.key === "Enter") {
      e.preventDefault();
      setPresetId("");
      setWeights((w) => paint(w, cursor, brush));
      return;
    }
    const next = moveCursor(cursor, e.key);
    if (!next) return;
    e.preventDefault();
    setCursor(next);
    if (e.shiftKey) {
      setPresetId("");
      setWeights((w) => paintLine(w, cursor, next, brush));
    }
  };

  const weightHere = weights[indexOf(cursor.row, cursor.col)];
  const chosen = PRESETS.find((p) => p.id === presetId);

  return (
    <figure class="island wp" ref={root} aria-labelledby={`${uid}-title`}>
      <p class="island-title" id={`${uid}-title`}>
        Paint a neuron that looks for a pattern
      </p>

      <div class="wp-top">
        <div class="wp-paint">
          <canvas
            ref={grid}
            class="wp-grid"
            width={560}
            height={560}
            tabIndex={0}
            role="application"
            aria-roledescription="weight grid"
            aria-label={`The neuron's 784 weights as a 28 by 28 grid. ${describeWeights(weights)} Arrow keys move the cursor, Space paints with the chosen brush, Shift with an arrow paints as it moves.`}
            aria-describedby={`${uid}-cursor`}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            onKeyDown={onKeyDown}
            onFocus={() => setFocused(true)}
            onBlur={() => setFocused(false)}
          />
          <p class="wp-cursor" id={`${uid}-cursor`} aria-live="polite">
            {focused ? `Cursor at row ${cursor.row + 1}, column ${cursor.col + 1}: weight ${fmt(weightHere, 0)}` : "Paint on the grid, or focus it and use the arrow keys and Space."}
          </p>
        </div>

        <div class="wp-controls">
          <fieldset class="wp-brushes">
            <legend>Brush</legend>
            {(["positive", "negative", "erase"] as Brush[]).map((b) => (
              <label class={`wp-brush wp-brush-${b}`} key={b}>
                <input type="radio" name={`${uid}-brush`} value={b} checked={brush === b} onChange={() => setBrush(b)} />
                <span class="wp-swatch" aria-hidden="true" />
                {b === "positive" ? "Positive (+1)" : b === "negative" ? "Negative (−1)" : `Erase (${BRUSH_VALUE.erase})`}
              </label>
            ))}
          </fieldset>

          <div class="wp-presets" role="group" aria-label="Start from a pattern">
            {PRESETS.map((p) => (
              <button type="button" key={p.id} aria-pressed={presetId === p.id} onClick={() => choosePreset(p.id)}>
                {p.label}
              </button>
            ))}
          </div>
          <p class="wp-note">{chosen ? chosen.description : "Your own pattern."}</p>

          <div class="wp-slider">
            <label for={`${uid}-bias`}>
              {/* Not a live region: the slider itself says its value. */}
              Bias{" "}
              <output for={`${uid}-bias`} aria-live="off">
                {fmt(bias, 0)}
              </output>
            </label>
            <input
              id={`${uid}-bias`}
              type="range"
              min={BIAS.min}
              max={BIAS.max}
              step={BIAS.step}
              value={bias}
              aria-valuetext={fmt(bias, 0)}
              onInput={(e) => setBias(Number((e.currentTarget as HTMLInputElement).value))}
            />
            <p class="wp-note">
              The neuron lights up once the weighted sum passes {fmt(-bias, 0)}.
            </p>
          </div>
        </div>
      </div>

      {load.state === "loading" && (
        <p class="wp-status" role="status">
          Loading 10,000 handwritten digits…
        </p>
      )}
      {load.state === "error" && (
        <div class="wp-status wp-error" role="alert">
          <p>{load.message}</p>
          <button type="button" onClick={() => setAttempt((a) => a + 1)}>
            Try again
          </button>
        </div>
      )}

      {load.state === "ready" && current && response && (
        <>
          <div class="wp-digits" role="group" aria-label="Real handwritten digits: choose one to look at">
            {digits.map((d, i) => {
              const r = respond(weights, d.pixels, bias);
              return (
                <button
                  type="button"
                  key={d.label}
                  class="wp-digit"
                  aria-pressed={d.label === selected}
                  aria-label={`A handwritten ${d.label}: weighted sum ${fmt(r.sum)}, output ${fmt(r.activation, 2)}`}
                  onClick={() => setSelected(d.label)}
                >
                  <canvas ref={(el) => void (thumbs.current[i] = el)} width={56} height={56} aria-hidden="true" />
                  <span class="wp-bulb" aria-hidden="true">
                    <span style={{ opacity: r.activation }} />
                  </span>
                  {/* The same one-decimal sum as the button's name, so what is seen is what is heard. */}
                  <span class="wp-digit-sum" aria-hidden="true">
                    {fmt(r.sum)}
                  </span>
                </button>
              );
            })}
          </div>

          <div class="wp-detail">
            <figure class="wp-panel">
              <canvas ref={digitCanvas} width={280} height={280} role="img" aria-label={`The handwritten ${current.label}`} />
              <figcaption>the digit x</figcaption>
            </figure>
            <figure class="wp-panel">
              <canvas
                ref={partsCanvas}
                width={280}
                height={280}
                role="img"
                aria-label="Each pixel times its weight: positive where ink meets positive weights, negative where it meets negative ones"
              />
              <figcaption>w · x, pixel by pixel</figcaption>
            </figure>
            <div class="wp-readout" aria-live="polite">
              <p>
                Σ w·x = <strong>{fmt(response.sum)}</strong>
              </p>
              <p>
                + b = {fmt(response.sum)} {bias < 0 ? "−" : "+"} {fmt(Math.abs(bias), 0)} = <strong>{fmt(response.z)}</strong>
              </p>
              <p>
                σ({fmt(response.z)}) = <strong>{fmt(response.activation, 3)}</strong>
              </p>
              <p class="wp-verdict">{response.activation >= 0.5 ? `The neuron lights up for this ${current.label}.` : `The neuron stays dark for this ${current.label}.`}</p>
            </div>
          </div>
        </>
      )}
    </figure>
  );
}
