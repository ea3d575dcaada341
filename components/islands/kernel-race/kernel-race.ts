/**
 * Chapter 12's island, the logic: race matrix-product kernels on two random
 * square matrices of a size the reader picks, and show each kernel's speed in
 * GFLOP/s as a bar. The kernels are the chapter's own (the naive loop, i-k-j,
 * the 4 × 4 register-blocked tile), the library's `matmul` on its TypeScript
 * kernel, and, where the browser runs it, the library's WebAssembly SIMD
 * kernel; the last lane is the scalar ceiling (eight sums in registers). The
 * race runs in a Web Worker (kernel-race-worker.ts); this file holds what
 * both sides share: the lanes, the sizes, the timing, the messages and the
 * state the page shows.
 */

/** The lanes of a race, in the order they run. */
export type LaneId = "naive" | "ikj" | "blocked" | "nnfs" | "simd" | "ceiling";

export interface Lane {
  id: LaneId;
  name: string;
}

export const LANES: readonly Lane[] = [
  { id: "naive", name: "naive i-j-k" },
  { id: "ikj", name: "i-k-j" },
  { id: "blocked", name: "4×4 blocked" },
  { id: "nnfs", name: "nnfs (TypeScript)" },
  { id: "simd", name: "nnfs (WebAssembly SIMD)" },
  { id: "ceiling", name: "scalar ceiling (registers only)" },
];

/** Matrix sizes the reader can pick (n × n times n × n). */
export const SIZES = [64, 128, 256, 512, 1024] as const;
export const DEFAULT_SIZE = 256;
/** Above this size the naive loop takes seconds per product, and sits the race out. */
export const NAIVE_MAX = 512;

/** Floating-point operations of an n × n by n × n product. */
export const productFlops = (n: number): number => 2 * n * n * n;

/** Flops of one call of `ceilingLoop`. */
export const CEILING_FLOPS = 16e6;

// ---------------------------------------------------------------- kernels
// Flat row-major n × n matrices; every name in the hot loops is local.

/** c = a·b, row i of a times column j of b. */
export function naive(a: Float32Array, b: Float32Array, c: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += a[i * n + k] * b[k * n + j];
      c[i * n + j] = sum;
    }
  }
}

/** c = a·b in the order i-k-j: row i of c += a[i][k] · row k of b, summed in 64 bits. */
export function ikj(a: Float32Array, b: Float32Array, c: Float32Array, n: number): void {
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    row.fill(0);
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k];
      const bk = k * n;
      for (let j = 0; j < n; j++) row[j] += aik * b[bk + j];
    }
    c.set(row, i * n);
  }
}

/** c = a·b in 4 × 4 tiles held in sixteen locals (n a multiple of 4). */
export function blocked(a: Float32Array, b: Float32Array, c: Float32Array, n: number): void {
  for (let i = 0; i < n; i += 4) {
    const r0 = i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
    for (let j = 0; j < n; j += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let k = 0; k < n; k++) {
        const a0 = a[r0 + k], a1 = a[r1 + k], a2 = a[r2 + k], a3 = a[r3 + k];
        const p = k * n + j;
        const b0 = b[p], b1 = b[p + 1], b2 = b[p + 2], b3 = b[p + 3];
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
        c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
      }
      c[r0 + j] = c00; c[r0 + j + 1] = c01; c[r0 + j + 2] = c02; c[r0 + j + 3] = c03;
      c[r1 + j] = c10; c[r1 + j + 1] = c11; c[r1 + j + 2] = c12; c[r1 + j + 3] = c13;
      c[r2 + j] = c20; c[r2 + j + 1] = c21; c[r2 + j + 2] = c22; c[r2 + j + 3] = c23;
      c[r3 + j] = c30; c[r3 + j + 1] = c31; c[r3 + j + 2] = c32; c[r3 + j + 3] = c33;
    }
  }
}

/** Eight running sums multiplied and added to in registers: CEILING_FLOPS flops, no memory. */
export function ceilingLoop(): number {
  let s0 = 1, s1 = 1, s2 = 1, s3 = 1, s4 = 1, s5 = 1, s6 = 1, s7 = 1;
  const x = 0.999999, y = 1e-6;
  for (let t = 0; t < 1_000_000; t++) {
    s0 = s0 * x + y; s1 = s1 * x + y; s2 = s2 * x + y; s3 = s3 * x + y;
    s4 = s4 * x + y; s5 = s5 * x + y; s6 = s6 * x + y; s7 = s7 * x + y;
  }
  return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
}

/** The largest |x − y| between two results. */
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
  | { type: "finished" }
  | { type: "error"; message: string };

// ---------------------------------------------------------------- state

export type LaneStatus = "waiting" | "running" | "done" | "skipped" | "unavailable";

export interface LaneState {
  id: LaneId;
  name: string;
  status: LaneStatus;
  gflops: number | null;
  /** Why a lane is skipped or unavailable. */
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
  const skipped = id === "naive" && size > NAIVE_MAX;
  return {
    id,
    name,
    status: skipped ? "skipped" : "waiting",
    gflops: null,
    note: skipped ? `left out above ${NAIVE_MAX}: seconds per product` : null,
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
          m.lanes.includes(l.id) || l.status === "skipped"
            ? l
            : { ...l, status: "unavailable", note: l.id === "simd" ? "not in this browser: no WebAssembly SIMD" : "not run" },
        ),
      };
    case "lane":
      return update(s, m.id, { status: "running" });
    case "speed":
      return update(s, m.id, { gflops: m.gflops, status: m.done ? "done" : "running", correct: m.correct ?? null });
    case "finished":
      return { ...s, status: "done" };
    case "error":
      return { ...s, status: "error", message: m.message };
  }
}

// ---------------------------------------------------------------- what the page shows

/** A speed as the bars label it. */
export function formatGflops(v: number): string {
  return `${v >= 100 ? Math.round(v) : Number(v.toPrecision(3))} GFLOP/s`;
}

/** What a lane's row says after its name. */
export function laneText(l: LaneState): string {
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
  const done = s.lanes.filter((l) => l.gflops !== null && l.id !== "ceiling");
  const best = done.reduce<LaneState | null>((b, l) => (b === null || l.gflops! > b.gflops! ? l : b), null);
  return best ? `Done: at ${n} the fastest was ${best.name}, ${formatGflops(best.gflops!)}.` : "Done.";
}
