/**
 * Worker messages arrive up to a hundred times a second; the page takes them
 * in ten times a second. A `Batcher` collects items and hands them over
 * together, at most once per `ms`.
 */
export interface TimerFns {
  setTimeout(f: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export class Batcher<T> {
  private items: T[] = [];
  private timer: unknown = null;
  private readonly deliver: (items: T[]) => void;
  private readonly ms: number;
  private readonly timers: TimerFns;

  constructor(
    deliver: (items: T[]) => void,
    ms = 100,
    timers: TimerFns = {
      setTimeout: (f, ms) => globalThis.setTimeout(f, ms),
      clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
    },
  ) {
    this.deliver = deliver;
    this.ms = ms;
    this.timers = timers;
  }

  /** Queues an item; the queue is delivered `ms` after the first item since the last delivery. */
  push(item: T): void {
    this.items.push(item);
    if (this.timer === null) this.timer = this.timers.setTimeout(() => this.flush(), this.ms);
  }

  /** Delivers what is queued now (nothing if the queue is empty). */
  flush(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    const items = this.items;
    this.items = [];
    if (items.length) this.deliver(items);
  }

  /** Drops what is queued, undelivered. */
  clear(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.items = [];
  }

  get size(): number {
    return this.items.length;
  }
}
