/** The curve-fit island's training session (components/islands/curve-fit/session.ts), frame by frame. */
import { describe, expect, test } from "vitest";
import { BUDGET, DONE, FitSession, STEPS_PER_FRAME } from "../../../components/islands/curve-fit/session.ts";
import { createNet, curve, loss, preset, train } from "../../../components/islands/curve-fit/curve-fit.ts";

const wave = preset("wave");

describe("FitSession", () => {
  test("a frame trains the same steps as the plain loop, and says what to draw", () => {
    const session = new FitSession([3], 1, wave);
    const first = session.frame(STEPS_PER_FRAME);
    const net = createNet([3], 1);
    train(net, wave, STEPS_PER_FRAME);
    expect(first.steps).toBe(STEPS_PER_FRAME);
    expect(first.error).toBeCloseTo(loss(net, wave), 12);
    expect(first.curve).toEqual(curve(net));
    expect(first.fits).toHaveLength(wave.length);
    expect(first.state).toBe("learning");
  });

  test("paused: frames do not train, and the state says paused", () => {
    const session = new FitSession([3], 1, wave);
    session.frame(STEPS_PER_FRAME);
    session.running = false;
    const a = session.frame(STEPS_PER_FRAME);
    const b = session.frame(STEPS_PER_FRAME);
    expect(a.steps).toBe(STEPS_PER_FRAME);
    expect(b.steps).toBe(STEPS_PER_FRAME);
    expect(b.state).toBe("paused");
    expect(session.training).toBe(false);
  });

  test("a new network while paused trains: it starts from step 0 and is not paused", () => {
    const session = new FitSession([3], 1, wave);
    session.frame(STEPS_PER_FRAME);
    session.running = false;
    session.newNetwork([3], 2);
    expect(session.running).toBe(true);
    const next = session.frame(STEPS_PER_FRAME);
    expect(next.steps).toBe(STEPS_PER_FRAME);
    expect(next.state).toBe("learning");
  });

  test("the budget runs out: the network rests, and the frame it comes to rest announces it once", () => {
    const session = new FitSession([1], 1, wave);
    const frames = Array.from({ length: BUDGET / 400 + 2 }, () => session.frame(400));
    expect(frames.at(-2)!.state).toBe("resting");
    expect(frames.at(-2)!.steps).toBe(BUDGET);
    expect(frames.at(-2)!.announce).toMatch(/^Training paused after 4000 steps; error \d\.\d{4}\.$/);
    expect(frames.at(-1)!.announce).toBeUndefined();
    expect(frames.at(-1)!.steps).toBe(BUDGET);
    // Moved points buy a new budget.
    session.setPoints(preset("line"));
    expect(session.frame(400).steps).toBe(BUDGET + 400);
  });

  test("a big network fits the wave and stops early, below DONE", () => {
    const session = new FitSession([16], 1, wave);
    let last = session.frame(400);
    for (let k = 0; k < BUDGET / 400 && last.state === "learning"; k++) last = session.frame(400);
    expect(last.error).toBeLessThan(1e-3);
    if (last.state === "resting" && last.steps < BUDGET) expect(last.error).toBeLessThanOrEqual(DONE);
  });
});
