/**
 * A cell worker that lives in the cell frame (frame-host.ts), seen from the
 * page as a Worker: postMessage, terminate, and "message" and "error" events.
 * Messages go through a MessageChannel; they wait in the channel until the
 * frame has started the worker. One hidden frame serves every worker of the page.
 */

/** What the page tells the frame, and the frame the page. */
export type ToFrame = { type: "start"; id: number } | { type: "terminate"; id: number };
export type FromFrame = { type: "frame-ready" };
/** On a worker's channel, from the frame: the worker failed (its error event). */
export type WorkerFailed = { frameWorkerError: string };

let frame: Promise<Window> | null = null;
let nextId = 1;

/** The hidden frame, added once, resolved when its script listens. */
function cellFrame(src: string): Promise<Window> {
  frame ??= new Promise<Window>((resolve, reject) => {
    const el = document.createElement("iframe");
    el.src = src;
    el.hidden = true;
    el.tabIndex = -1;
    el.title = "The code cells' worker";
    el.setAttribute("aria-hidden", "true");
    el.dataset.cellFrame = "";
    addEventListener("message", function ready(e: MessageEvent<FromFrame>) {
      if (e.source !== el.contentWindow || e.origin !== location.origin || e.data?.type !== "frame-ready") return;
      removeEventListener("message", ready);
      resolve(el.contentWindow!);
    });
    el.addEventListener("error", () => reject(new Error("the cell frame could not be loaded")));
    document.body.append(el);
  });
  return frame;
}

type Listener = (event: Event) => void;

export class FramedWorker {
  private readonly port: MessagePort;
  private readonly id = nextId++;
  private readonly listeners = new Map<string, Set<Listener>>();
  private ended = false;
  private readonly frame: Promise<Window>;

  private readonly control: MessagePort;

  constructor(src: string) {
    // `direct` joins the page and the worker; `control` the page and the frame
    // (what the worker says before it has its port, and its errors).
    const direct = new MessageChannel();
    const control = new MessageChannel();
    this.port = direct.port1;
    this.control = control.port1;
    const deliver = (e: MessageEvent) => {
      const failed = (e.data as WorkerFailed | null)?.frameWorkerError;
      if (typeof failed === "string") this.emit("error", Object.assign(new Event("error", { cancelable: true }), { message: failed }));
      else this.emit("message", new MessageEvent("message", { data: e.data }));
    };
    this.port.onmessage = deliver;
    this.control.onmessage = deliver;
    this.frame = cellFrame(src);
    this.frame.then(
      (w) => {
        if (!this.ended) w.postMessage({ type: "start", id: this.id } satisfies ToFrame, location.origin, [direct.port2, control.port2]);
      },
      (err: Error) => this.emit("error", Object.assign(new Event("error", { cancelable: true }), { message: err.message })),
    );
  }

  postMessage(message: unknown): void {
    if (!this.ended) this.port.postMessage(message);
  }

  terminate(): void {
    if (this.ended) return;
    this.ended = true;
    this.port.close();
    this.control.close();
    void this.frame.then((w) => w.postMessage({ type: "terminate", id: this.id } satisfies ToFrame, location.origin), () => {});
  }

  addEventListener(type: string, listener: Listener): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }

  private emit(type: string, event: Event): void {
    if (this.ended) return;
    for (const l of this.listeners.get(type) ?? []) l(event);
  }
}
