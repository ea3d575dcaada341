/**
 * Chapter 1's island, the training session its Web Worker (worker.ts) runs:
 * one network, the reader's points, a budget of steps, and what the page
 * draws after each frame's steps (a snapshot). No timers and no messages
 * here, so the tests drive it step by step; the worker only paces it.
 */
import { createNet, curve, loss, predict, trainStep, type Net, type Point } from "./curve-fit.ts";

/** Steps a change of the points (or a new start) buys before the network rests. */
export const BUDGET = 4000;
/** Below this error the network has fitted the points; it stops early. */
export const DONE = 1e-5;
/**
 * Training steps per frame, and, for a reader who asks for reduced motion,
 * the same steps in a few big jumps (about a sixth of a second) instead of a
 * four-second glide.
 */
export const STEPS_PER_FRAME = 15;
export const STEPS_PER_FRAME_STILL = 400;

export type FitState = "learning" | "resting" | "paused";

/** What the page draws: the curve, the answer at each point, and the readout. */
export interface Snapshot {
  type: "snapshot";
  /** The network's curve across the plot. */
  curve: Point[];
  /** The network's answer at each point's x, in the points' order. */
  fits: number[];
  error: number;
  steps: number;
  state: FitState;
  /** Set once, on the frame the network comes to rest: a sentence for screen readers. */
  announce?: string;
}

/** What the page tells the worker. */
export type ToCurveWorker =
  | { type: "start"; hidden: number[]; seed: number; points: Point[]; running: boolean; reducedMotion: boolean }
  | { type: "network"; hidden: number[]; seed: number }
  | { type: "points"; points: Point[] }
  | { type: "running"; running: boolean };

export class FitSession {
  private net: Net;
  private points: Point[];
  private budget = BUDGET;
  private steps = 0;
  private wasTraining = false;
  running: boolean;

  constructor(hidden: readonly number[], seed: number, points: Point[], running = true) {
    this.net = createNet(hidden, seed);
    this.points = points;
    this.running = running;
  }

  /** A new network (another size, or a new start): its steps count from 0, and it trains. */
  newNetwork(hidden: readonly number[], seed: number): void {
    this.net = createNet(hidden, seed);
    this.steps = 0;
    this.budget = BUDGET;
    this.wasTraining = false;
    this.running = true;
  }

  /** Moved points: a fresh budget of steps to follow them. */
  setPoints(points: Point[]): void {
    this.points = points;
    this.budget = BUDGET;
  }

  /** Whether a frame would train now. */
  get training(): boolean {
    return this.running && this.budget > 0 && loss(this.net, this.points) > DONE;
  }

  /** One frame: up to `perFrame` steps if there is work to do, then what to draw. */
  frame(perFrame: number): Snapshot {
    const training = this.training;
    if (training) {
      const n = Math.min(perFrame, this.budget);
      for (let s = 0; s < n; s++) trainStep(this.net, this.points);
      this.steps += n;
      this.budget -= n;
    }
    const snap = this.snapshot();
    if (!training && this.wasTraining && this.running) {
      snap.announce = `Training paused after ${this.steps} steps; error ${snap.error.toFixed(4)}.`;
    }
    this.wasTraining = training;
    return snap;
  }

  snapshot(): Snapshot {
    const error = loss(this.net, this.points);
    const state: FitState = !this.running ? "paused" : this.budget > 0 && error > DONE ? "learning" : "resting";
    return {
      type: "snapshot",
      curve: curve(this.net),
      fits: this.points.map((p) => predict(this.net, p.x)),
      error,
      steps: this.steps,
      state,
    };
  }
}
