/**
 * The pages' Content-Security-Policy allows no eval; the code cells still
 * compile the reader's code, in a worker started inside the hidden cell
 * frame, whose policy adds 'unsafe-eval' and nothing else. Reader code there
 * still cannot import from elsewhere.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, openPage } from "./pages.ts";
import { cellAt, run } from "./cell-helpers.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch();
});
afterAll(async () => chrome?.close());

const policy = (html: string) => /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1] ?? "";

test("a chapter page's policy has no 'unsafe-eval'", async () => {
  const { page, problems } = await openPage(chrome.browser, `${baseUrl()}02-a-single-neuron/`);
  const csp = policy(await page.content());
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
  expect(csp).not.toMatch(/'unsafe-eval'/);
  // (An eval run through the test's own evaluate would be let through by the browser's tools: the policy is checked as written.)
  expect(problems.filter((p) => !/unsafe-eval|Content Security Policy/.test(p))).toEqual([]);
  await page.close();
});

test("the cells still run, in the cell frame, and still cannot import from elsewhere", async () => {
  const { page } = await openPage(chrome.browser, `${baseUrl()}02-a-single-neuron/`);
  const cell = cellAt(page, 0);
  await cell.scrollIntoViewIfNeeded();
  const ok = await run(cell, "const f = async (x: number) => x * 2;\nconsole.log(await f(21));");
  expect(ok.output).toBe("42");
  const frame = page.locator("iframe[data-cell-frame]");
  expect(await frame.count()).toBe(1);
  expect(await frame.getAttribute("src")).toBe(`${new URL(baseUrl()).pathname}cell-frame/`);
  const framePolicy = policy(await (await frame.elementHandle())!.contentFrame().then((f) => f!.content()));
  expect(framePolicy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'|script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'/);
  expect(framePolicy).toMatch(/connect-src 'self'/);
  const escape = await run(cell, 'const m = await import("https://example.org/x.js");\nconsole.log(m);');
  expect(escape.state).toBe("error");
  await page.close();
}, 60_000);
