/**
 * Renders the social cards (src/build/cards.ts) with Chromium into
 * public/cards/<name>.png and records them in src/build/cards.json. Run it
 * after changing a chapter's title or the card's design, and commit both:
 *
 *   npm run cards
 *
 * Chromium at /usr/bin/chromium or CHROMIUM_PATH. The build and `npm start`
 * only copy the PNGs; they never need a browser.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { chapterFiles } from "./chapters.ts";
import { CARD_HEIGHT, CARD_WIDTH, cardHtml, cardsFor, frontmatterTitle, sha256, type CardRecord } from "../src/build/cards.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const outDir = path.join(ROOT, "public", "cards");
const cards = cardsFor(chapterFiles("").map((c) => ({ id: c.id, title: frontmatterTitle(c.source) })));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--font-render-hinting=none"],
});
const records: CardRecord[] = [];
try {
  const page = await browser.newPage({ viewport: { width: CARD_WIDTH, height: CARD_HEIGHT }, deviceScaleFactor: 1 });
  // The card's HTML is all there is: nothing may be fetched.
  await page.route("**/*", (route) => route.abort());
  mkdirSync(outDir, { recursive: true });
  for (const card of cards) {
    const html = cardHtml(card);
    await page.setContent(html, { waitUntil: "load" });
    // The title must fit: inside the card, left of the drawing, above the footer.
    const clash = await page.evaluate(() => {
      const box = (s: string) => document.querySelector(s)!.getBoundingClientRect();
      // The title's text itself, not its block (which is as wide as its column).
      const range = document.createRange();
      range.selectNodeContents(document.querySelector("h1")!);
      const title = range.getBoundingClientRect(), kicker = box(".kicker"), footer = box(".footer"), net = box(".net");
      const problems: string[] = [];
      if (kicker.top < 40) problems.push("the title is too tall for the card");
      if (title.bottom > footer.top - 24) problems.push("the title runs into the footer");
      if (title.right > net.left) problems.push("the title runs into the drawing");
      const h1 = document.querySelector("h1")!;
      if (h1.scrollWidth > h1.clientWidth + 1) problems.push("a word of the title is wider than its column");
      return problems;
    });
    if (clash.length) throw new Error(`social card ${card.name} ("${card.title}"): ${clash.join("; ")}`);
    const png = await page.screenshot({ type: "png" });
    writeFileSync(path.join(outDir, `${card.name}.png`), png);
    records.push({ name: card.name, title: card.title, html: sha256(html), png: sha256(png) });
    console.log(`public/cards/${card.name}.png`);
  }
} finally {
  await browser.close();
}
// A card whose chapter is gone goes too.
for (const file of readdirSync(outDir)) if (!records.some((r) => `${r.name}.png` === file)) rmSync(path.join(outDir, file));
writeFileSync(path.join(ROOT, "src", "build", "cards.json"), `${JSON.stringify(records, null, 2)}\n`);
console.log(`${records.length} cards; src/build/cards.json`);
