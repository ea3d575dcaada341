/** Accessibility, second share of the pages: chapters 7 on (a11y-checks.ts says what is checked). */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launch, type Launched } from "./chromium.ts";
import { chapterNames, checkPages } from "./a11y-checks.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch();
});
afterAll(async () => chrome?.close());

const later = chapterNames().filter((c) => Number.parseInt(c, 10) > 6);

describe("accessibility (axe-core, WCAG 2 A/AA; keyboard)", () => {
  test("this share is chapters 7 to the last, in order", () => {
    const numbers = later.map((c) => Number.parseInt(c, 10));
    expect(numbers[0]).toBe(7);
    expect(numbers).toEqual(numbers.map((_, i) => 7 + i));
  });

  checkPages(later, () => chrome.browser);
});
