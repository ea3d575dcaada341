/**
 * Chapter 3 (explained in chapter 6): a seeded random number generator. A new
 * `Dense` layer of chapter 3 draws its starting weights from one; chapter 6
 * shows it. `Math.random` gives different numbers on every run; the book wants
 * every number it prints to be the one the reader gets, so everything random in
 * the library (initial weights, shuffling) draws from a `Random` with a seed.
 *
 * The generator is mulberry32: 32 bits of state, a handful of integer operations
 * per number, and good enough statistics for initialising and shuffling.
 */

/**
 * A seeded generator of uniform, normal and integer random numbers. The same
 * seed always gives the same sequence.
 *
 * @chapter 6
 * @example
 * const rng = new Random(42);
 * rng.next();      // a number in [0, 1), the same one every run
 * rng.normal();    // a standard normal sample
 * rng.int(10);     // a whole number in 0…9
 */
export class Random {
  private state: number;
  private spare: number | undefined = undefined;

  /** @param seed any whole number; the same seed, the same sequence. */
  constructor(seed = 0) {
    if (!Number.isFinite(seed)) throw new RangeError(`Random: seed is ${String(seed)}, not a finite number`);
    this.state = seed >>> 0;
  }

  /**
   * A uniform number in [0, 1) (mulberry32).
   *
   * @example
   * new Random(1).next(); // 0.6270739405881613
   */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /**
   * A uniform number in [lo, hi).
   *
   * @example
   * new Random(1).uniform(-1, 1); // in [-1, 1)
   */
  uniform(lo = 0, hi = 1): number {
    if (!Number.isFinite(lo + hi)) notFinite("Random.uniform", { lo, hi });
    return lo + (hi - lo) * this.next();
  }

  /**
   * A normal (Gaussian) sample with the given mean and standard deviation
   * (Box–Muller; the second value of each pair is kept for the next call).
   *
   * @example
   * new Random(1).normal(0, 0.01); // a small number near 0
   */
  normal(mean = 0, std = 1): number {
    if (!Number.isFinite(mean + std)) notFinite("Random.normal", { mean, std });
    let z: number;
    if (this.spare !== undefined) {
      z = this.spare;
      this.spare = undefined;
    } else {
      let u = 0;
      while (u === 0) u = this.next(); // log(0) would be -Infinity
      const v = this.next();
      const radius = Math.sqrt(-2 * Math.log(u));
      z = radius * Math.cos(2 * Math.PI * v);
      this.spare = radius * Math.sin(2 * Math.PI * v);
    }
    return mean + std * z;
  }

  /**
   * A whole number in 0…n−1, each equally likely.
   *
   * @example
   * new Random(1).int(6); // one roll of a die, minus one
   */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0) throw new RangeError(`Random.int: n must be a whole number > 0, got ${n}`);
    return Math.floor(this.next() * n);
  }

  /**
   * Shuffles `array` in place (Fisher–Yates) and returns it.
   *
   * @example
   * new Random(1).shuffle([1, 2, 3, 4]); // the same order every run
   */
  shuffle<T extends { length: number; [i: number]: unknown }>(array: T): T {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = array[i];
      array[i] = array[j];
      array[j] = tmp;
    }
    return array;
  }

  /**
   * The numbers 0…n−1 in a random order.
   *
   * @example
   * new Random(1).permutation(5); // e.g. Int32Array [3, 0, 4, 1, 2]
   */
  permutation(n: number): Int32Array {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Random.permutation: n must be a whole number ≥ 0, got ${n}`);
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    return this.shuffle(p);
  }
}

// Throws "op: name is NaN, not a finite number" for the first argument that is
// not finite. Called when their sum is not finite: then one is, or the sum overflowed (no throw).
function notFinite(op: string, args: Record<string, number>): void {
  for (const [name, x] of Object.entries(args)) {
    if (!Number.isFinite(x)) throw new RangeError(`${op}: ${name} is ${String(x)}, not a finite number`);
  }
}
