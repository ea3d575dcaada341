/**
 * Chapter 1's island, its Web Worker: the network trains here, never on the
 * page's thread. It runs one frame of steps (session.ts) about sixty times a
 * second while there is work, and sends the page each frame's snapshot to
 * draw; while the network rests or is paused it sleeps until told something.
 */
import { FitSession, STEPS_PER_FRAME, STEPS_PER_FRAME_STILL, type Snapshot, type ToCurveWorker } from "./session.ts";

const scope = self as unknown as { postMessage(m: Snapshot): void; onmessage: ((e: MessageEvent<ToCurveWorker>) => void) | null };
const FRAME_MS = 16;

let session: FitSession | null = null;
let perFrame = STEPS_PER_FRAME;
let timer: ReturnType<typeof setTimeout> | null = null;

function loop(): void {
  timer = null;
  if (!session) return;
  const wasTraining = session.training;
  scope.postMessage(session.frame(perFrame));
  if (wasTraining) timer = setTimeout(loop, FRAME_MS);
}

/** Something changed: draw it now and train on if there is work. */
function wake(): void {
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(loop, 0);
}

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === "start") {
    session = new FitSession(m.hidden, m.seed, m.points, m.running);
    perFrame = m.reducedMotion ? STEPS_PER_FRAME_STILL : STEPS_PER_FRAME;
  } else if (!session) {
    return;
  } else if (m.type === "network") {
    session.newNetwork(m.hidden, m.seed);
  } else if (m.type === "points") {
    session.setPoints(m.points);
  } else if (m.type === "running") {
    session.running = m.running;
  }
  wake();
};
