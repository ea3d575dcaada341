import { expect, test } from "vitest";
import { clip, quote, QUOTE_LIMIT } from "../../../../components/islands/shared/quote.ts";

test("short values are quoted whole", () => {
  expect(quote("lr")).toBe('"lr"');
  expect(clip("lr")).toBe("lr");
});

test("a value of 20M characters is cut to its first 200, with its length", () => {
  const long = "k".repeat(20_000_000);
  expect(quote(long)).toBe(`"${"k".repeat(QUOTE_LIMIT)}"… (20,000,000 characters in all)`);
  expect(clip(long, 10)).toBe(`${"k".repeat(10)}… (20,000,000 characters in all)`);
});
