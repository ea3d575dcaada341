// The tiny network's drawing: no label may touch an edge or another label.
import { describe, expect, test } from "vitest";
import { CARDS, EDGES, FONT, LINE, TARGET_NOTE, VIEW, baseline, segment, type Card } from "../../../components/islands/tiny-network/layout.ts";

type Box = { x0: number; y0: number; x1: number; y1: number };
const box = (c: Card): Box => ({ x0: c.cx - c.w / 2, y0: c.cy - c.h / 2, x1: c.cx + c.w / 2, y1: c.cy + c.h / 2 });
const overlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Whether the segment enters the open interior of the box (touching its border does not count). */
function crosses(seg: [number, number, number, number], b: Box): boolean {
  const [ax, ay, bx, by] = seg;
  for (let t = 0.001; t < 1; t += 0.001) {
    const x = ax + (bx - ax) * t;
    const y = ay + (by - ay) * t;
    if (x > b.x0 + 0.5 && x < b.x1 - 0.5 && y > b.y0 + 0.5 && y < b.y1 - 0.5) return true;
  }
  return false;
}

describe("the tiny network's layout", () => {
  const cards = Object.entries(CARDS);

  test("no two cards overlap, and every card is inside the view", () => {
    for (const [i, [a, ca]] of cards.entries()) {
      const b = box(ca);
      expect(b.x0 >= 0 && b.y0 >= 0 && b.x1 <= VIEW.width && b.y1 <= VIEW.height, a).toBe(true);
      for (const [n, cb] of cards.slice(i + 1)) expect(overlap(b, box(cb)), `${a} and ${n}`).toBe(false);
    }
  });

  test("no edge runs through a card, its labels included", () => {
    for (const e of EDGES) for (const [n, c] of cards) expect(crosses(segment(e), box(c)), `${e.from}→${e.to} through ${n}`).toBe(false);
  });

  test("a card's three lines of text fit inside it", () => {
    for (const [n, c] of cards) {
      expect(baseline(c, 0) - FONT * 0.8, n).toBeGreaterThan(c.cy - c.h / 2);
      expect(baseline(c, 2) + FONT * 0.25, n).toBeLessThan(c.cy + c.h / 2);
      expect(LINE).toBeGreaterThanOrEqual(FONT);
    }
  });

  test("the target's note sits above the loss card, clear of the edges", () => {
    const note: Box = { x0: TARGET_NOTE.x - 24, y0: TARGET_NOTE.y - FONT, x1: TARGET_NOTE.x + 24, y1: TARGET_NOTE.y + 3 };
    expect(note.y1).toBeLessThan(box(CARDS.L).y0);
    for (const e of EDGES) expect(crosses(segment(e), note)).toBe(false);
  });
});
