/**
 * Chapter 6's island: draw a digit (mouse, finger, pen or keyboard), see it
 * as the 28×28 input MNIST would make of it, and watch the activations flow
 * through an untrained 784 → 16 → 16 → 10 network, layer by layer, to the
 * brightest output. Drawing, downsampling and the network live in
 * draw-digit.ts; this file only draws and listens.
 */
import { useEffect, useId, useMemo, useRef, useState } from "preact/hooks";
import { Random, type Mnist } from "nnfs";
import {
  INK_SIZE,
  SIDE,
  SIZES,
  activations,
  answer,
  blank,
  createNetwork,
  fromMnist,
  penKey,
  stamp,
  startPen,
  strongest,
  stroke,
  toInk,
  toMnist,
  type Pen,
  type Point,
} from "./draw-digit.ts";
import { parseColour } from "./weight-painter.ts";
import { digitAt, loadDigits, loadError } from "./digits-data.ts";
import TrainedOutputs from "./TrainedOutputs.tsx";
import "./draw-digit.css";

/** The chapter's network: seeds 1, 2 and 3 for its three layers, as in the cells. */
const FIRST_SEED = 1;

type RGB = [number, number, number];

/** Geometry of the network picture (SVG user units). */
const VIEW = { w: 300, h: 250, pad: 14 };
const COLUMNS = [58, 150, 242];
const RADIUS = [6, 6, 9];

function ys(n: number): number[] {
  const top = VIEW.pad + RADIUS[2];
  const span = VIEW.h - 2 * top;
  return Array.from({ length: n }, (_, i) => top + (n === 1 ? span / 2 : (i * span) / (n - 1)));
}

function inkColours(el: Element): { bg: RGB; fg: RGB } {
  const css = getComputedStyle(el);
  return { bg: parseColour(css.getPropertyValue("--bg"), [255, 255, 255]), fg: parseColour(css.getPropertyValue("--fg"), [0, 0, 0]) };
}

/** Paints `values` (side × side, 0…1) onto a canvas of the same size, paper to ink. */
function paintImage(canvas: HTMLCanvasElement | null, values: ArrayLike<number>, side: number, bg: RGB, fg: RGB) {
  const ctx = canvas?.getContext("2d");
  if (!ctx) return;
  const img = ctx.createImageData(side, side);
  for (let i = 0; i < side * side; i++) {
    const v = Math.min(1, Math.max(0, values[i]));
    img.data[4 * i] = bg[0] + (fg[0] - bg[0]) * v;
    img.data[4 * i + 1] = bg[1] + (fg[1] - bg[1]) * v;
    img.data[4 * i + 2] = bg[2] + (fg[2] - bg[2]) * v;
    img.data[4 * i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}

/** `trained` (chapter 10 on): the reader's trained network reads the drawing instead of the untrained one. */
export default function DrawDigit({ trained = false }: { trained?: boolean }) {
  const uid = `dd${useId().replace(/[^\w-]/g, "")}`;
  const ink = useRef<Float32Array>(blank());
  const [version, setVersion] = useState(0);
  const [seed, setSeed] = useState(FIRST_SEED);
  const [flow, setFlow] = useState(0);
  const [pen, setPen] = useState<Pen>(startPen);
  const [focused, setFocused] = useState(false);
  const [label, setLabel] = useState<number | null>(null);
  const [data, setData] = useState<{ state: "idle" | "loading" } | { state: "error"; message: string }>({ state: "idle" });
  const [theme, setTheme] = useState(0);

  const root = useRef<HTMLElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const small = useRef<HTMLCanvasElement>(null);
  const last = useRef<Point | null>(null);
  const mnist = useRef<Mnist | null>(null);
  const picker = useRef(new Random(6));
  const frame = useRef(0);

  const net = useMemo(() => createNetwork(seed), [seed]);
  const input = useMemo(() => toMnist(ink.current), [version]);
  const acts = useMemo(() => activations(net, input), [net, input]);
  const best = answer(acts);
  const empty = input.every((v) => v === 0);
  const inked = input.reduce((n, v) => n + (v >= 0.5 ? 1 : 0), 0);
  const lines = useMemo(() => net.layers.slice(1).map((layer) => strongest(layer, 3)), [net]);
  const maxW = useMemo(() => Math.max(...lines.flat().map((l) => Math.abs(l.w))), [lines]);

  // Redraw both canvases after every change, and when the theme changes.
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const { bg, fg } = inkColours(el);
    paintImage(canvas.current, ink.current, INK_SIZE, bg, fg);
    paintImage(small.current, input, SIDE, bg, fg);
  }, [version, theme, input]);

  useEffect(() => {
    const watch = new MutationObserver(() => setTheme((t) => t + 1));
    watch.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    return () => {
      watch.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, []);

  /** Ask for one redraw on the next frame, however many pointer events arrive before it. */
  const changed = () => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      setVersion((v) => v + 1);
    });
  };
  /** A finished change: the activations flow through the layers again. */
  const settled = () => {
    setVersion((v) => v + 1);
    setFlow((f) => f + 1);
  };

  const clear = () => {
    ink.current = blank();
    setLabel(null);
    settled();
  };

  const pointAt = (e: PointerEvent): Point => toInk(e.clientX, e.clientY, (e.currentTarget as HTMLCanvasElement).getBoundingClientRect());

  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0 && e.pointerType === "mouse") return;
    e.preventDefault();
    (e.currentTarget as HTMLCanvasElement).setPointerCapture?.(e.pointerId);
    const p = pointAt(e);
    last.current = p;
    if (label !== null) {
      // Drawing over a real digit starts a drawing of your own.
      ink.current = blank();
      setLabel(null);
    }
    stamp(ink.current, INK_SIZE, p);
    changed();
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!last.current) return;
    const events = e.getCoalescedEvents?.() ?? [];
    for (const ev of events.length ? events : [e]) {
      const p = toInk(ev.clientX, ev.clientY, (e.currentTarget as HTMLCanvasElement).getBoundingClientRect());
      stroke(ink.current, INK_SIZE, last.current, p);
      last.current = p;
    }
    changed();
  };
  const onPointerUp = () => {
    if (!last.current) return;
    last.current = null;
    settled();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      clear();
      return;
    }
    const next = penKey(pen, e.key, e.shiftKey);
    if (!next) return;
    e.preventDefault();
    if (next.down && !pen.down) {
      if (label !== null) {
        ink.current = blank();
        setLabel(null);
      }
      stamp(ink.current, INK_SIZE, next);
    } else if (next.down) {
      stroke(ink.current, INK_SIZE, pen, next);
    }
    setPen(next);
    if (next.down) changed();
    if (!next.down && pen.down) settled();
  };

  const realDigit = async () => {
    try {
      if (!mnist.current) {
        setData({ state: "loading" });
        mnist.current = await loadDigits();
      }
      setData({ state: "idle" });
      const train = mnist.current.train;
      const d = digitAt(train, picker.current.int(train.X.rows));
      ink.current = fromMnist(d.pixels);
      setLabel(d.label);
      settled();
    } catch (e) {
      setData({ state: "error", message: loadError(e) });
    }
  };

  const [h1, h2, out] = [acts[1], acts[2], acts[3]];
  const columnYs = [ys(SIZES[1]), ys(SIZES[2]), ys(SIZES[3])];
  const layersActs = [h1, h2, out];
  const describe = empty
    ? "Nothing drawn yet: every output sits near one half."
    : `The network says ${best}${label !== null ? `; the digit is a ${label}` : ""}. Its outputs: ${out.map((a, j) => `${j}: ${a.toFixed(2)}`).join(", ")}.`;

  return (
    <figure class="island dd" ref={root} aria-labelledby={`${uid}-title`}>
      <p class="island-title" id={`${uid}-title`}>
        {trained ? "Draw a digit; your trained network reads it" : "Draw a digit; watch an untrained network look at it"}
      </p>

      <div class="dd-top">
        <div class="dd-draw">
          <div class="dd-pad">
            <canvas
              ref={canvas}
              class="dd-canvas"
              width={INK_SIZE}
              height={INK_SIZE}
              tabIndex={0}
              role="application"
              aria-roledescription="drawing area"
              aria-label="Draw a digit here. With the keyboard: arrow keys move the pen, Space puts it down or lifts it, Delete clears."
              aria-describedby={`${uid}-pen`}
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove}
              onPointerUp={onPointerUp}
              onPointerCancel={onPointerUp}
              onKeyDown={onKeyDown}
              onFocus={() => setFocused(true)}
              onBlur={() => setFocused(false)}
            />
            {focused && (
              <span
                class={`dd-pen${pen.down ? " dd-pen-down" : ""}`}
                style={{ left: `${(pen.x / INK_SIZE) * 100}%`, top: `${(pen.y / INK_SIZE) * 100}%` }}
                aria-hidden="true"
              />
            )}
            {empty && !focused && <span class="dd-hint" aria-hidden="true">draw a digit here</span>}
          </div>
          <p class="dd-pen-status" id={`${uid}-pen`} aria-live="polite">
            {focused ? (pen.down ? "Pen down: the arrow keys draw." : "Pen up: the arrow keys move it; Space puts it down.") : label !== null ? `A real handwritten ${label}, from the training digits.` : " "}
          </p>
          <div class="dd-buttons">
            <button type="button" onClick={clear}>
              Clear
            </button>
            <button type="button" onClick={realDigit} disabled={data.state === "loading"}>
              {data.state === "loading" ? "Loading digits…" : "A real digit"}
            </button>
            {!trained && (
              <button type="button" onClick={() => { setSeed((s) => s + 10); setFlow((f) => f + 1); }}>
                New random weights
              </button>
            )}
          </div>
          {data.state === "loading" && (
            <p class="dd-status" role="status">
              Loading 10,000 handwritten digits…
            </p>
          )}
          {data.state === "error" && (
            <p class="dd-status dd-error" role="alert">
              {data.message}
            </p>
          )}
        </div>

        <div class="dd-net">
          <div class="dd-input">
            <canvas
              ref={small}
              width={SIDE}
              height={SIDE}
              role="img"
              aria-label={`Your drawing as the network sees it: 28 by 28 pixels, ${inked} of them inked`}
              data-inked={inked}
            />
            <span>784 inputs</span>
          </div>
          {trained ? <TrainedOutputs input={input} empty={empty} label={label} /> : <svg class="dd-svg" data-outputs={out.map((a) => a.toFixed(4)).join(" ")} viewBox={`0 0 ${VIEW.w} ${VIEW.h}`} role="img" aria-label={`The network, layer by layer. ${describe}`}>
            {/* Every pixel feeds every first-layer neuron; a fan of lines stands for the 784 × 16 connections. */}
            {columnYs[0].map((y, j) => (
              <line key={`in${j}`} class="dd-fan" x1={0} y1={VIEW.h / 2 + (y - VIEW.h / 2) * 0.55} x2={COLUMNS[0] - RADIUS[0]} y2={y} />
            ))}
            {lines.map((layerLines, l) =>
              layerLines.map(({ from, to, w }) => (
                <line
                  key={`l${l}-${from}-${to}`}
                  class={w >= 0 ? "dd-w-pos" : "dd-w-neg"}
                  x1={COLUMNS[l] + RADIUS[l]}
                  y1={columnYs[l][from]}
                  x2={COLUMNS[l + 1] - RADIUS[l + 1]}
                  y2={columnYs[l + 1][to]}
                  stroke-opacity={0.15 + 0.6 * (Math.abs(w) / maxW)}
                />
              )),
            )}
            {layersActs.map((layer, l) => (
              <g key={`layer${l}-${flow}`} class="dd-layer" style={{ animationDelay: `${l * 0.22}s` }}>
                {layer.map((a, j) => (
                  <circle
                    key={j}
                    class={l === 2 && j === best && !empty ? "dd-neuron dd-best" : "dd-neuron"}
                    cx={COLUMNS[l]}
                    cy={columnYs[l][j]}
                    r={RADIUS[l]}
                    style={{ "--a": a.toFixed(3) } as Record<string, string>}
                  />
                ))}
              </g>
            ))}
            {out.map((a, j) => (
              <text key={`t${j}`} class={j === best && !empty ? "dd-label dd-label-best" : "dd-label"} x={COLUMNS[2] + RADIUS[2] + 6} y={columnYs[2][j] + 4}>
                {j}
                <tspan class="dd-value" dx="5">{a.toFixed(2)}</tspan>
              </text>
            ))}
            <text class="dd-caption" x={COLUMNS[0]} y={VIEW.h - 1} text-anchor="middle">16</text>
            <text class="dd-caption" x={COLUMNS[1]} y={VIEW.h - 1} text-anchor="middle">16</text>
            <text class="dd-caption" x={COLUMNS[2]} y={VIEW.h - 1} text-anchor="middle">10</text>
          </svg>}
        </div>
      </div>

      {!trained && <p class="dd-answer" aria-live="polite">
        {empty ? (
          "Draw something, and the answer appears here."
        ) : (
          <>
            The network says <strong class="dd-answer-digit">{best}</strong>
            {label !== null ? <> (the digit is a {label})</> : null}.{" "}
            {label === best ? "Right, but only by luck: it has not learned anything yet." : "It has not learned anything yet: this is a guess."}
          </>
        )}
      </p>}
    </figure>
  );
}
