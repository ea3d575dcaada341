/**
 * The only cell code a chapter page loads up front (a few hundred bytes).
 * It loads the editor and the runtime (chapter.ts) when a reader is about
 * to use a cell: a cell nears the viewport, a pointer or focus enters one, a
 * Run button is pressed, or the page holds saved edits or a shared link.
 * A Run pressed before that has finished runs as soon as it has.
 */
import { KEY_PREFIX } from "./storage.ts";

type Controller = typeof import("./chapter.ts");
let loading: Promise<InstanceType<Controller["ChapterCells"]>> | null = null;

function load() {
  return (loading ??= import("./chapter.ts").then((m) => new m.ChapterCells()));
}

function enhance(el: Element, warm = false) {
  void load().then((book) => {
    book.find(el)?.enhance();
    if (warm) book.runner.warm();
  });
}

function hasSavedEdits(chapter: string | undefined): boolean {
  try {
    for (let i = 0; i < localStorage.length; i++) if (localStorage.key(i)?.startsWith(`${KEY_PREFIX}${chapter}:`)) return true;
  } catch {
    /* storage disabled */
  }
  return false;
}

const cells = document.querySelectorAll<HTMLElement>("[data-cell], [data-exercise]");
if (cells.length) {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        observer.unobserve(e.target);
        enhance(e.target, true);
      }
    },
    { rootMargin: "200px 0px" },
  );
  for (const el of cells) {
    observer.observe(el);
    const first = () => enhance(el);
    el.addEventListener("pointerenter", first, { once: true });
    el.addEventListener("focusin", first, { once: true });
    // Run (or Check) pressed before the runtime is there: load it, then run.
    const run = el.querySelector<HTMLButtonElement>("[data-cell-run]");
    run?.addEventListener("click", function early(event) {
      if (el.hasAttribute("data-enhanced")) return;
      event.stopImmediatePropagation();
      run.removeEventListener("click", early);
      void load().then((book) => {
        const cell = book.find(el);
        cell?.enhance();
        if (cell) void book.run(cell);
      });
    });
  }
  if (/^#(cell|exercise)-\d+=/.test(location.hash) || hasSavedEdits(cells[0].dataset.chapter)) void load();
}
