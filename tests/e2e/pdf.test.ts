/** `npm run pdf`: the whole book as one PDF, with a bookmark for every chapter. */
import { expect, test } from "vitest";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { makePdf } from "../../scripts/pdf.ts";
import { E2E_BASE, ROOT } from "./build.ts";
import { chapterFiles } from "../../scripts/chapters.ts";

/** The titles of a PDF's bookmarks (Chromium writes them as literal or UTF-16 hex strings). */
function outlineTitles(pdf: Buffer): string[] {
  const text = pdf.toString("latin1");
  return [...text.matchAll(/\/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]+>)/g)].map(([, s]) => {
    const bytes = s.startsWith("<") ? Buffer.from(s.slice(1, -1), "hex") : Buffer.from(s.slice(1, -1).replace(/\\([()\\])/g, "$1"), "latin1");
    return bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2).swap16().toString("utf16le") : bytes.toString("latin1");
  });
}

test("the PDF has a title page, the contents and every chapter, a bookmark each", async () => {
  const dir = path.join(ROOT, "test-results");
  mkdirSync(dir, { recursive: true });
  const out = await makePdf({ dist: path.join(ROOT, "dist"), base: E2E_BASE, out: path.join(dir, "nnfs-book.pdf") });
  const pdf = readFileSync(out);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const chapters = chapterFiles().map((c) => /^title:\s*"?(.*?)"?\s*$/m.exec(c.source)![1]);
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)?.length ?? 0;
  // A title page, the contents, and each chapter starting a page of its own.
  expect(pages).toBeGreaterThanOrEqual(chapters.length + 2);
  const titles = outlineTitles(pdf);
  expect(titles).toContain("Contents");
  for (const title of chapters) expect(titles, title).toContain(title);
}, 300_000);
