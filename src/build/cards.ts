/**
 * Social cards: the 1200×630 picture a link to the book shows when it is
 * shared (Open Graph / Twitter). Each chapter has its own, with its number
 * and title; the home page has one for the book. A card is this HTML,
 * rendered once with Chromium by `npm run cards` (scripts/cards.ts) into
 * public/cards/<name>.png and committed, so neither the build nor `npm start`
 * needs a browser. src/build/cards.json records, for each card, the hash of
 * the HTML it came from and of the PNG: tests/site/social-cards.test.ts fails
 * when a chapter's title changed and its card was not made again.
 */
import { createHash } from "node:crypto";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface Card {
  /** The file name without ".png": a chapter's id, or "book" for the book itself. */
  name: string;
  /** The chapter's number, or null for the book's card. */
  number: number | null;
  title: string;
}

export interface CardRecord {
  name: string;
  title: string;
  /** sha256 of the card's HTML. */
  html: string;
  /** sha256 of the PNG. */
  png: string;
}

export const BOOK_TITLE = "Neural Networks from Scratch, in TypeScript";

export const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

/** The cards the book has: the book's, then one per chapter id (`NN-slug`) with its title. */
export function cardsFor(chapters: { id: string; title: string }[]): Card[] {
  return [
    { name: "book", number: null, title: "Neural Networks from Scratch" },
    ...chapters.map((c) => ({ name: c.id, number: Number.parseInt(c.id, 10), title: c.title })),
  ];
}

/** A chapter's title from its frontmatter (`title: …`, quoted or not). */
export function frontmatterTitle(source: string): string {
  const line = /^---\r?\n[\s\S]*?^title:[ \t]*(.+?)[ \t]*$/m.exec(source);
  if (!line) throw new Error("social card: the chapter's frontmatter has no title");
  const raw = line[1];
  if (raw.startsWith('"')) return JSON.parse(raw) as string;
  if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  return raw;
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A small network drawn in the book's accent colour: 3 inputs, 4 hidden, 2 outputs. */
function network(): string {
  const layers = [3, 4, 2].map((n, i) => Array.from({ length: n }, (_, j) => [60 + i * 150, 200 + (j - (n - 1) / 2) * 92] as const));
  const lines = layers.slice(1).flatMap((layer, i) =>
    layer.flatMap(([x2, y2]) => layers[i].map(([x1, y1]) => `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"/>`)),
  );
  const dots = layers.flat().map(([x, y]) => `<circle cx="${x}" cy="${y}" r="22"/>`);
  return `<svg class="net" viewBox="0 0 420 400" width="420" height="400" aria-hidden="true">
<g stroke="#3451b2" stroke-width="3" opacity=".35">${lines.join("")}</g>
<g fill="#fdfcfa" stroke="#3451b2" stroke-width="5">${dots.join("")}</g></svg>`;
}

/** The card's HTML, standalone (no file, font or request outside it). */
export function cardHtml(card: Card): string {
  const kicker = card.number === null ? "An interactive book" : `Chapter ${card.number}`;
  // A long word (Backpropagation) gets a smaller size, so that it fits the column (scripts/cards.ts checks it does).
  const longest = Math.max(...card.title.split(/\s+/).map((w) => w.length));
  const size = Math.min(card.number === null ? 66 : 74, Math.floor(640 / (longest * 0.7)));
  const footer = card.number === null ? "In TypeScript, from one neuron to a network that reads handwriting" : BOOK_TITLE;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(card.title)}</title><style>
html, body { margin: 0; width: ${CARD_WIDTH}px; height: ${CARD_HEIGHT}px; overflow: hidden; }
body { position: relative; background: #fdfcfa; color: #1f2328; font-family: "DejaVu Sans", "Noto Sans", sans-serif; }
.band { position: absolute; inset: 0 auto 0 0; width: 28px; background: #3451b2; }
.text { position: absolute; left: 100px; top: 0; bottom: 0; width: 660px; display: flex; flex-direction: column; justify-content: center; }
.kicker { margin: 0 0 26px; color: #3451b2; font-size: 34px; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; }
h1 { margin: 0; font-family: "DejaVu Serif", Georgia, serif; font-size: ${size}px; line-height: 1.12; font-weight: 700; letter-spacing: -.01em; }
.footer { position: absolute; left: 100px; right: 80px; bottom: 56px; color: #57606a; font-size: 26px; }
.net { position: absolute; right: 20px; top: 90px; }
</style></head>
<body><div class="band"></div>${network()}
<div class="text"><p class="kicker">${escape(kicker)}</p><h1>${escape(card.title)}</h1></div>
<p class="footer">${escape(footer)}</p></body></html>
`;
}
