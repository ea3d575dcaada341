/**
 * Chapter 9's island: a 2-2-1 network drawn as a graph, walked one
 * calculation at a time, forwards and then backwards, with Next / Back (or
 * the step slider). Each node's card shows its value, its sum z and, once
 * reached backwards, its gradient; the table lists every weight and bias with
 * its gradient and, after the update step, its new value. The numbers come
 * from tiny-network.ts, the drawing's geometry from layout.ts.
 */
import { Fragment } from "preact";
import { useId, useState } from "preact/hooks";
import { EXAMPLE, PARAMS, fmt, nodeLabel, paramHot, paramRow, steps, type NodeId } from "./tiny-network.ts";
import { CARDS, EDGES, TARGET_NOTE, VIEW, baseline, segment } from "./layout.ts";
import { formulaPieces } from "./formula-breaks.ts";
import "../shared/islands.css";
import "./tiny-network.css";

const NAMES: Record<NodeId, string> = { x1: "x₁", x2: "x₂", h1: "h₁", h2: "h₂", out: "ŷ", L: "L" };
const PHASE = { start: "Start", forward: "Forward", backward: "Backward", update: "Update" } as const;

const show = (v: number | null, digits: number) => (v === null ? "?" : fmt(v, digits));

/** A formula whose lines break only between its pieces (formula-breaks.ts), never inside "w ← w − η·∂L/∂w". */
function Pieces({ of }: { of: string }) {
  return (
    <>
      {formulaPieces(of).map((piece, i) => (
        <Fragment key={i}>
          {i > 0 && " "}
          <span class="tn-piece">{piece}</span>
        </Fragment>
      ))}
    </>
  );
}

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
        <svg
          class="tn-graph"
          viewBox={`0 0 ${VIEW.width} ${VIEW.height}`}
          role="img"
          aria-label={`The network 2-2-1 at step ${k} of ${all.length - 1}: ${step.numbers}`}
        >
          {EDGES.map((e) => {
            const [x1, y1, x2, y2] = segment(e);
            const hot = e.id !== null && step.edges.includes(e.id);
            return (
              <g key={`${e.from}-${e.to}`} class={`tn-edge${hot ? " tn-hot" : ""}`} data-edge={e.id ?? undefined}>
                <line x1={x1} y1={y1} x2={x2} y2={y2} />
              </g>
            );
          })}
          {(Object.keys(CARDS) as NodeId[]).map((id) => {
            const c = CARDS[id];
            const label = nodeLabel(net, all, k, id);
            const current = step.node === id;
            const first = id === "L" ? "L" : `${NAMES[id]} ${show(label.value, 2)}`;
            const second = id === "L" ? show(label.value, 3) : label.z === null ? "" : `z ${fmt(label.z, 2)}`;
            return (
              <g key={id} class={`tn-node${current ? ` tn-current tn-${step.phase}` : ""}`} data-node={id}>
                <rect x={c.cx - c.w / 2} y={c.cy - c.h / 2} width={c.w} height={c.h} rx={8} />
                <text class="tn-value" x={c.cx} y={baseline(c, 0)} text-anchor="middle">
                  {first}
                </text>
                {second && (
                  <text class={id === "L" ? "tn-value" : "tn-z"} x={c.cx} y={baseline(c, 1)} text-anchor="middle">
                    {second}
                  </text>
                )}
                {label.grad !== null && (
                  <text class="tn-grad" x={c.cx} y={baseline(c, 2)} text-anchor="middle" data-grad={label.grad}>
                    ∂ {fmt(label.grad)}
                  </text>
                )}
              </g>
            );
          })}
          <text class="tn-note" x={TARGET_NOTE.x} y={TARGET_NOTE.y} text-anchor="middle">
            y = {fmt(net.y, 0)}
          </text>
        </svg>
        <div class={`tn-formula tn-${step.phase}`} aria-live="polite" data-step={k}>
          <p class="tn-phase">
            {PHASE[step.phase]} · step {k} of {all.length - 1}
          </p>
          <p class="tn-symbols">
            <Pieces of={step.formula} />
          </p>
          <p class="tn-numbers">
            <Pieces of={step.numbers} />
          </p>
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
      <table class="tn-params">
        <caption>Weights and biases</caption>
        <thead>
          <tr>
            <th scope="col">name</th>
            <th scope="col">value</th>
            <th scope="col">∂L/∂ (gradient)</th>
            <th scope="col">after the step</th>
          </tr>
        </thead>
        <tbody>
          {PARAMS.map(({ id, name }) => {
            const row = paramRow(net, all, k, id);
            return (
              <tr key={id} data-param={id} class={paramHot(all, k, id) ? "tn-hot-row" : undefined}>
                <th scope="row">{name}</th>
                <td>{fmt(row.value, 2)}</td>
                <td class="tn-grad-cell">{row.grad === null ? "" : fmt(row.grad)}</td>
                <td class="tn-next-cell">{row.next === null ? "" : fmt(row.next)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="tn-legend">
        Each card shows a node's value and, for a neuron, its sum z. <span class="tn-legend-grad">∂</span> is the gradient of
        the loss L with respect to that sum (for an input, with respect to the input). wᵢⱼ joins input i to hidden neuron j,
        vⱼ joins hidden neuron j to the output; b₁, b₂ and c are the biases.
      </p>
    </figure>
  );
}
