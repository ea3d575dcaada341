/**
 * Chapter 9's island, the geometry: where each node's card sits and where
 * each edge runs. Every label is text inside a card, and the edges run from
 * the right side of one card to the left side of the next, so no label ever
 * touches an edge (tests/components/islands/tiny-network-layout.test.ts).
 * The sizes are in the SVG's own units; the view box is narrow enough that
 * its text is at least 11 px tall on a phone 390 px wide.
 */
import type { EdgeId, NodeId } from "./tiny-network.ts";

export const VIEW = { width: 390, height: 192 };
/** The font size of every label, in view-box units. */
export const FONT = 13.5;
/** The line height inside a card. */
export const LINE = 15.5;

export interface Card {
  cx: number;
  cy: number;
  w: number;
  h: number;
}

export const CARDS: Record<NodeId, Card> = {
  x1: { cx: 42, cy: 40, w: 80, h: 54 },
  x2: { cx: 42, cy: 150, w: 80, h: 54 },
  h1: { cx: 180, cy: 40, w: 80, h: 54 },
  h2: { cx: 180, cy: 150, w: 80, h: 54 },
  out: { cx: 292, cy: 95, w: 80, h: 54 },
  L: { cx: 362, cy: 95, w: 52, h: 54 },
};

export interface Edge {
  id: EdgeId | null;
  from: NodeId;
  to: NodeId;
}

export const EDGES: Edge[] = [
  { id: "w11", from: "x1", to: "h1" },
  { id: "w12", from: "x1", to: "h2" },
  { id: "w21", from: "x2", to: "h1" },
  { id: "w22", from: "x2", to: "h2" },
  { id: "v1", from: "h1", to: "out" },
  { id: "v2", from: "h2", to: "out" },
  { id: null, from: "out", to: "L" },
];

/** An edge's segment: from the middle of its source card's right side to the middle of its target's left side. */
export function segment(e: Edge): [number, number, number, number] {
  const a = CARDS[e.from];
  const b = CARDS[e.to];
  return [a.cx + a.w / 2, a.cy, b.cx - b.w / 2, b.cy];
}

/** The baseline of line `i` (0, 1, 2) of a card's text. */
export function baseline(card: Card, i: number): number {
  return card.cy - LINE + i * LINE + FONT * 0.35;
}

/** The note "y = 1" above the loss card. */
export const TARGET_NOTE = { x: CARDS.L.cx, y: CARDS.L.cy - CARDS.L.h / 2 - 8 };
