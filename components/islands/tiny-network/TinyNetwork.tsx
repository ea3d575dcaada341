/**
 * Chapter 9's island: a 2-2-1 network drawn as a graph, walked one
 * calculation at a time, forwards and then backwards, with Next / Back (or
 * the step slider). Nodes show their values and gradients as they are
 * computed, edges their weights and then their weights' gradients, and the
 * current formula sits beside the graph. The numbers come from tiny-network.ts.
 */
import { useId, useState } from "preact/hooks";
import { EXAMPLE, edgeLabel, fmt, nodeLabel, steps, type EdgeId, type NodeId } from "./tiny-network.ts";
import "../shared/islands.css";
import "./tiny-network.css";

const POS: Record<NodeId, [number, number]> = {
  x1: [44, 56],
  x2: [44, 176],
  h1: [210, 56],
  h2: [210, 176],
  out: [350, 116],
  L: [436, 116],
};
const EDGES: { id: EdgeId; from: NodeId; to: NodeId; name: string; at: number }[] = [
  { id: "w11", from: "x1", to: "h1", name: "w₁₁", at: 0.5 },
  { id: "w12", from: "x1", to: "h2", name: "w₁₂", at: 0.7 },
  { id: "w21", from: "x2", to: "h1", name: "w₂₁", at: 0.7 },
  { id: "w22", from: "x2", to: "h2", name: "w₂₂", at: 0.5 },
  { id: "v1", from: "h1", to: "out", name: "v₁", at: 0.5 },
  { id: "v2", from: "h2", to: "out", name: "v₂", at: 0.5 },
];
const NAMES: Record<NodeId, string> = { x1: "x₁", x2: "x₂", h1: "h₁", h2: "h₂", out: "ŷ", L: "L" };
const PHASE = { start: "Start", forward: "Forward", backward: "Backward", update: "Update" } as const;

export default function TinyNetwork() {
  const uid = `tn${useId().replace(/[^\w-]/g, "")}`;
  const net = EXAMPLE;
  const all = steps(net);
  const [k, setK] = useState(0);
  const step = all[k];
  const go = (to: number) => setK(Math.max(0, Math.min(all.length - 1, to)));

  return (
    <figure class="island tn" aria-labelledby={`${uid}-title`}>
      <p class="island-title" id={`${uid}-title`}>
        A tiny network, one calculation at a time
      </p>
      <div class="tn-body">
        <svg class="tn-graph" viewBox="0 0 470 232" role="img" aria-label={`The network 2-2-1 at step ${k} of ${all.length - 1}: ${step.numbers}`}>
          {EDGES.map((e) => {
            const [x1, y1] = POS[e.from];
            const [x2, y2] = POS[e.to];
            const lx = x1 + (x2 - x1) * e.at;
            const ly = y1 + (y2 - y1) * e.at;
            const label = edgeLabel(net, all, k, e.id);
            const hot = step.edges.includes(e.id);
            return (
              <g key={e.id} class={`tn-edge${hot ? " tn-hot" : ""}`} data-edge={e.id}>
                <line x1={x1} y1={y1} x2={x2} y2={y2} />
                <text class="tn-weight" x={lx} y={ly - 5} text-anchor="middle">
                  {e.name} = {fmt(label.weight, 2)}
                </text>
                {label.grad !== null && (
                  <text class="tn-grad" x={lx} y={ly + 13} text-anchor="middle" data-grad={label.grad}>
                    ∂ {fmt(label.grad)}
                  </text>
                )}
              </g>
            );
          })}
          <line class="tn-edge-plain" x1={POS.out[0]} y1={POS.out[1]} x2={POS.L[0]} y2={POS.L[1]} />
          {(Object.keys(POS) as NodeId[]).map((id) => {
            const [cx, cy] = POS[id];
            const label = nodeLabel(net, all, k, id);
            const current = step.node === id;
            return (
              <g key={id} class={`tn-node${current ? ` tn-current tn-${step.phase}` : ""}`} data-node={id}>
                {id === "L" ? <rect x={cx - 22} y={cy - 22} width={44} height={44} rx={8} /> : <circle cx={cx} cy={cy} r={24} />}
                <text class="tn-name" x={cx} y={cy - 4} text-anchor="middle">
                  {NAMES[id]}
                </text>
                <text class="tn-value" x={cx} y={cy + 12} text-anchor="middle">
                  {label.value === null ? "?" : fmt(label.value, 2)}
                </text>
                {label.grad !== null && (
                  <text class="tn-grad" x={cx} y={cy + 40} text-anchor="middle" data-grad={label.grad}>
                    ∂ {fmt(label.grad)}
                  </text>
                )}
              </g>
            );
          })}
          <text class="tn-note" x={POS.L[0]} y={POS.L[1] - 32} text-anchor="middle">
            y = {fmt(net.y, 0)}
          </text>
        </svg>
        <div class={`tn-formula tn-${step.phase}`} aria-live="polite" data-step={k}>
          <p class="tn-phase">
            {PHASE[step.phase]} · step {k} of {all.length - 1}
          </p>
          <p class="tn-symbols">{step.formula}</p>
          <p class="tn-numbers">{step.numbers}</p>
        </div>
      </div>
      <div class="tn-controls">
        <button type="button" onClick={() => go(k - 1)} disabled={k === 0}>
          Back
        </button>
        <button type="button" class="tn-next" onClick={() => go(k + 1)} disabled={k === all.length - 1}>
          Next
        </button>
        <div class="tn-slider">
          <label for={`${uid}-step`}>step</label>
          <input
            id={`${uid}-step`}
            type="range"
            min={0}
            max={all.length - 1}
            step={1}
            value={k}
            aria-valuetext={`${k}: ${PHASE[step.phase]}`}
            onInput={(e) => go(Number((e.currentTarget as HTMLInputElement).value))}
          />
        </div>
        <button type="button" onClick={() => go(0)} disabled={k === 0}>
          Start over
        </button>
      </div>
      <p class="tn-legend">
        Values are in the nodes; <span class="tn-legend-grad">∂</span> marks a gradient of the loss L.
      </p>
    </figure>
  );
}
