/**
 * Build time: HTML already rendered, by a key that names what it was made
 * from (see Remembered.astro). Every cell's code is highlighted by Shiki on
 * its chapter's page and again on /book/, which holds every chapter; the
 * second time, the first one's HTML is used.
 *
 * The renders run one after the other. Astro renders a page's components
 * side by side, and two first highlights started together (the highlighter
 * loading its grammar for both) gave one of them the wrong light colours.
 */
const rendered = new Map<string, Promise<string>>();
let last: Promise<unknown> = Promise.resolve();

/** The HTML `render` makes for `key`, made once. */
export function remembered(key: string, render: () => Promise<string>): Promise<string> {
  let html = rendered.get(key);
  if (!html) {
    // The dev server renders each edit anew: a bounded memory, not a cache of every version.
    if (rendered.size > 5000) rendered.clear();
    html = last.then(render);
    last = html.catch(() => undefined);
    rendered.set(key, html);
    html.catch(() => rendered.delete(key));
  }
  return html;
}
