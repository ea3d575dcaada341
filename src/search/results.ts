/**
 * What the header's search shows, from what Pagefind returns: one entry per
 * chapter (its number and title), the sections of it that match (each a link
 * to its heading) and short excerpts with the matched words marked.
 */

/** The part of a Pagefind result this book uses (pagefind.js, `result.data()`). */
export interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: { title: string; url: string; excerpt: string }[];
}

export interface SearchSection {
  title: string;
  url: string;
  /** HTML: text with <mark> around the words found, nothing else. */
  excerpt: string;
}

export interface SearchHit {
  /** "4. Activation: the sigmoid" */
  chapter: string;
  url: string;
  excerpt: string;
  sections: SearchSection[];
}

/**
 * Keeps Pagefind's <mark> tags and drops every other tag, so an excerpt can
 * be shown as HTML. Its text is already escaped by Pagefind (`&lt;`).
 */
export function safeExcerpt(html: string): string {
  return html.replace(/<(\/?)([a-z]+)[^>]*>/gi, (tag, close: string, name: string) => (name.toLowerCase() === "mark" ? `<${close}mark>` : ""));
}

/** Pagefind's URLs end in `/index.html` unless told otherwise; the site's links end in `/`. */
function cleanUrl(url: string): string {
  return url.replace(/\/index\.html(?=#|$)/, "/");
}

/**
 * The hits to show, best first. A page's sub-results are its sections; the
 * first one is the page itself (before any heading), which the chapter link
 * already covers, so it is dropped when it has no heading anchor.
 */
export function toHits(data: PagefindData[], sectionsPerHit = 3): SearchHit[] {
  return data.map((d) => {
    const url = cleanUrl(d.url);
    const sections = (d.sub_results ?? [])
      .filter((s) => s.url.includes("#"))
      .slice(0, sectionsPerHit)
      .map((s) => ({ title: s.title, url: cleanUrl(s.url), excerpt: safeExcerpt(s.excerpt) }));
    return { chapter: d.meta.title ?? url, url, excerpt: safeExcerpt(d.excerpt), sections };
  });
}

/** What the search's status line says. */
export function statusText(query: string, hits: number): string {
  if (!query.trim()) return "";
  if (hits === 0) return `Nothing in the book matches “${query.trim()}”.`;
  return `${hits} ${hits === 1 ? "chapter matches" : "chapters match"} “${query.trim()}”.`;
}

/** Whether a key press should move the focus to the search box: "/" outside any field the reader types in. */
export function isSearchShortcut(key: string, target: { tagName?: string; isContentEditable?: boolean } | null, modifiers = false): boolean {
  if (key !== "/" || modifiers) return false;
  if (!target) return true;
  const tag = (target.tagName ?? "").toUpperCase();
  return !(tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable === true);
}
