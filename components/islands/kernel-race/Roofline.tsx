/**
 * The kernel race's roofline, drawn from the lanes timed so far: the memory
 * slope and the yardstick's flat roof of this machine, and each kernel as a
 * point (the SIMD kernel may pass the scalar roof).
 * The geometry and the words are in roofline.ts; it is laid out for the
 * width it is shown at, so that its text keeps its size on a phone.
 */
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { MAX_WIDTH, describeRoofline, rooflineChart } from "./roofline.ts";
import type { LaneState } from "./kernel-race.ts";

export function Roofline({ lanes, size, uid }: { lanes: LaneState[]; size: number; uid: string }) {
  const root = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(MAX_WIDTH);
  const c = rooflineChart(lanes, size, width);
  const shown = c !== null;
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const measure = () => setWidth(Math.floor(el.clientWidth) || MAX_WIDTH);
    measure();
    const watch = new ResizeObserver(measure);
    watch.observe(el);
    return () => watch.disconnect();
  }, [shown]);
  if (c === null) return null;
  const { box } = c;
  const words = describeRoofline(c);
  return (
    <div class="kr-roofline" data-roofline ref={root}>
      <p class="kr-roofline-title" id={`${uid}-roof`}>
        Your machine's roofline, {size} × {size}
      </p>
      <svg viewBox={`0 0 ${c.width} ${c.height}`} style={{ maxWidth: `${c.width}px` }} role="img" aria-labelledby={`${uid}-roof`} aria-describedby={`${uid}-roof-words`}>
        <rect class="kr-rl-box" x={box.left} y={box.top} width={box.width} height={box.height} />
        {c.xTicks.map((t) => (
          <g key={`x${t.value}`}>
            <line class="kr-rl-grid" x1={t.x} x2={t.x} y1={box.top} y2={box.top + box.height} />
            <text class="kr-rl-tick" x={t.x} y={box.top + box.height + 16} text-anchor="middle">
              {t.label}
            </text>
          </g>
        ))}
        {c.yTicks.map((t) => (
          <g key={`y${t.value}`}>
            <line class="kr-rl-grid" x1={box.left} x2={box.left + box.width} y1={t.y} y2={t.y} />
            <text class="kr-rl-tick" x={box.left - 6} y={t.y + 4} text-anchor="end">
              {t.label}
            </text>
          </g>
        ))}
        <text class="kr-rl-axis" x={box.left + box.width / 2} y={c.height - 4} text-anchor="middle">
          flops per byte of memory
        </text>
        <text class="kr-rl-axis" x={12} y={box.top + box.height / 2} text-anchor="middle" transform={`rotate(-90 12 ${box.top + box.height / 2})`}>
          GFLOP/s
        </text>
        <path class="kr-rl-roof" d={c.roof} />
        <text class="kr-rl-roof-label" x={c.roofLabel.x} y={c.roofLabel.y} text-anchor={c.roofLabel.anchor}>
          scalar yardstick
        </text>
        <text class="kr-rl-roof-label" x={c.slopeLabel.x} y={c.slopeLabel.y} text-anchor="middle" transform={`rotate(${c.slopeLabel.angle.toFixed(1)} ${c.slopeLabel.x.toFixed(1)} ${c.slopeLabel.y.toFixed(1)})`}>
          memory
        </text>
        {c.points.map((p) => (
          <g key={p.id} data-point={p.id}>
            <circle class={`kr-rl-point${p.id === "stream" ? " kr-rl-stream" : ""}`} cx={p.x} cy={p.y} r="5">
              <title>{`${p.name}: ${p.intensity.toPrecision(3)} flops per byte, ${p.gflops.toPrecision(3)} GFLOP/s`}</title>
            </circle>
            {p.leader && <line class="kr-rl-leader" x1={p.leader.x1} y1={p.leader.y1} x2={p.leader.x2} y2={p.leader.y2} />}
            <text class="kr-rl-label" x={p.labelX} y={p.labelY} text-anchor={p.labelSide === "left" ? "end" : "start"}>
              {p.label}
            </text>
          </g>
        ))}
      </svg>
      <p class="kr-roofline-words" id={`${uid}-roof-words`}>
        {words}
      </p>
    </div>
  );
}
