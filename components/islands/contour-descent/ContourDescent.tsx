/**
 * Chapter 8's island: a ball rolling down the valley g(x, y) = x² + 10y²,
 * drawn as contours. A click or tap on the map puts the ball there (so do
 * the start sliders, from the keyboard); Step takes one gradient step with
 * the chosen learning rate, and every step is drawn, with g after each step
 * plotted beside the map. Changing the learning rate mid-walk goes on from
 * where the ball is. Arrows on the map point downhill, across the contours.
 * The numbers come from contour-descent.ts.
 */
import { useId, useState } from "preact/hooks";
import {
  LEVELS,
  LOSS,
  tickLabel,
  MAP,
  MAX_STEPS,
  PRESETS,
  RANGES,
  START,
  arrows,
  contour,
  describe,
  lrChanges,
  stepWalk,
  walkPath,
  walkSteps,
  type Walk,
  fmt,
  fromMap,
  lossPath,
  pathPoints,
  snap,
  toMap,
  trend,
  type Range,
} from "./contour-descent.ts";
import "../shared/islands.css";
import "./contour-descent.css";

function Slider(props: { id: string; label: string; value: number; range: Range; digits: number; onChange: (v: number) => void }) {
  return (
    <div class="cd-slider">
      <label for={props.id}>
        {props.label}{" "}
        <output for={props.id} aria-live="off">
          {fmt(props.value, props.digits)}
        </output>
      </label>
      <input
        id={props.id}
        type="range"
        min={props.range.min}
        max={props.range.max}
        step={props.range.step}
        value={props.value}
        aria-valuetext={fmt(props.value, props.digits)}
        onInput={(e) => props.onChange(snap(Number((e.currentTarget as HTMLInputElement).value), props.range))}
      />
    </div>
  );
}

export default function ContourDescent() {
  const uid = `cd${useId().replace(/[^\w-]/g, "")}`;
  const [walk, setWalk] = useState<Walk>({ start: { x: START.x, y: START.y }, legs: [] });
  const [lr, setLr] = useState(START.lr);
  const start = walk.start;
  const steps = walkSteps(walk);

  const path = walkPath(walk);
  const changes = lrChanges(walk);
  const last = path[path.length - 1];
  const points = pathPoints(path);
  const [bx, by] = points[points.length - 1];
  const ballOnMap = bx >= 0 && bx <= MAP.width && by >= 0 && by <= MAP.height;
  const loss = lossPath(path);
  const state = trend(path);

  const moveStart = (next: { x: number; y: number }) => setWalk({ start: next, legs: [] });
  const take = (n: number) => setWalk((w) => stepWalk(w, lr, n));
  const placeAt = (ev: PointerEvent) => {
    const svg = ev.currentTarget as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    moveStart(fromMap(((ev.clientX - box.left) / box.width) * MAP.width, ((ev.clientY - box.top) / box.height) * MAP.height));
  };

  return (
    <figure class="island cd" aria-labelledby={`${uid}-title`}>
      <p class="island-title" id={`${uid}-title`}>
        Gradient descent on g(x, y) = x² + 10y²
      </p>
      <div class="cd-plots">
        <svg
          class="cd-map"
          viewBox={`0 0 ${MAP.width} ${MAP.height}`}
          role="img"
          aria-label={`Contour map of the valley, with arrows pointing downhill. ${describe(path, lr, changes)}`}
          onPointerDown={(ev) => {
            ev.preventDefault();
            placeAt(ev);
          }}
        >
          <defs>
            <clipPath id={`${uid}-clip`}>
              <rect x="0" y="0" width={MAP.width} height={MAP.height} />
            </clipPath>
            <marker id={`${uid}-head`} viewBox="0 0 6 6" refX="5" refY="3" markerWidth="5" markerHeight="5" orient="auto">
              <path class="cd-arrow-head" d="M0,0 L6,3 L0,6 z" />
            </marker>
          </defs>
          <rect class="cd-bg" x="0" y="0" width={MAP.width} height={MAP.height} />
          <g clip-path={`url(#${uid}-clip)`}>
            {LEVELS.map((c) => {
              const e = contour(c);
              return <ellipse key={c} class="cd-contour" cx={e.cx} cy={e.cy} rx={e.rx} ry={e.ry} />;
            })}
            <line class="cd-axis" x1={0} x2={MAP.width} y1={toMap(0, 0)[1]} y2={toMap(0, 0)[1]} />
            <line class="cd-axis" x1={toMap(0, 0)[0]} x2={toMap(0, 0)[0]} y1={0} y2={MAP.height} />
            <g class="cd-arrows">
              {arrows().map((a, i) => (
                <line key={i} class="cd-arrow" x1={a.x1} y1={a.y1} x2={a.x2} y2={a.y2} marker-end={`url(#${uid}-head)`} />
              ))}
            </g>
            {points.length > 1 && <polyline class="cd-path" points={points.map((p) => p.join(",")).join(" ")} />}
            {points.slice(0, -1).map(([px, py], i) => (
              <circle key={i} class="cd-step" cx={px} cy={py} r={2.5} />
            ))}
            <circle class="cd-start" cx={points[0][0]} cy={points[0][1]} r={4} />
            {ballOnMap && <circle class={`cd-ball cd-${state}`} cx={bx} cy={by} r={7} />}
          </g>
          <text class="cd-tick" x={MAP.width - 4} y={toMap(0, 0)[1] - 4} text-anchor="end">
            x
          </text>
          <text class="cd-tick" x={toMap(0, 0)[0] + 5} y={12}>
            y
          </text>
        </svg>
        <svg class="cd-loss" viewBox={`0 0 ${LOSS.width} ${LOSS.height}`} role="img" aria-label={`g after each of ${last.step} steps, on a log scale; now ${fmt(last.value, 4)}`}>
          {loss.ticks.map((t) => (
            <g key={t.value}>
              <line class="cd-grid" x1={LOSS.left} x2={LOSS.width - LOSS.right} y1={t.py} y2={t.py} />
              <text class="cd-tick" x={LOSS.left - 4} y={t.py + 4} text-anchor="end">
                {tickLabel(t.value)}
              </text>
            </g>
          ))}
          <path class={`cd-loss-line cd-${state}`} d={loss.d} />
          <text class="cd-tick" x={LOSS.width - LOSS.right} y={LOSS.height - 4} text-anchor="end">
            step {MAX_STEPS}
          </text>
          <text class="cd-tick" x={LOSS.left} y={LOSS.height - 4}>
            g (log scale)
          </text>
        </svg>
      </div>

      <div class="cd-controls">
        <div class="cd-sliders">
          <Slider id={`${uid}-lr`} label="learning rate" value={lr} range={RANGES.lr} digits={3} onChange={setLr} />
          <Slider id={`${uid}-x`} label="start x" value={start.x} range={RANGES.x} digits={2} onChange={(x) => moveStart({ ...start, x })} />
          <Slider id={`${uid}-y`} label="start y" value={start.y} range={RANGES.y} digits={2} onChange={(y) => moveStart({ ...start, y })} />
        </div>
        <div class="cd-presets" role="group" aria-label="Learning rate presets">
          {PRESETS.map((p) => (
            <button key={p.label} type="button" aria-pressed={lr === p.lr} onClick={() => setLr(p.lr)}>
              {p.label} ({p.lr})
            </button>
          ))}
        </div>
        <div class="cd-buttons">
          <button type="button" class="cd-step-button" disabled={steps >= MAX_STEPS} onClick={() => take(1)}>
            Step
          </button>
          <button type="button" disabled={steps >= MAX_STEPS} onClick={() => take(10)}>
            10 steps
          </button>
          <button type="button" disabled={steps === 0} onClick={() => setWalk({ start, legs: [] })}>
            Back to the start
          </button>
        </div>
      </div>
      <p class="cd-readout" data-step={last.step} data-value={last.value} data-trend={state}>
        step {last.step}: (x, y) = ({fmt(last.x)}, {fmt(last.y)}), g = <strong>{fmt(last.value, 4)}</strong>
      </p>
      <p class="cd-desc" aria-live="polite">
        {describe(path, lr, changes)}
      </p>
    </figure>
  );
}
