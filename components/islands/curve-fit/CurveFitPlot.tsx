/**
 * CurveFit's plot: the axes, the network's curve, a red tick from each point
 * to the curve, and the points themselves, each a vertical slider. The
 * geometry is curve-fit.ts'; the island owns the state and the handlers.
 */
import type { Ref } from "preact";
import { AXIS_LABELS, pathOf, PLOT, toSvg, type Point } from "./curve-fit.ts";
import { clamp, fixed } from "../shared/numbers.ts";

interface Props {
  svg: Ref<SVGSVGElement>;
  /** The network's curve across the plot. */
  fitted: Point[];
  /** The network's answer at each point's x. */
  fits: number[];
  points: Point[];
  /** The point being dragged, if any. */
  dragging: number | null;
  /** The id of the help text that says how to move the points. */
  helpId: string;
  onPointerDown(e: PointerEvent): void;
  onPointerMove(e: PointerEvent): void;
  onPointerUp(): void;
  onKeyDown(i: number): (e: KeyboardEvent) => void;
}

export default function CurveFitPlot({ svg, fitted, fits, points, dragging, helpId, onPointerDown, onPointerMove, onPointerUp, onKeyDown }: Props) {
  const zero = toSvg({ x: 0, y: 0 });
  const top = toSvg({ x: 0, y: 1 });
  const bottom = toSvg({ x: 0, y: -1 });
  const left = toSvg({ x: -1, y: 0 });
  const right = toSvg({ x: 1, y: 0 });
  return (
    <svg
      ref={svg}
      class="cf-plot"
      viewBox={`0 0 ${PLOT.width} ${PLOT.height}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      role="group"
      aria-label="The points and the network's curve"
      aria-describedby={helpId}
    >
      <rect class="cf-bg" x={left.sx} y={top.sy} width={right.sx - left.sx} height={bottom.sy - top.sy} />
      <line class="cf-axis" x1={left.sx} x2={right.sx} y1={zero.sy} y2={zero.sy} />
      <line class="cf-axis" x1={zero.sx} x2={zero.sx} y1={top.sy} y2={bottom.sy} />
      {(["x", "y"] as const).map((axis) => (
        <text
          key={axis}
          class="cf-label"
          x={AXIS_LABELS[axis].sx}
          y={AXIS_LABELS[axis].sy}
          text-anchor={AXIS_LABELS[axis].anchor}
          dominant-baseline="central"
          aria-hidden="true"
        >
          {axis}
        </text>
      ))}
      <path class="cf-curve" d={pathOf(fitted)} />
      {points.map((p, i) => {
        const a = toSvg(p);
        const b = toSvg({ x: p.x, y: clamp(fits[i] ?? p.y, -1.05, 1.05) });
        return <line key={`r${i}`} class="cf-residual" x1={a.sx} x2={a.sx} y1={a.sy} y2={b.sy} />;
      })}
      {points.map((p, i) => {
        const { sx, sy } = toSvg(p);
        return (
          <g
            key={i}
            class={`cf-point${dragging === i ? " cf-dragging" : ""}`}
            tabIndex={0}
            role="slider"
            aria-orientation="vertical"
            aria-label={`Point ${i + 1}, at x = ${fixed(p.x)}`}
            aria-valuemin={-1}
            aria-valuemax={1}
            aria-valuenow={p.y}
            aria-valuetext={`y = ${fixed(p.y)}`}
            data-index={i}
            onKeyDown={onKeyDown(i)}
          >
            <circle class="cf-hit" cx={sx} cy={sy} r={22} />
            <circle class="cf-dot" cx={sx} cy={sy} r={9} />
          </g>
        );
      })}
    </svg>
  );
}
