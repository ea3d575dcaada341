import { describe, expect, test } from "vitest";
import { SIZES, initialState, reduce, type Action, type RaceState } from "../../../components/islands/kernel-race/kernel-race.ts";
import { LABEL_GAP, ROOF_LABEL_WIDTH, describeRoofline, laneIntensity, productIntensity, rooflineChart, spreadLabels } from "../../../components/islands/kernel-race/roofline.ts";

const race = (speeds: Record<string, number>, size = 256): RaceState =>
  [{ type: "start" } as Action, ...Object.entries(speeds).map(([id, g]) => ({ type: "worker", message: { type: "speed", id, gflops: g, done: true, correct: true } }) as Action)].reduce(
    reduce,
    initialState(size),
  );

describe("intensity: flops per byte of the least memory traffic", () => {
  test("an n × n product reads A and B and writes C once: 2n³ flops for 3n² numbers", () => {
    expect(productIntensity(256, 256, 4)).toBeCloseTo(256 / 6, 10);
    expect(productIntensity(256, 256, 8)).toBeCloseTo(256 / 12, 10);
    // The first 64 rows of a 1024 product: 2·64·1024² flops for (2·64·1024 + 1024²)·8 bytes.
    expect(productIntensity(1024, 64, 8)).toBeCloseTo((2 * 64 * 1024 * 1024) / ((2 * 64 * 1024 + 1024 * 1024) * 8), 10);
  });

  test("each lane's: arrays of rows hold 8-byte numbers, the others 4-byte floats; the stream 2 flops per 12 bytes", () => {
    expect(laneIntensity("ikj", 256)).toBeCloseTo(256 / 12, 10);
    expect(laneIntensity("tiled", 256)).toBeCloseTo(256 / 6, 10);
    expect(laneIntensity("naive", 1024)).toBeCloseTo(productIntensity(1024, 64, 8), 10);
    expect(laneIntensity("stream", 256)).toBeCloseTo(1 / 6, 10);
    expect(laneIntensity("yardstick", 256)).toBeNull();
  });
});

describe("the roofline chart", () => {
  test("nothing to draw until the yardstick and the stream are measured", () => {
    expect(rooflineChart(race({ blocked: 2 }).lanes, 256)).toBeNull();
    expect(rooflineChart(race({ yardstick: 8 }).lanes, 256)).toBeNull();
  });

  test("bandwidth from the stream, the roofs meet at peak / bandwidth, and the points sit at their intensity and speed", () => {
    const c = rooflineChart(race({ yardstick: 8, stream: 2, naive: 0.4, blocked: 4, simd: 20 }).lanes, 256)!;
    expect(c.bandwidth).toBe(12); // 2 GFLOP/s × 6 bytes per flop
    expect(c.peak).toBe(8);
    expect(c.ridge).toBeCloseTo(8 / 12, 10);
    expect(c.points.map((p) => p.id)).toEqual(["stream", "naive", "blocked", "simd"]);
    const at = (id: string) => c.points.find((p) => p.id === id)!;
    // Log axes: ten times the speed is the same height higher, whatever the speed.
    const decade = at("naive").y - at("blocked").y;
    expect(decade).toBeGreaterThan(0);
    expect(at("blocked").y - at("simd").y).toBeCloseTo(decade * Math.log10(5), 6);
    expect(at("blocked").x).toBeGreaterThan(at("naive").x); // 4-byte floats: twice the flops per byte
    expect(at("stream").x).toBeLessThan(at("naive").x);
    // The rows kernels' labels go left, so that they do not run into the next column.
    expect(c.points.map((p) => p.labelSide)).toEqual(["right", "left", "right", "right"]);
    // Whole decades, covering every point and the roofs: 0.1 to 100 GFLOP/s.
    expect(c.yTicks.map((t) => t.label)).toEqual(["0.1", "1", "10", "100"]);
    expect(c.xTicks.map((t) => t.label)).toEqual(["0.1", "1", "10", "100", "1000"]);
    expect(c.roof.match(/L/g)).toHaveLength(2); // the slope, then flat
    // The slope's label leans with it: up to the right, so a negative angle on screen.
    expect(c.slopeLabel.angle).toBeLessThan(0);
    expect(c.roofLabel.y).toBeLessThan(c.points.find((p) => p.id === "blocked")!.y);
    expect(describeRoofline(c)).toBe(
      "Memory brings 12 GB/s and the scalar yardstick is 8 GFLOP/s, so the roofs meet at 0.67 flops per byte. " +
        "Every product lies to the right of that point: memory would let each of them reach the yardstick, and how far below the roof a kernel sits is what its arrangement wastes.",
    );
    // One flop, not "1 flops", when the roofs meet where a byte brings one flop.
    expect(describeRoofline({ ...c, ridge: 1.02 })).toMatch(/the roofs meet at 1 flop per byte\. /);
  });

  test("drawn at the width it is shown at, so that its 12 px text stays 12 px on a phone", () => {
    const lanes = race({ yardstick: 8, stream: 2, naive: 0.4, ikj: 0.8, typed: 3, blocked: 4, nnfs: 15, simd: 20 }).lanes;
    const wide = rooflineChart(lanes, 256)!;
    expect(wide.width).toBe(560); // the default, and the most it is drawn at
    for (const width of [300, 340, 420]) {
      const c = rooflineChart(lanes, 256, width)!;
      expect(c.width).toBe(width);
      expect(c.box.left + c.box.width).toBeLessThanOrEqual(width - 8);
      // Every point and its label inside the drawing, the labels of a column apart.
      for (const p of c.points) {
        expect(p.x).toBeGreaterThan(c.box.left);
        expect(p.x).toBeLessThan(c.box.left + c.box.width);
        expect(p.labelY).toBeLessThanOrEqual(c.height);
      }
      // The same chart, narrower: the same ticks and the same order of points from left to right.
      expect(c.xTicks.map((t) => t.label)).toEqual(wide.xTicks.map((t) => t.label));
      expect([...c.points].sort((a, b) => a.x - b.x).map((p) => p.id)).toEqual([...wide.points].sort((a, b) => a.x - b.x).map((p) => p.id));
    }
    expect(rooflineChart(lanes, 256, 200)!.width).toBe(300); // narrower than that is scaled down
    expect(rooflineChart(lanes, 256, 900)!.width).toBe(560); // wider is centred at its size
  });

  test("the roof's label moves where no point's label runs into it", () => {
    // On a phone the column of the typed kernels' labels reaches under "scalar yardstick".
    const cases = [
      { lanes: race({ yardstick: 2.1, stream: 0.75, naive: 0.33, ikj: 2.3, typed: 0.3, blocked: 2.3, tiled: 2.8, nnfs: 2.2, simd: 6 }, 64).lanes, n: 64, widths: [336] },
      // Races at 256 measured in Chromium: the float kernels' labels, spread around their dots, reach up to the roof.
      ...[
        { yardstick: 7.3, stream: 0.999, naive: 1.53, ikj: 1.79, typed: 1.13, blocked: 2.51, tiled: 2.4, nnfs: 3.21, simd: 16.7 },
        { yardstick: 9.5, stream: 1.64, naive: 1.49, ikj: 3.21, typed: 1.18, blocked: 4.89, tiled: 4.61, nnfs: 5.4, simd: 27.6 },
        { yardstick: 7, stream: 1.95, naive: 0.695, ikj: 3.25, typed: 0.997, blocked: 4.26, tiled: 2.66, nnfs: 2.43, simd: 19 },
      ].map((speeds) => ({ lanes: race(speeds).lanes, n: 256, widths: [560, 336, 300] })),
    ];
    for (const { lanes, n, widths } of cases) {
      for (const width of widths) {
        const c = rooflineChart(lanes, n, width)!;
        const { x, y, anchor } = c.roofLabel;
        const [left, right] = anchor === "end" ? [x - ROOF_LABEL_WIDTH, x] : [x, x + ROOF_LABEL_WIDTH];
        const clash = c.points.filter((p) => {
          const w = 7 * p.label.length;
          const [l, r] = p.labelSide === "right" ? [p.labelX, p.labelX + w] : [p.labelX - w, p.labelX];
          return l < right && left < r && Math.abs(p.labelY - y) < 12; // two lines of 12 px text
        });
        expect(clash.map((p) => p.id), `${n} at ${width} px`).toEqual([]);
      }
    }
    // Where nothing is near, it sits above the roof, as before.
    const free = rooflineChart(race({ yardstick: 8, stream: 2, naive: 0.4, blocked: 0.5, simd: 1 }).lanes, 256)!;
    expect(free.roofLabel.y).toBeLessThan(free.points.find((p) => p.id === "simd")!.y);
  });

  test("each label sits beside its own dot, or a leader joins them: never nearer another dot (races at 256 × 256 measured in Chromium)", () => {
    // At 256 every float kernel has the same intensity, so five dots share a column; blocked and
    // tiled nearly coincide, and typed sits a little below. Pushed down one after another, the
    // labels drifted: "tiled" ended beside the typed dot, "typed" below everything.
    const races = [
      { yardstick: 7.3, stream: 0.999, naive: 1.53, ikj: 1.79, typed: 1.13, blocked: 2.51, tiled: 2.4, nnfs: 3.21, simd: 16.7 },
      { yardstick: 9.5, stream: 1.64, naive: 1.49, ikj: 3.21, typed: 1.18, blocked: 4.89, tiled: 4.61, nnfs: 5.4, simd: 27.6 },
    ];
    for (const speeds of races) {
      for (const width of [560, 340, 300]) {
        const c = rooflineChart(race(speeds).lanes, 256, width)!;
        const where = (p: (typeof c.points)[number]) => `${p.id} at ${width} px`;
        const box = (p: (typeof c.points)[number]) => {
          const w = 7 * p.label.length;
          return p.labelSide === "right" ? [p.labelX, p.labelY - 10, p.labelX + w, p.labelY + 2] : [p.labelX - w, p.labelY - 10, p.labelX, p.labelY + 2];
        };
        const hit = (a: number[], b: number[]) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
        for (const p of c.points) {
          const near = { x: p.labelX, y: p.labelY - 4 }; // the end of the label next to the dot, halfway up the text
          const own = Math.hypot(near.x - p.x, near.y - p.y);
          if (p.leader === null) {
            for (const q of c.points) if (q !== p) expect(own, `${where(p)} is nearer ${q.id}`).toBeLessThan(Math.hypot(near.x - q.x, near.y - q.y));
            expect(own, where(p)).toBeLessThan(12);
          } else {
            expect(Math.hypot(p.leader.x1 - p.x, p.leader.y1 - p.y), where(p)).toBeLessThanOrEqual(8);
            expect(Math.hypot(p.leader.x2 - near.x, p.leader.y2 - near.y), where(p)).toBeLessThanOrEqual(4);
          }
          // Inside the drawing, clear of every dot and of every other label.
          const b = box(p);
          expect(b[0], where(p)).toBeGreaterThanOrEqual(0);
          expect(b[2], where(p)).toBeLessThanOrEqual(c.width);
          for (const q of c.points) expect(hit(b, [q.x - 5, q.y - 5, q.x + 5, q.y + 5]), `${where(p)} covers ${q.id}'s dot`).toBe(false);
          for (const q of c.points) if (q !== p) expect(hit(b, box(q)), `${where(p)} runs into ${q.id}'s label`).toBe(false);
        }
        // Leaders never cross: in a column the labels keep their dots' order from the top.
        const column = c.points.filter((p) => p.intensity === laneIntensity("typed", 256)).sort((a, b) => a.y - b.y);
        expect(column.map((p) => p.id), `${width} px`).toEqual([...column].sort((a, b) => a.labelY - b.labelY).map((p) => p.id));
      }
    }
  });

  test("at every size and width, every label stays in the drawing, clear of every dot and every other label", () => {
    const races = [
      { yardstick: 7.3, stream: 0.999, naive: 1.53, ikj: 1.79, typed: 1.13, blocked: 2.51, tiled: 2.4, nnfs: 3.21, simd: 16.7 },
      { yardstick: 7, stream: 1.95, naive: 0.3, ikj: 1.2, typed: 1, blocked: 3.3, tiled: 3.1, nnfs: 3.2, simd: 19 },
      { yardstick: 2.1, stream: 0.75, naive: 0.33, ikj: 2.3, typed: 0.3, blocked: 2.3, tiled: 2.8, nnfs: 2.2, simd: 6 },
    ];
    const box = (p: { label: string; labelX: number; labelY: number; labelSide: string }) => {
      const w = 7 * p.label.length;
      return p.labelSide === "right" ? [p.labelX, p.labelY - 10, p.labelX + w, p.labelY + 2] : [p.labelX - w, p.labelY - 10, p.labelX, p.labelY + 2];
    };
    const hit = (a: number[], b: number[]) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    const problems: string[] = [];
    for (const speeds of races) {
      for (const n of SIZES) {
        for (const width of [560, 336, 300]) {
          const c = rooflineChart(race(speeds, n).lanes, n, width)!;
          for (const p of c.points) {
            const b = box(p);
            const at = `${p.id} at ${n}, ${width} px`;
            if (b[0] < 0 || b[2] > c.width) problems.push(`${at}: outside`);
            for (const q of c.points) {
              if (hit(b, [q.x - 5, q.y - 5, q.x + 5, q.y + 5])) problems.push(`${at}: covers ${q.id}'s dot`);
              if (q !== p && hit(b, box(q))) problems.push(`${at}: runs into ${q.id}'s label`);
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test("the slope's label \"memory\" keeps clear of the y axis and of the stream's dot, on a phone too", () => {
    // Races measured in Chromium; the lower the ridge, the shorter the slope the label sits on.
    const races = [
      { yardstick: 7.3, stream: 0.999, naive: 1.53, typed: 1.13 },
      { yardstick: 9.5, stream: 1.64, naive: 1.49, typed: 1.18 },
      { yardstick: 7, stream: 1.95, naive: 0.695, typed: 0.997 },
      { yardstick: 6, stream: 3, naive: 1, typed: 1 },
    ];
    for (const speeds of races) {
      for (const width of [560, 336, 300]) {
        const c = rooflineChart(race(speeds).lanes, 256, width)!;
        const { x, y, angle } = c.slopeLabel;
        const a = (angle * Math.PI) / 180;
        // "memory" at 12 px, centred on (x, y) and turned by angle: about 42 × 12 px, 10 px above its baseline.
        const corners = [[-21, -10], [21, -10], [21, 2], [-21, 2]].map(([dx, dy]) => [x + dx * Math.cos(a) - dy * Math.sin(a), y + dx * Math.sin(a) + dy * Math.cos(a)]);
        const where = `${JSON.stringify(speeds)} at ${width} px`;
        expect(Math.min(...corners.map(([cx]) => cx)) - c.box.left, where).toBeGreaterThanOrEqual(6);
        expect(Math.min(...corners.map(([, cy]) => cy)), where).toBeGreaterThanOrEqual(c.box.top);
        // The stream's dot, seen from the label's own frame: outside its box by 4 px or more.
        const s = c.points.find((p) => p.id === "stream")!;
        const [u, v] = [(s.x - x) * Math.cos(a) + (s.y - y) * Math.sin(a), -(s.x - x) * Math.sin(a) + (s.y - y) * Math.cos(a)];
        const gap = Math.hypot(Math.max(0, Math.abs(u) - 21), Math.max(0, v < -4 ? -10 - v : v - 2));
        expect(gap, where).toBeGreaterThanOrEqual(5 + 4);
      }
    }
  });

  test("labels of points in one column never overlap", () => {
    const ys = spreadLabels([{ x: 100, y: 50 }, { x: 101, y: 52 }, { x: 300, y: 51 }, { x: 99, y: 49 }]);
    const column = [ys[0], ys[1], ys[3]].sort((a, b) => a - b);
    expect(column[1] - column[0]).toBeGreaterThanOrEqual(LABEL_GAP);
    expect(column[2] - column[1]).toBeGreaterThanOrEqual(LABEL_GAP);
    expect(ys[2]).toBe(55); // alone in its column: beside its point
  });
});
