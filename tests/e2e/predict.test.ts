/**
 * "Predict, then run" in the page: the output waits until the cell runs or the
 * reader presses Show me, the answer (the prose marked data-predict-answer)
 * until the reader has guessed, the guess is locked once the answer is out
 * and survives a reload, everything works from the keyboard, and without
 * JavaScript nothing is hidden.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, chapterUrls, checkControl, openPage } from "./pages.ts";
import { cellAt, runAndWait } from "./cell-helpers.ts";
import { axe, report, setTheme } from "./a11y-checks.ts";

let chrome: Launched;
const chapter1 = () => `${baseUrl()}01-why-neural-networks/`;

beforeAll(async () => {
  chrome = await launch({ typeService: "stand-in" }); // the notebook, not types: chromium.ts
});
afterAll(async () => chrome?.close());

describe("predict, then run", () => {
  test("the output is hidden until Show me; the guess and the reveal survive a reload", async () => {
    const { page, problems } = await openPage(chrome.browser, chapter1(), { clean: true });
    const predict = page.locator('[data-predict-id="shifted-plus"]');
    const output = predict.locator(".cell-output");
    const why = page.locator('[data-predict-answer="shifted-plus"]');
    await page.waitForSelector('[data-predict-id="shifted-plus"][data-pending]', { state: "attached" });
    expect(await output.isVisible()).toBe(false);
    expect(await why.isVisible()).toBe(false);

    // The reader chooses with the keyboard: Tab to the group, arrows within it.
    await predict.getByRole("radio", { name: "a plus sign" }).focus();
    await page.keyboard.press("ArrowDown");
    expect(await predict.getByRole("radio", { name: "something else" }).isChecked()).toBe(true);
    expect(await predict.locator("[data-predict-feedback]").textContent()).toContain("Your guess: “something else”");
    expect(await output.isVisible()).toBe(false);

    await predict.getByRole("button", { name: "Show me" }).click();
    expect(await output.isVisible()).toBe(true);
    expect(await why.isVisible()).toBe(true);
    expect(await output.textContent()).toContain("something else");
    expect(await predict.locator("[data-predict-feedback]").textContent()).toBe("You guessed “something else”, and that is what happened: right.");
    expect(await predict.getByRole("button", { name: "Show me" }).isVisible()).toBe(false);

    await page.reload({ waitUntil: "networkidle" });
    await page.waitForFunction(() => document.querySelector('[data-predict-id="shifted-plus"] [data-predict-feedback]')?.textContent === "You guessed “something else”, and that is what happened: right.");
    expect(await predict.getByRole("radio", { name: "something else" }).isChecked()).toBe(true);
    expect(await output.isVisible()).toBe(true);
    expect(await why.isVisible()).toBe(true);
    // A reload cancels what the page was still loading (the cell worker): that is not a problem of the page.
    expect(problems.filter((p) => !p.includes("net::ERR_ABORTED"))).toEqual([]);
    await page.close();
  });

  test("running the cell reveals its output, and a wrong guess is told the answer", async () => {
    const { page } = await openPage(chrome.browser, chapter1(), { clean: true });
    const predict = page.locator('[data-predict-id="shifted-plus"]');
    await page.waitForSelector('[data-predict-id="shifted-plus"][data-pending]', { state: "attached" });
    await checkControl(predict.getByRole("radio", { name: "an error" }));
    await predict.scrollIntoViewIfNeeded();
    await predict.getByRole("button", { name: "Run" }).click();
    await page.waitForSelector('[data-predict-id="shifted-plus"]:not([data-pending])', { state: "attached", timeout: 20_000 });
    await page.waitForFunction(() => document.querySelector('[data-predict-id="shifted-plus"] .cell-output')?.textContent?.includes("something else"), null, { timeout: 20_000 });
    expect(await predict.locator("[data-predict-feedback]").textContent()).toBe("You guessed “an error”; what happened: “something else”.");
    expect(await page.locator('[data-predict-answer="shifted-plus"]').isVisible()).toBe(true);
    await page.close();
  });

  test("after the answer is out the guess is locked: choosing another changes nothing", async () => {
    const { page } = await openPage(chrome.browser, chapter1(), { clean: true });
    const predict = page.locator('[data-predict-id="shifted-plus"]');
    const said = predict.locator("[data-predict-feedback]");
    await page.waitForSelector('[data-predict-id="shifted-plus"][data-pending]', { state: "attached" });
    // The block is far below the top: the text above it is laid out only as it nears the screen
    // (content-visibility), and the cells wake there, so scrolling to it moves it by hundreds of
    // pixels. Bring it near and let its cell wake before aiming at it.
    await predict.scrollIntoViewIfNeeded();
    await predict.locator("[data-cell][data-enhanced]").waitFor();
    await predict.getByRole("button", { name: "Show me" }).click();
    expect(await said.textContent()).toBe("You skipped the guess. What happened: “something else”.");
    for (const name of ["a plus sign", "something else", "an error"]) {
      expect(await predict.getByRole("radio", { name }).isDisabled()).toBe(true);
    }
    // A locked choice cannot pass Playwright's checks (its radio is disabled), so the click is forced,
    // and a forced click is aimed once, without waiting for the page to hold still: the page notes
    // where each click lands, and the test clicks again until one landed on the choice.
    await page.evaluate(() => {
      const w = window as unknown as { landed: string | null };
      w.landed = null;
      document.addEventListener("click", (e) => (w.landed ??= (e.target as Element).closest("label")?.textContent?.trim() ?? "elsewhere"), true);
    });
    for (let attempt = 1; ; attempt++) {
      await page.evaluate(() => ((window as unknown as { landed: string | null }).landed = null));
      await predict.locator("label.predict-choice", { hasText: "something else" }).click({ force: true });
      const landed = await page.evaluate(() => (window as unknown as { landed: string | null }).landed);
      if (landed === "something else") break;
      if (attempt === 3) throw new Error(`the click aimed at the locked choice landed on ${landed} three times`);
    }
    expect(await predict.getByRole("radio", { name: "something else" }).isChecked()).toBe(false);
    expect(await said.textContent()).toBe("You skipped the guess. What happened: “something else”.");
    await page.close();
  });

  test("a later cell running the prediction's cell shows its output but keeps the answer hidden until the guess", async () => {
    const { page } = await openPage(chrome.browser, chapter1(), { clean: true });
    const predict = page.locator('[data-predict-id="shifted-plus"]');
    const why = page.locator('[data-predict-answer="shifted-plus"]');
    const later = cellAt(page, 4);
    await later.scrollIntoViewIfNeeded();
    await runAndWait(later, undefined, 30_000);
    await page.waitForSelector('[data-predict-id="shifted-plus"]:not([data-pending])', { state: "attached", timeout: 20_000 });
    expect(await predict.locator(".cell-output").textContent()).toContain("something else");
    expect(await page.locator('[data-predict-id="shifted-plus"][data-answer-hidden]').count()).toBe(1);
    expect(await why.isVisible()).toBe(false);
    expect(await predict.locator("[data-predict-feedback]").textContent()).toContain("you have not guessed yet");
    // Run all and Run stale re-run it the same way: still no answer without a guess.
    await runAndWait(later, undefined, 30_000);
    expect(await why.isVisible()).toBe(false);
    await checkControl(predict.getByRole("radio", { name: "a plus sign" }));
    await why.waitFor({ state: "visible" });
    expect(await predict.locator("[data-predict-feedback]").textContent()).toBe("You guessed “a plus sign”; what happened: “something else”.");
    expect(await predict.getByRole("radio", { name: "an error" }).isDisabled()).toBe(true);
    await page.close();
  });

  test("the answer of every prediction in the book is hidden before a guess and shown after it", async () => {
    const urls = await chapterUrls(chrome.browser);
    let seen = 0;
    for (const url of urls) {
      const { page } = await openPage(chrome.browser, url, { clean: true });
      await page.waitForSelector("[data-predict] [data-predict-actions]:not([hidden])", { state: "attached" });
      const ids = await page.$$eval("[data-predict]", (els) => els.map((el) => (el as HTMLElement).dataset.predictId!));
      expect(ids.length, url).toBeGreaterThan(0);
      for (const id of ids) {
        const predict = page.locator(`[data-predict-id="${id}"]`);
        const answers = page.locator(`[data-predict-id="${id}"] [data-predict-answer], [data-predict-answer="${id}"]`);
        expect(await answers.count(), `${url} ${id}`).toBeGreaterThan(0);
        for (const a of await answers.all()) expect(await a.isVisible(), `${url} ${id} before`).toBe(false);
        await checkControl(predict.getByRole("radio").first());
        for (const a of await answers.all()) expect(await a.isVisible(), `${url} ${id} after the guess alone`).toBe(false);
        await predict.getByRole("button", { name: "Show me" }).click();
        for (const a of await answers.all()) expect(await a.isVisible(), `${url} ${id} after`).toBe(true);
        seen++;
      }
      await page.close();
    }
    expect(seen).toBeGreaterThanOrEqual(urls.length);
  }, 240_000); // twelve chapters, each loaded twice: over a minute when the machine is busy

  test("the print edition shows every answer: a chapter printed, and the whole-book page", async () => {
    const { page } = await openPage(chrome.browser, chapter1(), { clean: true });
    const why = page.locator('[data-predict-answer="shifted-plus"]');
    await page.waitForSelector('[data-predict-id="shifted-plus"][data-answer-hidden]', { state: "attached" });
    expect(await why.isVisible()).toBe(false);
    await page.emulateMedia({ media: "print" });
    expect(await why.isVisible()).toBe(true);
    expect(await page.locator('[data-predict-id="shifted-plus"] .cell-output').isVisible()).toBe(true);
    await page.goto(`${baseUrl()}book/`, { waitUntil: "networkidle" });
    await page.emulateMedia({ media: "screen" });
    await page.waitForSelector("[data-predict] [data-predict-actions]:not([hidden])", { state: "attached" });
    const answers = page.locator("[data-predict-answer]");
    expect(await answers.count()).toBeGreaterThanOrEqual(12);
    expect(await answers.evaluateAll((els) => els.filter((el) => el.hasAttribute("data-predict-hidden")).length)).toBe(0);
    await page.close();
  });

  test("a prediction has no accessibility violation with its output shown and the answer waiting, nor once locked, in light and dark", async () => {
    const { page } = await openPage(chrome.browser, chapter1(), { clean: true });
    const predict = page.locator('[data-predict-id="shifted-plus"]');
    const later = cellAt(page, 4);
    await later.scrollIntoViewIfNeeded();
    await runAndWait(later, undefined, 30_000);
    await page.waitForSelector('[data-predict-id="shifted-plus"][data-answer-hidden]:not([data-pending])', { state: "attached" });
    const problems: string[] = [];
    const scan = async (what: string) => {
      // Every rule in one theme, the colour rules (all a theme changes) in the other.
      for (const theme of ["light", "dark"] as const) {
        await setTheme(page, theme);
        const found = await axe(page, { colours: theme === "dark" });
        if (found.length) problems.push(report(`${what} (${theme})`, found));
      }
    };
    await scan("output shown, answer waiting");
    await checkControl(predict.getByRole("radio", { name: "something else" }));
    await page.locator('[data-predict-answer="shifted-plus"]').waitFor({ state: "visible" });
    await scan("locked");
    expect(problems.join("\n")).toBe("");
    await page.close();
  });

  test("without JavaScript the question and the output are both there", async () => {
    const noScript = await chrome.browser.browser()!.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(chapter1(), { waitUntil: "load" });
    const predict = page.locator('[data-predict-id="shifted-plus"]');
    expect(await predict.getByRole("radio").count()).toBe(3);
    expect(await predict.locator(".cell-output").isVisible()).toBe(true);
    expect(await page.locator('[data-predict-answer="shifted-plus"]').isVisible()).toBe(true);
    expect(await predict.getByRole("button", { name: "Show me" }).isVisible()).toBe(false);
    await noScript.close();
  });
});
