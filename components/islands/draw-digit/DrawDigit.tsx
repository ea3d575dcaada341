/**
 * Chapter 6's island: draw a digit (mouse, finger, pen or keyboard), see it
 * as the 28×28 input MNIST would make of it, and watch the activations flow
 * through an untrained 784 → 16 → 16 → 10 network, layer by layer, to the
 * brightest output. Drawing, downsampling, the network and the picture's
 * geometry live in draw-digit.ts; this file only draws and listens.
 */
import { useEffect, useId, useMemo, useRef, useState } from "preact/hooks";
import { Random, type Mnist } from "nnfs";
import NetworkPicture from "./DrawDigitNetwork.tsx";
import {
  INK_SIZE, SIDE,
  activations, answer, blank, createNetwork, describeOutputs, fromMnist, inkedCount, movePen, penKey, penStatus, stamp, startPen, stroke, toInk, toMnist, verdict,
  type Pen, type Point,
} from "./draw-digit.ts";
import { readColours } from "../shared/colours.ts";
import { paintInk, useThemeVersion } from "../shared/canvas.ts";
import { digitAt, loadDigits, loadError } from "../shared/digits-data.ts";
import "../shared/islands.css";
import TrainedOutputs from "./TrainedOutputs.tsx";
import "./draw-digit.css";

/** The chapter's network: seeds 1, 2 and 3 for its three layers, as in the cells. */
const FIRST_SEED = 1;
const PEN_HELP = "Draw a digit here. With the keyboard: arrow keys move the pen, Space puts it down or lifts it, Delete clears.";

type Data = { state: "idle" | "loading" } | { state: "error"; message: string };

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
  const [data, setData] = useState<Data>({ state: "idle" });
  const theme = useThemeVersion();

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
  const out = acts[3];
  const best = answer(acts);
  const empty = input.every((v) => v === 0);

  // Redraw both canvases after every change, and when the theme changes.
  useEffect(() => {
    if (!root.current) return;
    const { bg, fg } = readColours(getComputedStyle(root.current), { bg: ["--bg", [255, 255, 255]], fg: ["--fg", [0, 0, 0]] });
    paintInk(canvas.current, ink.current, INK_SIZE, bg, fg);
    paintInk(small.current, input, SIDE, bg, fg);
  }, [version, theme, input]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

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
  /** Drawing over a real digit starts a drawing of your own. */
  const ownDrawing = () => {
    if (label === null) return;
    ink.current = blank();
    setLabel(null);
  };
  const clear = () => {
    ink.current = blank();
    setLabel(null);
    settled();
  };

  const pointAt = (e: PointerEvent, target: EventTarget | null = e.currentTarget): Point =>
    toInk(e.clientX, e.clientY, (target as HTMLCanvasElement).getBoundingClientRect());

  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0 && e.pointerType === "mouse") return;
    e.preventDefault();
    (e.currentTarget as HTMLCanvasElement).setPointerCapture?.(e.pointerId);
    last.current = pointAt(e);
    ownDrawing();
    stamp(ink.current, INK_SIZE, last.current);
    changed();
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!last.current) return;
    const events = e.getCoalescedEvents?.() ?? [];
    for (const ev of events.length ? events : [e]) {
      const p = pointAt(ev, e.currentTarget);
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
    if (next.down && !pen.down) ownDrawing();
    if (movePen(ink.current, pen, next)) changed();
    else if (pen.down) settled();
    setPen(next);
  };

  const realDigit = async () => {
    try {
      if (!mnist.current) {
        setData({ state: "loading" });
        mnist.current = await loadDigits();
      }
      setData({ state: "idle" });
      const d = digitAt(mnist.current.train, picker.current.int(mnist.current.train.X.rows));
      ink.current = fromMnist(d.pixels);
      setLabel(d.label);
      settled();
    } catch (e) {
      setData({ state: "error", message: loadError(e) });
    }
  };

  const inked = inkedCount(input);

  return (
    <figure class="island dd" ref={root} aria-labelledby={`${uid}-title`}>
      <p class="island-title" id={`${uid}-title`}>
        {trained ? "Draw a digit; your trained network reads it" : "Draw a digit; watch an untrained network look at it"}
      </p>

      <div class="dd-top">
        <div class="dd-draw">
          <div class="dd-pad">
            <canvas
              ref={canvas} class="dd-canvas" width={INK_SIZE} height={INK_SIZE} tabIndex={0}
              role="application" aria-roledescription="drawing area" aria-label={PEN_HELP} aria-describedby={`${uid}-pen`}
              onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={onPointerUp}
              onKeyDown={onKeyDown} onFocus={() => setFocused(true)} onBlur={() => setFocused(false)}
            />
            {focused && (
              <span class={`dd-pen${pen.down ? " dd-pen-down" : ""}`} style={{ left: `${(pen.x / INK_SIZE) * 100}%`, top: `${(pen.y / INK_SIZE) * 100}%` }} aria-hidden="true" />
            )}
            {empty && !focused && <span class="dd-hint" aria-hidden="true">draw a digit here</span>}
          </div>
          <p class="dd-pen-status" id={`${uid}-pen`} aria-live="polite">{penStatus(focused, pen, label)}</p>
          <div class="dd-buttons">
            <button type="button" onClick={clear}>Clear</button>
            <button type="button" onClick={realDigit} disabled={data.state === "loading"}>
              {data.state === "loading" ? "Loading digits…" : "A real digit"}
            </button>
            {!trained && (
              <button type="button" onClick={() => { setSeed((s) => s + 10); setFlow((f) => f + 1); }}>New random weights</button>
            )}
          </div>
          {data.state === "loading" && <p class="dd-status" role="status">Loading 10,000 handwritten digits…</p>}
          {data.state === "error" && <p class="dd-status dd-error" role="alert">{data.message}</p>}
        </div>

        <div class="dd-net">
          <div class="dd-input">
            <canvas ref={small} width={SIDE} height={SIDE} role="img" aria-label={`Your drawing as the network sees it: 28 by 28 pixels, ${inked} of them inked`} data-inked={inked} />
            <span>784 inputs</span>
          </div>
          {trained ? <TrainedOutputs input={input} empty={empty} label={label} /> : (
            <NetworkPicture net={net} acts={acts} best={best} empty={empty} flow={flow} label={describeOutputs(out, label, empty)} />
          )}
        </div>
      </div>

      {!trained && <p class="dd-answer" aria-live="polite">
        {empty ? "Draw something, and the answer appears here." : (
          <>
            The network says <strong class="dd-answer-digit">{best}</strong>
            {label !== null ? <> (the digit is a {label})</> : null}. {verdict(best, label)}
          </>
        )}
      </p>}
    </figure>
  );
}
