/**
 * Chapter 4's island: σ(w·x + b) drawn live. Sliders set the weight w, the
 * bias b and the input x of a probe point; dragging (or tapping) across the
 * plot moves the probe too. The dashed curve is the plain σ(x) to compare
 * with, drawn (and named in the legend) only where the curve has left it. The numbers and the path come from sigmoid-plot.ts. With `reader`
 * (the name a cell of the chapter gives its own sigmoid), a switch draws the
 * curve with the reader's function instead (use-reader.ts).
 */
import { useId, useState } from "preact/hooks";
import {
  RANGES,
  START,
  VIEW,
  X_TICKS,
  Y_TICKS,
  curvePath,
  describeCurve,
  describeValues,
  formulaRuns,
  midpoint,
  neuronOutput,
  readerArgs,
  referenceShows,
  sampleXs,
  toPx,
  valuesPath,
  xFromPx,
} from "./sigmoid-plot.ts";
import { useReader } from "../shared/reader/use-reader.ts";
import ReaderToggle from "../shared/reader/ReaderToggle.tsx";
import { clean, fmt, snap, type Range } from "../shared/numbers.ts";
import "./sigmoid-plot.css";

interface SliderProps {
  id: string;
  label: string;
  value: number;
  range: Range;
  onChange: (v: number) => void;
}

function Slider({ id, label, value, range, onChange }: SliderProps) {
  return (
    <div class="sp-slider">
      <label for={id}>
        {/* Not a live region: the slider itself says its value. */}
        {label}{" "}
        <output for={id} aria-live="off">
          {fmt(value, 1)}
        </output>
      </label>
      <input
        id={id}
        type="range"
        min={range.min}
        max={range.max}
        step={range.step}
        value={value}
        aria-valuetext={fmt(value, 1)}
        onInput={(e) => onChange(snap(Number((e.currentTarget as HTMLInputElement).value), range))}
      />
    </div>
  );
}

const XS = sampleXs();

export default function SigmoidPlot({ reader }: { reader?: string }) {
  const uid = `sp${useId().replace(/[^\w-]/g, "")}`;
  const [w, setW] = useState(START.w);
  const [b, setB] = useState(START.b);
  const [x, setX] = useState(START.x);
  const [dragging, setDragging] = useState(false);
  const [mine, setMine] = useState(false);
  const theirs = useReader(reader ?? "", mine && !!reader, readerArgs(w, b, x, XS));
  const ys = theirs.status === "mine" ? theirs.values : null;

  const z = clean(w * x + b);
  const y = ys ? ys[XS.length] : neuronOutput(w, b, x);
  const [px, py] = toPx(x, y);
  const mid = midpoint(w, b);
  const midIn = mid !== null && mid >= VIEW.xMin && mid <= VIEW.xMax;
  const showRef = referenceShows(XS, ys ? ys.slice(0, XS.length) : XS.map((xi) => neuronOutput(w, b, xi)));

  const probeAt = (ev: PointerEvent) => {
    const svg = ev.currentTarget as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    const sx = ((ev.clientX - box.left) / box.width) * VIEW.width;
    setX(snap(xFromPx(sx), RANGES.x));
  };

  const [x0, y0] = toPx(VIEW.xMin, 0);
  const [x1, y1] = toPx(VIEW.xMax, 1);

  return (
    <figure class="island sp" aria-labelledby={`${uid}-title`}>
      <p class="island-title" id={`${uid}-title`}>
        A neuron with one input: <span class="sp-formula">y = {ys ? reader : "σ"}(w·x + b)</span>
      </p>
      <svg
        class={`sp-plot${dragging ? " sp-dragging" : ""}`}
        viewBox={`0 0 ${VIEW.width} ${VIEW.height}`}
        role="img"
        aria-labelledby={`${uid}-desc`}
        onPointerDown={(ev) => {
          (ev.currentTarget as SVGSVGElement).setPointerCapture?.(ev.pointerId);
          setDragging(true);
          probeAt(ev);
        }}
        onPointerMove={(ev) => dragging && probeAt(ev)}
        onPointerUp={() => setDragging(false)}
        onPointerCancel={() => setDragging(false)}
      >
        {Y_TICKS.map((t) => {
          const [, ty] = toPx(0, t);
          return (
            <g key={`y${t}`}>
              <line class="sp-grid" x1={x0} x2={x1} y1={ty} y2={ty} />
              <text class="sp-tick" x={x0 - 6} y={ty + 4} text-anchor="end">
                {t === 0.5 ? "½" : t}
              </text>
            </g>
          );
        })}
        {X_TICKS.map((t) => {
          const [tx] = toPx(t, 0);
          return (
            <g key={`x${t}`}>
              <line class={t === 0 ? "sp-axis" : "sp-grid"} x1={tx} x2={tx} y1={y1} y2={y0} />
              <text class="sp-tick" x={tx} y={y0 + 16} text-anchor="middle">
                {fmt(t, 0)}
              </text>
            </g>
          );
        })}
        {showRef && <path class="sp-ref" d={curvePath(1, 0)} />}
        {midIn && (
          <line class="sp-mid" x1={toPx(mid, 0)[0]} x2={toPx(mid, 0)[0]} y1={y0} y2={toPx(0, 0.5)[1]} />
        )}
        <path class="sp-curve" d={ys ? valuesPath(XS, ys) : curvePath(w, b)} data-by={ys ? "reader" : "book"} />
        <line class="sp-probe-line" x1={px} x2={px} y1={y0} y2={py} />
        <circle class="sp-probe" cx={px} cy={py} r={5.5} />
      </svg>
      <p class="sp-legend" aria-hidden="true">
        <span class="sp-key sp-key-curve" /> {ys ? `your ${reader}(w·x + b)` : "σ(w·x + b)"}
        {showRef && (
          <>
            {" "}
            <span class="sp-key sp-key-ref" /> σ(x), for comparison
          </>
        )}
      </p>
      {reader && <ReaderToggle name={reader} what="sigmoid" on={mine} onChange={setMine} state={theirs} />}
      <div class="sp-sliders">
        <Slider id={`${uid}-w`} label="weight w" value={w} range={RANGES.w} onChange={setW} />
        <Slider id={`${uid}-b`} label="bias b" value={b} range={RANGES.b} onChange={setB} />
        <Slider id={`${uid}-x`} label="input x" value={x} range={RANGES.x} onChange={setX} />
      </div>
      <div class="sp-readout" aria-live="polite">
        <p class="sp-calc" data-z={z} data-y={y}>
          z = w·x + b = {fmt(w, 1)}·{x < 0 ? `(${fmt(x, 1)})` : fmt(x, 1)} + {b < 0 ? `(${fmt(b, 1)})` : fmt(b, 1)} ={" "}
          <strong>{fmt(z, 2)}</strong>, &nbsp;{ys ? `${reader}(z)` : "σ(z)"} = <strong class="sp-y">{fmt(y, 3)}</strong>
        </p>
        <p class="sp-desc" id={`${uid}-desc`}>
          {formulaRuns(ys ? describeValues(XS, ys.slice(0, XS.length), reader ?? "") : describeCurve(w, b)).map((run) =>
            run.formula ? <span class="sp-formula">{run.text}</span> : run.text,
          )}
        </p>
      </div>
      <button
        type="button"
        class="sp-reset"
        onClick={() => {
          setW(START.w);
          setB(START.b);
          setX(START.x);
        }}
      >
        Back to σ(x)
      </button>
    </figure>
  );
}
