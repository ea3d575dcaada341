/**
 * The search index is made from the pages that mark a body to index
 * (data-pagefind-body): the others are not handed to Pagefind at all.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { buildSearchIndex, searchablePages } from "../../src/build/search-index.ts";

const dir = mkdtempSync(path.join(tmpdir(), "nnfs-search-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = (body: boolean, text: string) =>
  `<!doctype html><html lang="en"><head><title>${text}</title></head><body><main${body ? " data-pagefind-body" : ""}><p>${text}</p></main></body></html>`;

test("only the pages with a body to index are indexed, and found", async () => {
  mkdirSync(path.join(dir, "01-first"));
  mkdirSync(path.join(dir, "book"));
  writeFileSync(path.join(dir, "01-first", "index.html"), page(true, "weighted sum of the inputs"));
  writeFileSync(path.join(dir, "book", "index.html"), page(false, "weighted sum, the whole book"));
  writeFileSync(path.join(dir, "index.html"), page(false, "contents"));
  expect(searchablePages(dir)).toEqual(["01-first/index.html"]);
  expect(await buildSearchIndex(dir)).toBe(1);
  const entry = JSON.parse(readFileSync(path.join(dir, "pagefind", "pagefind-entry.json"), "utf8"));
  expect(entry.languages.en.page_count).toBe(1);
}, 60_000);

test("a folder without such a page is an error that says so", async () => {
  const empty = mkdtempSync(path.join(tmpdir(), "nnfs-search-empty-"));
  writeFileSync(path.join(empty, "index.html"), page(false, "contents"));
  await expect(buildSearchIndex(empty)).rejects.toThrow(/no chapter page \(data-pagefind-body\)/);
  rmSync(empty, { recursive: true, force: true });
}, 60_000);
