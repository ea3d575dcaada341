/**
 * A cell's timers outlive its code: what they print shows under the cell,
 * marked late. Each timer is remembered with the run that started it, so
 * that while its callback runs, output goes to that run, and so that the
 * cell's next run (or a restart) can cancel what its last run left behind.
 */

export interface RealTimers {
  setTimeout: typeof setTimeout;
  setInterval: typeof setInterval;
  clearTimeout: typeof clearTimeout;
  clearInterval: typeof clearInterval;
}

export class Timers<Owner> {
  private readonly live = new Map<number, { owner: Owner; kind: "timeout" | "interval" }>();
  private readonly real: RealTimers;
  /** Runs `fn` on behalf of `owner` (so its output lands under the owner's cell). */
  private readonly as: (owner: Owner, fn: () => void) => void;

  constructor(real: RealTimers, as: (owner: Owner, fn: () => void) => void) {
    this.real = real;
    this.as = as;
  }

  /** Replaces the scope's timer functions; `owner()` is whoever calls them. */
  install(scope: Record<string, unknown>, owner: () => Owner | null): void {
    const start = (kind: "timeout" | "interval") => (fn: unknown, ms?: number, ...args: unknown[]) => {
      const who = owner();
      const run = () => {
        if (kind === "timeout") this.live.delete(id);
        if (typeof fn !== "function") return;
        if (who === null) fn(...args);
        else this.as(who, () => fn(...args));
      };
      const id = (kind === "timeout" ? this.real.setTimeout(run, ms) : this.real.setInterval(run, ms)) as unknown as number;
      if (who !== null) this.live.set(id, { owner: who, kind });
      return id;
    };
    const clear = (id?: number) => {
      if (id === undefined) return;
      this.live.delete(id);
      this.real.clearTimeout(id);
      this.real.clearInterval(id);
    };
    Object.assign(scope, { setTimeout: start("timeout"), setInterval: start("interval"), clearTimeout: clear, clearInterval: clear });
  }

  /** How many timers `owner` has pending. */
  pending(owner: Owner): number {
    let n = 0;
    for (const t of this.live.values()) if (t.owner === owner) n++;
    return n;
  }

  /** Cancels the timers of every owner `which` picks; returns how many. */
  cancel(which: (owner: Owner) => boolean): number {
    let n = 0;
    for (const [id, t] of this.live) {
      if (!which(t.owner)) continue;
      (t.kind === "timeout" ? this.real.clearTimeout : this.real.clearInterval)(id);
      this.live.delete(id);
      n++;
    }
    return n;
  }
}
