/**
 * Links shared to a chapter show its card: every page of the built book has
 * og:title, og:description and og:image, and the image is a PNG of 1200×630
 * that the site serves (a chapter's own card, with its title). Plain HTTP
 * against the served build: no browser is needed to read meta tags.
 */
import { expect, test } from "vitest";
import { baseUrl } from "./pages.ts";
import { chapterFiles } from "../../scripts/chapters.ts";
import { frontmatterTitle } from "../../src/build/cards.ts";

/** The content of each <meta property|name=…> of a page, by its property or name. */
function metaTags(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const [tag] of html.matchAll(/<meta\s[^>]*>/g)) {
    const key = /\s(?:property|name)="([^"]+)"/.exec(tag)?.[1];
    const content = /\scontent="([^"]*)"/.exec(tag)?.[1];
    if (key && content !== undefined) tags.set(key, content.replace(/&amp;/g, "&").replace(/&#39;/g, "'").replace(/&quot;/g, '"'));
  }
  return tags;
}

const chapters = chapterFiles("").map((c) => ({ path: `${c.id}/`, card: `${c.id}.png`, title: frontmatterTitle(c.source), number: Number.parseInt(c.id, 10) }));
const pages = [
  { path: "", card: "book.png" },
  ...chapters,
  { path: "progress/", card: "book.png" },
  { path: "book/", card: "book.png" },
];

test.each(pages)("/$path: og:title, og:description, og:image of 1200×630 ($card)", async (page) => {
  const url = `${baseUrl()}${page.path}`;
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const meta = metaTags(await response.text());
  expect(meta.get("og:title")?.length, `${url}: og:title`).toBeGreaterThan(0);
  expect(meta.get("og:description")?.length, `${url}: og:description`).toBeGreaterThan(20);
  expect(meta.get("description")).toBe(meta.get("og:description"));
  if ("number" in page) expect(meta.get("og:title")).toBe(`${page.number}. ${page.title} · Neural Networks from Scratch`);
  expect(meta.get("twitter:card")).toBe("summary_large_image");
  const image = new URL(meta.get("og:image") ?? "", url);
  expect(image.pathname.endsWith(`/cards/${page.card}`), `${url}: og:image is ${image}`).toBe(true);
  expect([meta.get("og:image:width"), meta.get("og:image:height")]).toEqual(["1200", "630"]);
  const png = await fetch(image);
  expect(png.status, `${image}`).toBe(200);
  expect(png.headers.get("content-type")).toBe("image/png");
  const bytes = new Uint8Array(await png.arrayBuffer());
  expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");
  const view = new DataView(bytes.buffer);
  expect([view.getUint32(16), view.getUint32(20)]).toEqual([1200, 630]);
});
