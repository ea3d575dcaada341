/**
 * DrawDigit's network picture: the three layers as circles that glow with
 * their activations, each neuron's strongest incoming weights as lines, and
 * the ten outputs labelled with their values. The geometry is draw-digit.ts'.
 */
import { useMemo } from "preact/hooks";
import { COLUMNS, RADIUS, SIZES, VIEW, columnYs, wires, type Network } from "./draw-digit.ts";
import { fixed } from "../shared/numbers.ts";

const YS = SIZES.slice(1).map((n) => columnYs(n));

interface Props {
  net: Network;
  /** Every layer's activations, the input first. */
  acts: number[][];
  best: number;
  empty: boolean;
  /** Bumped when the input settles: the layers light up again, one after another. */
  flow: number;
  /** What the picture shows, for screen readers. */
  label: string;
}

export default function NetworkPicture({ net, acts, best, empty, flow, label }: Props) {
  const picture = useMemo(() => wires(net), [net]);
  const out = acts[acts.length - 1];
  return (
    <svg class="dd-svg" data-outputs={out.map((a) => a.toFixed(4)).join(" ")} viewBox={`0 0 ${VIEW.w} ${VIEW.h}`} role="img" aria-label={`The network, layer by layer. ${label}`}>
      {picture.fan.map((l, j) => <line key={`in${j}`} class="dd-fan" x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2} />)}
      {picture.lines.map((l, k) => (
        <line key={`w${k}`} class={l.positive ? "dd-w-pos" : "dd-w-neg"} x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2} stroke-opacity={l.opacity} />
      ))}
      {acts.slice(1).map((layer, l) => (
        <g key={`layer${l}-${flow}`} class="dd-layer" style={{ animationDelay: `${l * 0.22}s` }}>
          {layer.map((a, j) => (
            <circle key={j} class={l === 2 && j === best && !empty ? "dd-neuron dd-best" : "dd-neuron"} cx={COLUMNS[l]} cy={YS[l][j]} r={RADIUS[l]} style={{ "--a": a.toFixed(3) } as Record<string, string>} />
          ))}
        </g>
      ))}
      {out.map((a, j) => (
        <text key={`t${j}`} class={j === best && !empty ? "dd-label dd-label-best" : "dd-label"} x={COLUMNS[2] + RADIUS[2] + 6} y={YS[2][j] + 4}>
          {j}
          <tspan class="dd-value" dx="5">{fixed(a, 2)}</tspan>
        </text>
      ))}
      {SIZES.slice(1).map((n, l) => (
        <text key={`c${l}`} class="dd-caption" x={COLUMNS[l]} y={VIEW.h - 1} text-anchor="middle">{n}</text>
      ))}
    </svg>
  );
}
