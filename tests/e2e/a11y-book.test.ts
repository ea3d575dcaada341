/** Accessibility, the whole book on one page, every chapter's cells and islands at once (a11y-checks.ts says what is checked). */
import { afterAll, beforeAll, describe } from "vitest";
import { launch, type Launched } from "./chromium.ts";
import { checkPages } from "./a11y-checks.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch();
});
afterAll(async () => chrome?.close());

describe("accessibility (axe-core, WCAG 2 A/AA; keyboard)", () => {
  checkPages(["book"], () => chrome.browser);
});
