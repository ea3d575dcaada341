/**
 * Social cards: every chapter (and the book) has a committed PNG of 1200×630,
 * made from the card's HTML with the chapter's current number and title.
 * When a title changes, or the card's design does, this fails until
 * `npm run cards` makes the cards again.
 */
import { describe, expect, test } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chapterFiles } from "../../scripts/chapters.ts";
import { cardHtml, cardsFor, frontmatterTitle, sha256, type CardRecord } from "../../src/build/cards.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const records: CardRecord[] = JSON.parse(readFileSync(path.join(ROOT, "src/build/cards.json"), "utf8"));
const cards = cardsFor(chapterFiles("").map((c) => ({ id: c.id, title: frontmatterTitle(c.source) })));

/** Width and height from a PNG's header (IHDR), after checking its signature. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b)) throw new Error("not a PNG file");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe("frontmatterTitle", () => {
  test.each([
    ["---\ntitle: A single neuron\nsummary: x\n---\n", "A single neuron"],
    ['---\ntitle: "Activation: the sigmoid"\n---\n', "Activation: the sigmoid"],
    ["---\nsummary: s\ntitle: 'It''s here'\n---\n", "It's here"],
  ])("%j → %s", (source, title) => expect(frontmatterTitle(source)).toBe(title));
  test("no title is an error that says so", () => expect(() => frontmatterTitle("---\nsummary: s\n---\n")).toThrow(/no title/));
});

describe("social cards", () => {
  test("one card for the book and one for each chapter, numbered from its folder", () => {
    expect(cards[0]).toMatchObject({ name: "book", number: null });
    expect(cards.slice(1).map((c) => c.name)).toEqual(chapterFiles("").map((c) => c.id));
    expect(cards.find((c) => c.name.startsWith("04-"))).toMatchObject({ number: 4, title: "Activation: the sigmoid" });
  });

  test("the card's HTML says the chapter's number and title, escaped, and loads nothing", () => {
    const html = cardHtml({ name: "07-x", number: 7, title: "Less <than> & more" });
    expect(html).toContain("Chapter 7");
    expect(html).toContain("Less &lt;than&gt; &amp; more");
    expect(html).not.toMatch(/https?:|src=|href=|url\(|@import/);
  });

  test("src/build/cards.json lists exactly the cards the book has", () => {
    expect(records.map((r) => r.name)).toEqual(cards.map((c) => c.name));
    const files = readdirSync(path.join(ROOT, "public/cards")).sort();
    expect(files).toEqual(cards.map((c) => `${c.name}.png`).sort());
  });

  test.each(cards.map((c) => [c.name, c] as const))("%s: made from the current title and design, 1200×630", (name, card) => {
    const record = records.find((r) => r.name === name);
    const stale = `public/cards/${name}.png is out of date: run \`npm run cards\``;
    expect(record, stale).toBeDefined();
    expect(record!.title, stale).toBe(card.title);
    expect(record!.html, stale).toBe(sha256(cardHtml(card)));
    const file = path.join(ROOT, "public/cards", `${name}.png`);
    expect(existsSync(file), `${file} is missing: run \`npm run cards\``).toBe(true);
    const png = readFileSync(file);
    expect(sha256(png), `${file} is not the card npm run cards made`).toBe(record!.png);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });
});
