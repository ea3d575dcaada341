/**
 * The check the islands' tests use for "the page is never blocked"
 * (main-thread.ts) must be able to fail: a task that keeps the page's thread
 * busy is found, and a quiet page has none.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { launch, type Launched } from "./chromium.ts";
import { baseUrl, openPage } from "./pages.ts";
import { BLOCKING_MS, blockingTasks, mainThreadTasks, watchMainThread } from "./main-thread.ts";

let chrome: Launched;
beforeAll(async () => {
  chrome = await launch();
});
afterAll(async () => chrome?.close());

test("a task that computes for about 150 ms of CPU is blocking; a page at rest has no such task", async () => {
  const { page, problems } = await openPage(chrome.browser, baseUrl());
  await watchMainThread(page);
  expect(await blockingTasks(page)).toEqual([]);

  await watchMainThread(page);
  // A fixed amount of work (about 150 ms of CPU on this machine), so that its CPU time does not
  // depend on how long the thread waited for a core; then back to rest.
  const ms = await page.evaluate(() => {
    const start = performance.now();
    let x = 0;
    for (let i = 0; i < 10_000_000; i++) x = (x + Math.sqrt(i)) % 1000;
    return [performance.now() - start, x][0];
  });
  const tasks = await mainThreadTasks(page);
  const busy = tasks.filter((t) => t.cpu > BLOCKING_MS);
  expect(busy).toHaveLength(1);
  // Its CPU time is at most its time by the clock (less when the thread waited for a core).
  expect(busy[0].wall).toBeGreaterThanOrEqual(ms);
  expect(busy[0].cpu).toBeLessThanOrEqual(busy[0].wall);
  console.log(`the busy task: ${busy[0].cpu.toFixed(0)} ms of CPU, ${busy[0].wall.toFixed(0)} ms by the clock`);
  expect(problems).toEqual([]);
  await page.close();
});
