/**
 * Chapter 12's island, the logic: race the chapter's matrix-product kernels
 * (kernels.ts) on two random square matrices of a size the reader picks, and
 * show each kernel's speed in GFLOP/s as a bar. First come the machine's two
 * limits, the scalar yardstick (running sums in registers, the best of
 * several counts) and a memory stream; then the kernels: the naive loop and
 * i-k-j on arrays of rows, as the chapter writes them, typed i-k-j, the
 * 4 × 4 register-blocked tile, the tiled kernel, the library's `matmul` on
 * its TypeScript kernel and, where the browser runs it, on WebAssembly SIMD.
 * The race runs in a Web Worker (worker.ts); this file holds what both sides
 * share: the lanes, the sizes, the timing, the messages and the state the
 * page shows. The roofline drawn from the results is in roofline.ts.
 */

import { STREAM_BYTES_PER_FLOP } from "./kernels.ts";

/** The lanes of a race, in the order they run. */
export type LaneId = "yardstick" | "stream" | "naive" | "ikj" | "typed" | "blocked" | "tiled" | "nnfs" | "simd";

export interface Lane {
  id: LaneId;
  name: string;
}

export const LANES: readonly Lane[] = [
  { id: "yardstick", name: "scalar yardstick (no memory)" },
  { id: "stream", name: "memory stream (y += a·x)" },
  { id: "naive", name: "naive i-j-k (rows)" },
  { id: "ikj", name: "i-k-j (rows)" },
  { id: "typed", name: "typed i-k-j" },
  { id: "blocked", name: "4×4 blocked" },
  { id: "tiled", name: "tiled" },
  { id: "nnfs", name: "nnfs matmul (TypeScript)" },
  { id: "simd", name: "nnfs (WebAssembly SIMD)" },
];

/** The machine's limits, not kernels: never "the fastest kernel". */
export const MEASURES: readonly LaneId[] = ["yardstick", "stream"];

/** Matrix sizes the reader can pick (n × n times n × n). */
export const SIZES = [64, 128, 256, 512, 1024] as const;
export const DEFAULT_SIZE = 256;
/** Above this size the naive loop takes seconds per product: it multiplies only the first NAIVE_ROWS rows of A. */
export const NAIVE_MAX = 512;
export const NAIVE_ROWS = 64;
/** Rows of A the naive lane multiplies at size n. */
export const naiveRows = (n: number): number => (n > NAIVE_MAX ? NAIVE_ROWS : n);
/** A lane stops timing after the round that passes this many milliseconds. */
export const LANE_CAP_MS = 6000;

/** Floating-point operations of an [rows × n] by [n × n] product (rows = n: the whole square). */
export const productFlops = (n: number, rows = n): number => 2 * rows * n * n;

/** Floats in each of the stream's two arrays: 16 MB each, more than most caches hold. */
export const STREAM_LENGTH = 1 << 22;
/** Flops of one call of the stream. */
export const STREAM_FLOPS = 2 * STREAM_LENGTH;

/** The largest |x − y| between two results (arrays of rows are read row after row). */
export function largestDifference(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new RangeError(`largestDifference: lengths ${x.length} and ${y.length} differ`);
  let worst = 0;
  for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i] - y[i]));
  return worst;
}

// ---------------------------------------------------------------- timing

export interface TimingOptions {
  /** Timed rounds after the first (compiling) call. */
  rounds: number;
  /** Each round calls the kernel again until this many milliseconds have passed. */
  minMs: number;
  /** The clock, in milliseconds (performance.now). */
  now: () => number;
}

/**
 * Seconds per call of `run`, round by round: the first call is left out (the
 * engine compiles then), then each round calls `run` until `minMs` have
 * passed; after each round, `onRound` gets the fastest seconds per call so far
 * and may return false to stop early. Returns that fastest time.
 */
export async function secondsPerCall(
  run: () => unknown,
  { rounds, minMs, now }: TimingOptions,
  onRound: (best: number, round: number) => boolean | void | Promise<boolean | void> = () => true,
): Promise<number> {
  run();
  let best = Infinity;
  for (let round = 1; round <= rounds; round++) {
    const start = now();
    let calls = 0;
    let ms = 0;
    do {
      run();
      calls++;
      ms = now() - start;
    } while (ms < minMs);
    best = Math.min(best, ms / 1000 / calls);
    if ((await onRound(best, round)) === false) break;
  }
  return best;
}

/** GFLOP/s of `flops` flops done in `seconds` seconds (0 when no time passed, never Infinity). */
export const gflops = (flops: number, seconds: number): number => (seconds > 0 ? flops / seconds / 1e9 : 0);

// ---------------------------------------------------------------- messages

export type ToWorker = { type: "race"; size: number };

export type FromWorker =
  /** Which lanes this race runs (the SIMD lane only where WebAssembly SIMD loads). */
  | { type: "lanes"; lanes: LaneId[]; kernel: string }
  | { type: "lane"; id: LaneId }
  /** The lane's best speed so far; `done` once its rounds are over, with whether its product matched the others. */
  | { type: "speed"; id: LaneId; gflops: number; done: boolean; correct?: boolean }
  /** The scalar yardstick's best count of running sums. */
  | { type: "sums"; count: number }
  | { type: "finished" }
  | { type: "error"; message: string };

// ---------------------------------------------------------------- state

export type LaneStatus = "waiting" | "running" | "done" | "unavailable";

export interface LaneState {
  id: LaneId;
  name: string;
  status: LaneStatus;
  gflops: number | null;
  /** What to know about the lane: why it is unavailable, how it was measured. */
  note: string | null;
  correct: boolean | null;
}

export interface RaceState {
  status: "idle" | "racing" | "done" | "stopped" | "error";
  size: number;
  lanes: LaneState[];
  message: string | null;
}

export type Action =
  | { type: "size"; size: number }
  | { type: "start" }
  | { type: "stop" }
  | { type: "worker"; message: FromWorker };

export function initialState(size = DEFAULT_SIZE): RaceState {
  return { status: "idle", size, lanes: LANES.map((l) => lane(l, size)), message: null };
}

function lane({ id, name }: Lane, size: number): LaneState {
  const rows = id === "naive" ? naiveRows(size) : size;
  return {
    id,
    name,
    status: "waiting",
    gflops: null,
    note: rows < size ? `on the first ${rows} of ${size} rows, to save time` : null,
    correct: null,
  };
}

const update = (s: RaceState, id: LaneId, change: Partial<LaneState>): RaceState => ({
  ...s,
  lanes: s.lanes.map((l) => (l.id === id ? { ...l, ...change } : l)),
});

export function reduce(s: RaceState, a: Action): RaceState {
  switch (a.type) {
    case "size":
      if (s.status === "racing") return s;
      if (!(SIZES as readonly number[]).includes(a.size)) throw new RangeError(`kernel race: size ${a.size} is not one of ${SIZES.join(", ")}`);
      return initialState(a.size);
    case "start":
      return { ...initialState(s.size), status: "racing" };
    case "stop":
      if (s.status !== "racing") return s;
      return {
        ...s,
        status: "stopped",
        lanes: s.lanes.map((l) => (l.status === "running" ? { ...l, status: l.gflops === null ? "waiting" : "done" } : l)),
      };
    case "worker":
      return fromWorker(s, a.message);
  }
}

function fromWorker(s: RaceState, m: FromWorker): RaceState {
  if (s.status !== "racing") return s; // a stopped race's last words
  switch (m.type) {
    case "lanes":
      return {
        ...s,
        lanes: s.lanes.map((l) =>
          m.lanes.includes(l.id)
            ? l
            : { ...l, status: "unavailable", note: l.id === "simd" ? "not in this browser: no WebAssembly SIMD" : "not run" },
        ),
      };
    case "lane":
      return update(s, m.id, { status: "running" });
    case "speed":
      return update(s, m.id, { gflops: m.gflops, status: m.done ? "done" : "running", correct: m.correct ?? null });
    case "sums":
      return update(s, "yardstick", { note: `best with ${m.count} running sums` });
    case "finished":
      return { ...s, status: "done" };
    case "error":
      return { ...s, status: "error", message: m.message };
  }
}

// ---------------------------------------------------------------- what the page shows

const threeDigits = (v: number) => (v >= 100 ? Math.round(v) : Number(v.toPrecision(3)));

/** A speed as the bars label it. */
export function formatGflops(v: number): string {
  return `${threeDigits(v)} GFLOP/s`;
}

/** A memory speed: bytes a second, in GB/s. */
export function formatBandwidth(gbPerSecond: number): string {
  return `${threeDigits(gbPerSecond)} GB/s`;
}

/** What a lane's row says after its name. */
export function laneText(l: LaneState): string {
  if (l.gflops !== null && l.id === "stream") return `${formatGflops(l.gflops)}, ${formatBandwidth(l.gflops * STREAM_BYTES_PER_FLOP)}`;
  if (l.gflops !== null) return `${formatGflops(l.gflops)}${l.correct === false ? " (wrong result!)" : ""}`;
  if (l.status === "running") return "running…";
  if (l.note) return l.note;
  return "waiting";
}

/** Each lane's bar length in percent of the fastest lane so far. */
export function barPercents(lanes: readonly LaneState[]): number[] {
  const max = Math.max(0, ...lanes.map((l) => l.gflops ?? 0));
  return lanes.map((l) => (max > 0 && l.gflops !== null ? (100 * l.gflops) / max : 0));
}

/** The status line (read out by screen readers as it changes). */
export function describeState(s: RaceState): string {
  const n = `${s.size} × ${s.size}`;
  if (s.status === "idle") return `Pick a size and press Race: ${n} matrices, ${(productFlops(s.size) / 1e6).toLocaleString("en", { maximumFractionDigits: 1 })} million flops a product.`;
  if (s.status === "error") return `The race failed: ${s.message}`;
  if (s.status === "stopped") return "Stopped.";
  const running = s.lanes.find((l) => l.status === "running");
  if (s.status === "racing") return running ? `Racing ${n}: ${running.name}…` : `Racing ${n}…`;
  const done = s.lanes.filter((l) => l.gflops !== null && !MEASURES.includes(l.id));
  const best = done.reduce<LaneState | null>((b, l) => (b === null || l.gflops! > b.gflops! ? l : b), null);
  return best ? `Done: at ${n} the fastest was ${best.name}, ${formatGflops(best.gflops!)}.` : "Done.";
}
