/**
 * The header's search box: loads Pagefind the first time the reader uses it
 * (the chapter page stays light until then), searches as they type, lists
 * the chapters and sections found, and "/" focuses it from anywhere outside
 * a text field. Results are links, so Tab, Enter and the back button work.
 */
import { isSearchShortcut, statusText, toHits, type PagefindData, type SearchHit } from "./results.ts";

interface Pagefind {
  options(o: { baseUrl: string; excerptLength?: number }): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<PagefindData> }[] } | null>;
}

const MAX_HITS = 8;

function loadPagefind(base: string): Promise<Pagefind> {
  const url = `${base}pagefind/pagefind.js`;
  return import(/* @vite-ignore */ url).then(async (pf: Pagefind) => {
    await pf.options({ baseUrl: base, excerptLength: 18 });
    return pf;
  });
}

function render(list: HTMLOListElement, hits: SearchHit[]): void {
  list.replaceChildren(
    ...hits.map((hit) => {
      const li = document.createElement("li");
      li.className = "search-hit";
      const link = document.createElement("a");
      link.href = hit.url;
      link.className = "search-chapter";
      link.textContent = hit.chapter;
      const excerpt = document.createElement("p");
      excerpt.className = "search-excerpt";
      excerpt.innerHTML = hit.excerpt;
      li.append(link, excerpt);
      if (hit.sections.length) {
        const sections = document.createElement("ol");
        sections.className = "search-sections";
        for (const s of hit.sections) {
          const item = document.createElement("li");
          const a = document.createElement("a");
          a.href = s.url;
          a.textContent = s.title;
          const p = document.createElement("p");
          p.className = "search-excerpt";
          p.innerHTML = s.excerpt;
          item.append(a, p);
          sections.append(item);
        }
        li.append(sections);
      }
      return li;
    }),
  );
}

export function initSearch(root: HTMLElement, base: string): void {
  const input = root.querySelector<HTMLInputElement>("input[type=search]")!;
  const panel = root.querySelector<HTMLElement>("[data-search-panel]")!;
  const status = root.querySelector<HTMLElement>("[data-search-status]")!;
  const list = root.querySelector<HTMLOListElement>("[data-search-list]")!;
  let pagefind: Promise<Pagefind> | null = null;
  let latest = 0;

  const open = (yes: boolean) => {
    panel.hidden = !yes;
  };
  const ensure = () => (pagefind ??= loadPagefind(base));

  const run = async () => {
    const query = input.value;
    const ticket = ++latest;
    if (!query.trim()) {
      list.replaceChildren();
      status.textContent = "";
      open(false);
      return;
    }
    open(true);
    try {
      const pf = await ensure();
      const found = await pf.search(query);
      if (ticket !== latest || !found) return; // a newer query took over
      const data = await Promise.all(found.results.slice(0, MAX_HITS).map((r) => r.data()));
      if (ticket !== latest) return;
      const hits = toHits(data);
      render(list, hits);
      status.textContent = statusText(query, found.results.length);
    } catch {
      pagefind = null;
      list.replaceChildren();
      status.textContent = "Search is not available: its index is built with the book (npm run build).";
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("focus", () => void ensure().catch(() => (pagefind = null)), { once: true });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  root.querySelector("form")!.addEventListener("submit", (e) => {
    e.preventDefault();
    clearTimeout(timer);
    void run().then(() => list.querySelector<HTMLAnchorElement>("a")?.focus());
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" && !panel.hidden) {
      e.preventDefault();
      list.querySelector<HTMLAnchorElement>("a")?.focus();
    }
  });
  root.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !panel.hidden) {
      open(false);
      input.focus();
    }
  });
  // Leaving the search (a click elsewhere, Tab past the results) closes the list.
  root.addEventListener("focusout", (e) => {
    if (!root.contains(e.relatedTarget as Node | null)) open(false);
  });
  input.addEventListener("focus", () => {
    if (input.value.trim() && list.childElementCount) open(true);
  });
  document.addEventListener("keydown", (e) => {
    if (isSearchShortcut(e.key, e.target as HTMLElement | null, e.ctrlKey || e.metaKey || e.altKey)) {
      e.preventDefault();
      input.focus();
      input.select();
    }
  });
  // A link to a section of the page the reader is on: close the list so the heading shows.
  list.addEventListener("click", (e) => {
    if ((e.target as HTMLElement).closest("a")) open(false);
  });
}
