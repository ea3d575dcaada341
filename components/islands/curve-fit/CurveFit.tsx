/**
 * Chapter 1's island: drag the points (or focus one and use the arrow keys)
 * and watch a small network bend itself through them. The network and the
 * plot's geometry live in curve-fit.ts; the training runs in a Web Worker
 * (worker.ts, pacing session.ts), so the page's thread only draws; the plot's
 * picture is CurveFitPlot.tsx; this file holds the state and listens.
 */
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { createNet, curve, keyMove, loss, moveTo, nearestIndex, PLOT, predict, preset, SIZES, yFromClient, type Point, type Shape } from "./curve-fit.ts";
import type { Snapshot, ToCurveWorker } from "./session.ts";
import CurveFitPlot from "./CurveFitPlot.tsx";
import workerUrl from "./worker.ts?worker&url";
import { startWorker } from "../shared/start-worker.ts";
import { fixed } from "../shared/numbers.ts";
import "../shared/islands.css";

const SHAPE_LABELS: Record<Shape, string> = { wave: "Wave", line: "Line", step: "Step", bump: "Bump" };

/** What the page draws before the worker's first frame: the untrained network, computed once. */
function firstSnapshot(hidden: number[], points: Point[]): Snapshot {
  const net = createNet(hidden, 1);
  return { type: "snapshot", curve: curve(net), fits: points.map((p) => predict(net, p.x)), error: loss(net, points), steps: 0, state: "learning" };
}

export default function CurveFit() {
  const [points, setPoints] = useState<Point[]>(() => preset("wave"));
  const [sizeId, setSizeId] = useState("1");
  const [running, setRunning] = useState(true);
  const [seed, setSeed] = useState(1);
  const [shown, setShown] = useState<Snapshot>(() => firstSnapshot(SIZES[0].hidden, points));
  const [dragging, setDragging] = useState<number | null>(null);
  const [announce, setAnnounce] = useState("");
  const [problem, setProblem] = useState("");
  const id = useId();

  const worker = useRef<Worker | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const size = SIZES.find((s) => s.id === sizeId) ?? SIZES[0];
  const send = (m: ToCurveWorker) => worker.current?.postMessage(m);

  // The worker trains; the page only draws what it sends, so no frame of
  // training ever holds up the page.
  useEffect(() => {
    const w = startWorker(workerUrl, "nnfs-curve-fit");
    worker.current = w;
    // At most one drawing per animation frame: if the page falls behind,
    // older snapshots are dropped rather than drawn one after another.
    let latest: Snapshot | null = null;
    let frame = 0;
    w.onmessage = (e: MessageEvent<Snapshot>) => {
      latest = e.data;
      if (e.data.announce) setAnnounce(e.data.announce);
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        if (latest) setShown(latest);
      });
    };
    w.onerror = (e) => setProblem(`Training could not start: ${e.message || "the worker failed to load"}.`);
    const reducedMotion = matchMedia("(prefers-reduced-motion: reduce)").matches;
    send({ type: "start", hidden: size.hidden, seed, points, running, reducedMotion });
    return () => {
      cancelAnimationFrame(frame);
      w.terminate();
      worker.current = null;
    };
  }, []);

  // A new network whenever the reader picks another size or asks for a fresh
  // start; a new network always trains, even if the old one was paused.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) return;
    setRunning(true);
    send({ type: "network", hidden: size.hidden, seed });
  }, [sizeId, seed]);

  // Moving a point gives the network a fresh budget of steps to follow it.
  useEffect(() => {
    if (!first.current) send({ type: "points", points });
  }, [points]);

  useEffect(() => {
    if (!first.current) send({ type: "running", running });
  }, [running]);

  useEffect(() => {
    first.current = false;
  }, []);

  const move = (i: number, y: number) => setPoints((ps) => moveTo(ps, i, y));

  const yAt = (clientY: number) => {
    const rect = svg.current!.getBoundingClientRect();
    return yFromClient(clientY, rect.top, rect.height);
  };

  // A press anywhere on the plot grabs the point in that column, so on a
  // phone, where the dots are small, a finger need not land on one exactly.
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    e.preventDefault();
    const rect = svg.current!.getBoundingClientRect();
    const i = nearestIndex(points, ((e.clientX - rect.left) / rect.width) * PLOT.width);
    svg.current!.setPointerCapture?.(e.pointerId);
    svg.current!.querySelector<SVGElement>(`[data-index="${i}"]`)?.focus({ preventScroll: true });
    setDragging(i);
    move(i, yAt(e.clientY));
  };
  const onPointerMove = (e: PointerEvent) => {
    if (dragging !== null) move(dragging, yAt(e.clientY));
  };
  const onPointerUp = () => setDragging(null);

  const onKeyDown = (i: number) => (e: KeyboardEvent) => {
    const y = keyMove(e.key, points[i].y);
    if (y === null) return;
    e.preventDefault();
    move(i, y);
  };

  const err = shown.error;
  const state = !running ? "paused" : shown.state;

  return (
    <figure class="island cf" aria-labelledby={`${id}-title`}>
      <p class="island-title" id={`${id}-title`}>
        A network learns a curve
      </p>
      <p class="cf-help" id={`${id}-help`}>
        Drag the dots up and down (a press anywhere in a dot’s column grabs it), or Tab to one and use the arrow
        keys. The line is what the network answers for every x; the red ticks are how far it is from each dot.
      </p>
      <CurveFitPlot
        svg={svg} fitted={shown.curve} fits={shown.fits} points={points} dragging={dragging} helpId={`${id}-help`}
        onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onKeyDown={onKeyDown}
      />

      <div class="cf-readout">
        {/* aria-live off: an <output> is a live region, and these change every frame; the status below speaks. */}
        <span>Steps <output class="cf-steps" aria-live="off">{shown.steps}</output></span>
        <span>Error <output class="cf-error" data-value={err} aria-live="off">{fixed(err, 4)}</output></span>
        {/* data-worker: the state of the worker's last snapshot, which trails a Pause or New start by the snapshots already on their way. */}
        <span class={`cf-state cf-${state}`} data-worker={shown.state} aria-hidden="true">
          {state}
        </span>
      </div>
      <p class="visually-hidden" role="status">
        {announce}
      </p>
      {problem && (
        <p class="cf-problem" role="alert">
          {problem}
        </p>
      )}

      <div class="cf-controls">
        <fieldset class="cf-sizes">
          <legend>Network size (hidden neurons)</legend>
          {SIZES.map((s) => (
            <label key={s.id}>
              <input type="radio" name={`${id}-size`} value={s.id} checked={s.id === sizeId} onChange={() => setSizeId(s.id)} />
              {s.label}
            </label>
          ))}
        </fieldset>
        <fieldset class="cf-shapes">
          <legend>Points</legend>
          {(Object.keys(SHAPE_LABELS) as Shape[]).map((shape) => (
            <button key={shape} type="button" onClick={() => setPoints(preset(shape))}>
              {SHAPE_LABELS[shape]}
            </button>
          ))}
        </fieldset>
        <div class="cf-buttons">
          {/* A button whose name says what it will do; not aria-pressed, which with a changing name would read "Train, pressed" while paused. */}
          <button type="button" onClick={() => setRunning((r) => !r)}>
            {running ? "Pause" : "Train"}
          </button>
          <button type="button" onClick={() => setSeed((s) => s + 1)}>
            New start
          </button>
        </div>
      </div>
    </figure>
  );
}
