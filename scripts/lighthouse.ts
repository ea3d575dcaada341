/**
 * Lighthouse (pinned in package.json) against the built book, with the
 * machine's Chromium, at Lighthouse's phone settings (a mid-range phone,
 * throttled network and CPU): the four scores of every page.
 *
 *   npm run lighthouse              # builds the book first
 *   node scripts/lighthouse.ts      # against an existing dist/
 *   node scripts/lighthouse.ts 03 progress   # only the pages whose path starts so ("" is the home page)
 *
 * Each page's full report goes to test-results/lighthouse/<page>.json, for
 * reading the audits behind a score.
 */
import { readdirSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { serve } from "./serve.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const dist = path.join(ROOT, "dist");
const reports = path.join(ROOT, "test-results", "lighthouse");
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

/** The home page, every chapter and the progress page (the one-page book is for printing). */
function pages(): string[] {
  const chapters = readdirSync(dist).filter((d) => /^\d\d-/.test(d) && existsSync(path.join(dist, d, "index.html")));
  const all = ["", ...chapters.sort().map((c) => `${c}/`), "progress/"];
  const only = process.argv.slice(2);
  return only.length ? all.filter((p) => only.some((o) => (o === "" ? p === "" : p.startsWith(o)))) : all;
}

const { server, url } = await serve({ root: dist, port: 0 });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
const rows: string[][] = [];
try {
  for (const page of pages()) {
    const result = await lighthouse(`${url}${page}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
    const lhr = result!.lhr;
    mkdirSync(reports, { recursive: true });
    writeFileSync(path.join(reports, `${page.replace(/\/$/, "") || "home"}.json`), JSON.stringify(lhr));
    const score = (c: string) => String(Math.round((lhr.categories[c]?.score ?? 0) * 100));
    const lcp = lhr.audits["largest-contentful-paint"]?.displayValue ?? "";
    const row = [`/${page}`, ...CATEGORIES.map(score), lcp];
    rows.push(row);
    console.log(row.join("\t"));
  }
} finally {
  await chrome.kill();
  await new Promise((resolve) => server.close(resolve));
}
console.log("\n| page | performance | accessibility | best practices | SEO | largest paint |\n| --- | --- | --- | --- | --- | --- |");
for (const r of rows) console.log(`| \`${r[0]}\` | ${r.slice(1).join(" | ")} |`);
