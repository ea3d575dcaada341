/**
 * Where the roofline's point labels go. Points of one column (at 256 × 256
 * every float kernel has the same intensity) can nearly coincide; their
 * labels are spread at least LABEL_GAP apart, in the dots' order from the
 * top, each as near its own dot as the others allow (not pushed down one
 * after another, which let a label drift beside the next dot). A label that
 * had to move, or shares a cluster with others, stands a little further out
 * and a leader joins it to its dot.
 */

/** Least distance between the baselines of two labels of one column (12 px text). */
export const LABEL_GAP = 14;
/** From a dot's centre to the near end of its label: beside it, or at the end of a leader. */
export const LABEL_OFFSET = 9;
export const LEADER_OFFSET = 22;
/** A label whose middle is further than this from its dot's height gets a leader. */
const MOVED = 2;
/** About how wide a label of `text` is drawn at 12 px. */
export const labelWidth = (text: string): number => 7 * text.length;

export interface LabelInput {
  x: number;
  y: number;
  label: string;
  /** The side it prefers (the rows kernels' labels go left, clear of the float kernels' column). */
  side: "left" | "right";
}
export interface LabelPlace {
  /** The near end of the label (its anchor) and its baseline. */
  x: number;
  y: number;
  side: "left" | "right";
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
}

/**
 * Baselines for the labels of one column, given their dots' heights sorted from
 * the top: at least `gap` apart, in the same order, between `top` and `bottom`,
 * and as near the dots as can be (the least sum of squares, by pooling adjacent
 * labels that would collide). `cluster[i]` says whether label i was pooled with another.
 */
export function spreadColumn(ys: readonly number[], gap: number, top: number, bottom: number): { y: number[]; cluster: boolean[] } {
  const m = ys.length;
  // With u_i = z_i − i·gap the gaps become "u does not decrease": isotonic regression.
  const blocks: { sum: number; count: number; first: number }[] = [];
  ys.forEach((t, i) => {
    blocks.push({ sum: t + 4 - i * gap, count: 1, first: i });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1], a = blocks[blocks.length - 2];
      if (a.sum / a.count <= b.sum / b.count) break;
      blocks.splice(-2, 2, { sum: a.sum + b.sum, count: a.count + b.count, first: a.first });
    }
  });
  const low = top, high = Math.max(top, bottom - (m - 1) * gap);
  const y: number[] = [], cluster: boolean[] = [];
  for (const b of blocks) {
    const u = Math.min(high, Math.max(low, b.sum / b.count));
    for (let k = 0; k < b.count; k++) {
      y.push(u + (b.first + k) * gap);
      cluster.push(b.count > 1);
    }
  }
  return { y, cluster };
}

/**
 * Baselines for labels of points that share a column (x within 20 px of the next), in the points' order:
 * the labels of a column never overlap (kept for the one-column case; `placeLabels` is what the chart uses).
 */
export function spreadLabels(points: readonly { x: number; y: number }[], gap = LABEL_GAP, top = -Infinity, bottom = Infinity): number[] {
  const out = points.map((p) => p.y + 4);
  for (const members of columns(points, 20)) {
    const { y } = spreadColumn(members.map((i) => points[i].y), gap, top, bottom);
    members.forEach((i, k) => (out[i] = y[k]));
  }
  return out;
}

/** Indices of points grouped in columns (x within `near` px of a neighbour, the same preferred side), each sorted from the top. */
function columns(points: readonly { x: number; y: number; side?: string }[], near = 12): number[][] {
  const byX = points.map((_, i) => i).sort((i, j) => points[i].x - points[j].x);
  const groups: number[][] = [];
  for (const i of byX) {
    const last = groups.findLast((g) => points[i].x - points[g.at(-1)!].x < near && points[g[0]].side === points[i].side);
    if (last) last.push(i);
    else groups.push([i]);
  }
  return groups.map((g) => g.sort((i, j) => points[i].y - points[j].y));
}

type Box = [left: number, top: number, right: number, bottom: number];
const hits = (a: Box, b: Box): boolean => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * Every label's place. The labels of a column go on one side of it, spread by `spreadColumn`,
 * with a leader for each label that moved or was pooled with another. Columns are placed the
 * fullest first; for each, the first of these that keeps its labels inside the drawing and off
 * every dot and every label placed so far: its preferred side with the leaders at their full
 * length, then shorter, then the other side, then all a little higher or lower on leaders;
 * failing all, the one that hits the least.
 * `bounds` are the drawing's width and the highest and lowest baselines allowed.
 */
export function placeLabels(points: readonly LabelInput[], bounds: { width: number; top: number; bottom: number }): LabelPlace[] {
  const out: LabelPlace[] = new Array(points.length);
  const dots: Box[] = points.map((p) => [p.x - 5, p.y - 5, p.x + 5, p.y + 5]);
  const taken: Box[] = [];
  // The fullest columns first: they have the least room to give.
  for (const members of columns(points).sort((a, b) => b.length - a.length)) {
    const { y, cluster } = spreadColumn(members.map((i) => points[i].y), LABEL_GAP, bounds.top, bounds.bottom);
    const prefer = points[members[0]].side;
    // Beside the dots first; if nothing there is free, the whole column's labels a little higher or lower, on leaders.
    const tries = [0, -9, 9].flatMap((dy) => {
      const led = members.map((i, k) => dy !== 0 || cluster[k] || Math.abs(y[k] - 4 - points[i].y) > MOVED);
      return [prefer, prefer === "left" ? "right" : "left"].flatMap((side) =>
        [LEADER_OFFSET, 18, 14, 12].map((offset) => {
          const dir = side === "right" ? 1 : -1;
          const places = members.map((i, k): LabelPlace => {
            const p = points[i];
            const x = p.x + dir * (led[k] ? offset : LABEL_OFFSET);
            const base = Math.min(bounds.bottom, Math.max(bounds.top, y[k] + dy));
            return { x, y: base, side: side as "left" | "right", leader: led[k] ? { x1: p.x + dir * 6, y1: p.y, x2: x - dir * 3, y2: base - 4 } : null };
          });
          const boxes = places.map((q, k): Box => {
            const w = labelWidth(points[members[k]].label);
            return q.side === "right" ? [q.x, q.y - 10, q.x + w, q.y + 2] : [q.x - w, q.y - 10, q.x, q.y + 2];
          });
          const bad = boxes.reduce((n, b) => n + (b[0] < 2 || b[2] > bounds.width - 2 ? 10 : 0) + [...dots, ...taken].filter((o) => hits(b, o)).length, 0);
          return { places, boxes, bad };
        }),
      );
    });
    const best = tries.find((t) => t.bad === 0) ?? tries.reduce((a, b) => (b.bad < a.bad ? b : a));
    members.forEach((i, k) => (out[i] = best.places[k]));
    taken.push(...best.boxes);
  }
  return out;
}
