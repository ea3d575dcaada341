/** Accessibility, second share of the pages: chapters 7 on (a11y-checks.ts says what is checked). */
import { afterAll, beforeAll, describe } from "vitest";
import { launch, type Launched } from "./chromium.ts";
import { chapterNames, checkPages } from "./a11y-checks.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch();
});
afterAll(async () => chrome?.close());

describe("accessibility (axe-core, WCAG 2 A/AA; keyboard)", () => {
  checkPages(chapterNames().filter((c) => Number.parseInt(c, 10) > 6), () => chrome.browser);
});
