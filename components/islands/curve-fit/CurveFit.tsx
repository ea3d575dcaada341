/**
 * Chapter 1's island: drag the points (or focus one and use the arrow keys)
 * and watch a small network bend itself through them. The network, its
 * training and the plot's geometry live in curve-fit.ts, the plot's picture
 * in CurveFitPlot.tsx; this file holds the state and listens.
 */
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { createNet, keyMove, loss, moveTo, nearestIndex, PLOT, preset, SIZES, trainStep, yFromClient, type Net, type Point, type Shape } from "./curve-fit.ts";
import CurveFitPlot from "./CurveFitPlot.tsx";
import { fixed } from "../shared/numbers.ts";
import "../shared/islands.css";

/**
 * Training steps per animation frame, and how many steps a change buys before
 * the network rests. A reader who asks for reduced motion gets the same steps
 * in a few big jumps (about a sixth of a second) instead of a four-second glide.
 */
const STEPS_PER_FRAME = 15;
const STEPS_PER_FRAME_STILL = 400;
const BUDGET = 4000;
/** Below this error the network has fitted the points; it stops early. */
const DONE = 1e-5;

const SHAPE_LABELS: Record<Shape, string> = { wave: "Wave", line: "Line", step: "Step", bump: "Bump" };

export default function CurveFit() {
  const [points, setPoints] = useState<Point[]>(() => preset("wave"));
  const [sizeId, setSizeId] = useState("1");
  const [running, setRunning] = useState(true);
  const [seed, setSeed] = useState(1);
  const [, setFrame] = useState(0);
  const [dragging, setDragging] = useState<number | null>(null);
  const [announce, setAnnounce] = useState("");
  const id = useId();

  const net = useRef<Net>(createNet(SIZES[0].hidden, 1));
  const steps = useRef(0);
  const budget = useRef(BUDGET);
  const pointsRef = useRef(points);
  const runningRef = useRef(running);
  runningRef.current = running;
  const svg = useRef<SVGSVGElement>(null);
  const size = SIZES.find((s) => s.id === sizeId) ?? SIZES[0];

  // A new network whenever the reader picks another size or asks for a fresh start.
  useEffect(() => {
    net.current = createNet(size.hidden, seed);
    steps.current = 0;
    budget.current = BUDGET;
    setFrame((f) => f + 1);
  }, [sizeId, seed]);

  // Moving a point gives the network a fresh budget of steps to follow it.
  useEffect(() => {
    pointsRef.current = points;
    budget.current = BUDGET;
  }, [points]);

  // The training loop: a few steps per frame while there is budget and the fit is not perfect.
  useEffect(() => {
    if (!running) return;
    let id = 0;
    let wasTraining = false;
    const perFrame = matchMedia("(prefers-reduced-motion: reduce)").matches ? STEPS_PER_FRAME_STILL : STEPS_PER_FRAME;
    const tick = () => {
      if (!runningRef.current) return;
      const current = loss(net.current, pointsRef.current);
      const training = budget.current > 0 && current > DONE;
      if (training) {
        for (let s = 0; s < perFrame; s++) trainStep(net.current, pointsRef.current);
        steps.current += perFrame;
        budget.current -= perFrame;
        setFrame((f) => f + 1);
      } else if (wasTraining) {
        const err = loss(net.current, pointsRef.current);
        setAnnounce(`Training paused after ${steps.current} steps; error ${fixed(err, 4)}.`);
        setFrame((f) => f + 1);
      }
      wasTraining = training;
      id = requestAnimationFrame(tick);
    };
    id = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(id);
  }, [running]);

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

  const err = loss(net.current, points);
  const state = !running ? "paused" : budget.current > 0 && err > DONE ? "learning" : "resting";

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
        svg={svg} net={net.current} points={points} dragging={dragging} helpId={`${id}-help`}
        onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onKeyDown={onKeyDown}
      />

      <div class="cf-readout">
        {/* aria-live off: an <output> is a live region, and these change every frame; the status below speaks. */}
        <span>Steps <output class="cf-steps" aria-live="off">{steps.current}</output></span>
        <span>Error <output class="cf-error" data-value={err} aria-live="off">{fixed(err, 4)}</output></span>
        <span class={`cf-state cf-${state}`} aria-hidden="true">
          {state}
        </span>
      </div>
      <p class="visually-hidden" role="status">
        {announce}
      </p>

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
