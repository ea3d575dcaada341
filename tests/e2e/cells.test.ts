/**
 * Code cells in the browser: edit → Run → output, shortcuts, notebook
 * semantics, every failure case of issue 4, saved edits, Reset, shared
 * links, exercises, and the page's Content-Security-Policy. One browser for
 * the file; most tests share one chapter page and rewrite a cell's code.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launch, type Launched } from "./chromium.ts";
import { E2E_BASE } from "./build.ts";
import { chapterUrls, openPage, type WatchedPage } from "./pages.ts";
import { cellAt, editorCode, editSaved, fresh as freshPage, read, run, runAndWait, setCode } from "./cell-helpers.ts";
import { shareHash } from "../../components/cell/page/share.ts";
import { outputMatches } from "../../components/cell/notebook/output-form.ts";

let chrome: Launched;
let chapters: string[];
let neuron: string; // chapter 2: its cells are quick
let shared: WatchedPage;

const fresh = (url: string) => freshPage(chrome, url);

beforeAll(async () => {
  chrome = await launch({ typeService: "stand-in" }); // the notebook, not types: chromium.ts
  chapters = await chapterUrls(chrome.browser);
  neuron = chapters.find((u) => u.includes("/02-"))!;
  shared = await openPage(chrome.browser, neuron);
  shared.page.on("dialog", (d) => void d.accept());
});
afterAll(async () => chrome?.close());

describe("running a cell", () => {
  test("every cell of every quick chapter prints in the page exactly what the book shows under it", async () => {
    for (const url of chapters) {
      const { page, problems } = await fresh(url);
      const cells = page.locator("[data-cell]");
      const n = await cells.count();
      if (!n) {
        await page.close();
        continue;
      }
      // Training cells (timeout=…) are left to the Node tests.
      const timeouts = await cells.evaluateAll((els) => els.map((el) => el.hasAttribute("data-timeout")));
      const last = timeouts.includes(true) ? timeouts.indexOf(true) - 1 : n - 1;
      if (last < 0) {
        await page.close();
        continue;
      }
      // What is checked here is the output, not the time limit (tested below): a cell that does a lot
      // (chapter 12 times a product of 1024 × 1024 matrices) gets a minute, so a busy machine cannot end it.
      await cells.evaluateAll((els, last) => els.slice(0, last + 1).forEach((el) => ((el as HTMLElement).dataset.timeout = "60000")), last);
      const book = await cells.evaluateAll((els) => els.map((el) => el.querySelector("[data-cell-output] code")?.textContent ?? null));
      const forms = await cells.evaluateAll((els) => els.map((el) => el.hasAttribute("data-output-form")));
      const result = await runAndWait(cells.nth(last), () => cells.nth(last).getByRole("button", { name: "Run" }).click(), 60_000);
      if (last > 0) expect(result.status, url).toMatch(/^Ran cells? 1\b.* first/);
      const shown = await cells.evaluateAll((els) => els.map((el) => el.querySelector("[data-cell-output] code")?.textContent ?? null));
      for (let i = 0; i <= last; i++) {
        if (book[i] === null) expect(shown[i] ?? "", `${url} cell ${i + 1} prints but the book shows no output`).toBe("");
        else if (forms[i]) expect(outputMatches(shown[i] ?? "", [{ text: book[i]!, form: true }]), `${url} cell ${i + 1}: ${shown[i]}`).toBe(true);
        else expect(shown[i], `${url} cell ${i + 1}`).toBe(book[i]);
      }
      expect(problems, url).toEqual([]);
      await page.close();
    }
  }, 300_000); // every chapter's page, one after another

  test("edit → Run shows the new output, marks the cell edited, and streams long runs", async () => {
    const { page } = shared;
    const cell = cellAt(page, 0);
    const r = await run(cell, 'const xs = [1, 2, 3];\nconsole.log(xs.map((x) => x * 2), "done");');
    expect(r).toMatchObject({ output: "[2, 4, 6] done", state: "ok" });
    expect(r.status).toMatch(/^Ran in \d+ ms/);
    await expect(cell.locator("[data-cell-edited]").isVisible()).resolves.toBe(true);
    // Streaming: the first line shows while the cell is still busy. The cell runs until Stop, so
    // the line can only have come from a run in progress, however slow the machine (a busy loop
    // of 1.5 s raced a 1.2 s wait for the line under load).
    await setCode(cell, 'console.log("first");\nwhile (true) {}');
    await cell.evaluate((el) => (el.dataset.timeout = "60000"));
    await cell.evaluate((el) => el.removeAttribute("data-state"));
    await cell.getByRole("button", { name: "Run" }).click();
    await cell.locator("[data-cell-output] code", { hasText: "first" }).waitFor();
    expect(await cell.getAttribute("data-state")).toBe("running");
    const stopped = await runAndWait(cell, () => cell.getByRole("button", { name: "Stop" }).click());
    expect(stopped.output).toBe("first\nStopped.");
    await cell.evaluate((el) => delete el.dataset.timeout);
  });

  test("Ctrl+Enter runs; Shift+Enter runs and moves to the next cell", async () => {
    const { page } = shared;
    const cell = cellAt(page, 0);
    await setCode(cell, "console.log(6 * 7);");
    expect((await runAndWait(cell, () => page.keyboard.press("Control+Enter"))).output).toBe("42");
    await setCode(cell, "console.log(6 * 8);");
    expect((await runAndWait(cell, () => page.keyboard.press("Shift+Enter"))).output).toBe("48");
    await expect(cellAt(page, 1).locator(".cm-editor.cm-focused").count()).resolves.toBe(1);
  });

  test("the editor completes nnfs exports, matches brackets and undoes", async () => {
    const { page } = shared;
    const cell = cellAt(page, 0);
    await setCode(cell, "const m = matm");
    await page.keyboard.press("Control+Space");
    const options = cell.locator(".cm-tooltip-autocomplete li");
    await options.first().waitFor();
    expect(await options.allTextContents()).toContainEqual(expect.stringMatching(/^matmul/));
    await page.keyboard.press("Escape");
    await page.keyboard.type("ul(");
    expect(await cell.locator(".cm-line").last().textContent()).toBe("const m = matmul()");
    expect(await cell.locator(".cm-matchingBracket").count()).toBeGreaterThan(0);
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+z");
    expect(await cell.locator(".cm-line").last().textContent()).not.toBe("const m = matmul()");
  });

  test("notebook: a cell sees the names above it (their current code), and Run runs un-run cells above first", async () => {
    const { page, problems } = await fresh(neuron);
    await setCode(cellAt(page, 0), "const shared = 40;");
    await setCode(cellAt(page, 1), "let more = 1;");
    const r = await run(cellAt(page, 2), "console.log(shared + more + 1);");
    expect(r.output).toBe("42");
    expect(r.status).toMatch(/^Ran cells 1 and 2 first: this cell uses what they define\. Ran in \d+ ms\.$/);
    expect(await cellAt(page, 0).locator("[data-cell-status]").textContent()).toMatch(/Ran to prepare Cell 3/);
    expect(await page.locator("[data-cell][data-ran]").count()).toBe(3);
    // What runs is the code on the screen: cell 1, edited since it ran, runs again first.
    await setCode(cellAt(page, 0), "const shared = 0;");
    const again = await runAndWait(cellAt(page, 2));
    expect(again.output).toBe("2");
    expect(again.status).toMatch(/^Ran cell 1 first: this cell uses what it defines\./);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("Run pressed before the editor and the worker have loaded runs once they have", async () => {
    const { page: blank } = await fresh(neuron);
    await blank.close();
    const page = await chrome.browser.newPage();
    // The cells' runtime is held back until Run has been pressed, however long the page takes to get there.
    let release = () => {};
    const pressed = new Promise<void>((r) => (release = r));
    await page.route(/\/chapter\.[\w-]+\.js$/, async (route) => {
      await pressed;
      await route.continue();
    });
    await page.goto(neuron, { waitUntil: "domcontentloaded" });
    const cell = cellAt(page, 0);
    await cell.locator("[data-cell-run]").waitFor();
    expect(await cell.getAttribute("data-enhanced")).toBeNull();
    const book = await cell.locator("[data-cell-output] code").textContent();
    const r = await runAndWait(cell, async () => {
      await cell.locator("[data-cell-run]").click();
      expect(await cell.getAttribute("data-enhanced")).toBeNull();
      release();
    });
    expect(r.state).toBe("ok");
    expect(r.output).toBe(book);
    // The output is this run's, not the book's text left in place: Run marked it live and said how long it took.
    expect(await cell.locator("[data-cell-output]").getAttribute("data-live")).toBe("");
    expect(r.status).toMatch(/^Ran in \d+ ms\.$/);
    await page.close();
  });

  test("loadMnist reads the book's digits in the worker", async () => {
    const r = await run(cellAt(shared.page, 0), 'import { loadMnist, showDigit } from "nnfs";\nconst mnist = await loadMnist();\nconsole.log(mnist.train.X.rows, mnist.train.X.cols);');
    expect(r.output).toBe("8000 784");
  });

  test("pictures: plot draws a line plot and showDigit a 28×28 image, each captioned with its text", async () => {
    const { page } = shared;
    const cell = cellAt(page, 0);
    const r = await run(cell, 'import { plot, showDigit } from "nnfs";\nplot([3, 2, 1.5, 1.2], { title: "loss" });\nshowDigit(Array.from({ length: 784 }, (_, i) => (i % 28 > 10 && i % 28 < 16 ? 1 : 0)), { label: 1 });');
    expect(r.output).toBe('[plot "loss": 4 points, y from 3 to 1.2 (min 1.2, max 3)]\n[digit 28×28 "1": 140 of 784 pixels inked]');
    expect(await cell.locator(".dp-plot path.dp-line").count()).toBe(1);
    expect(await cell.locator('.dp-plot [data-text="loss"]').count()).toBe(1); // the title, drawn by CSS: not in the text above
    expect(await cell.locator("svg.dp-digit rect").count()).toBeGreaterThan(0);
  });
});

describe("the tests' typing", () => {
  // The failure cases below rewrite one cell in turn: if the keys of one case went to the page
  // instead of the editor, Run ran the case before's code again and its output was read as this one's.
  test("the code typed into a cell is the code Run runs, even when the focus left the editor right after the click", async () => {
    const { page } = shared;
    const cell = cellAt(page, 1);
    await setCode(cell, 'console.log("the code before");');
    const content = cell.locator(".cm-content");
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // Something takes the focus back as soon as the click gives it to the editor, once.
    await content.evaluate((el) => el.addEventListener("focus", () => (el as HTMLElement).blur(), { once: true }));
    const r = await run(cell, 'console.log("the code typed");');
    expect(r.output).toBe("the code typed");
    expect(await editorCode(cell)).toBe('console.log("the code typed");');
  });
});

describe("failures: the page never freezes and says what went wrong", () => {
  test.each([
    { name: "thrown error, with line and column (in the reader's TypeScript)", code: "const a = 1;\nconst o: any = null; const v = o.x;", output: "TypeError: Cannot read properties of null (reading 'x') (line 2)", status: /^Error at line 2, column 34\./ },
    { name: "syntax error, with line and column", code: "const a = 1;\nconst b = ;", output: /^SyntaxError: .*\(line 2\)$/, status: /^Error at line 2, column \d+/ },
    { name: "redeclared let", code: "let a = 1;\nlet a = 2;", output: /^SyntaxError: .*already been declared.*\(line 2\)$/, status: /^Error at line 2/ },
    { name: "stray return", code: "console.log(1);\nreturn 5;", output: /^SyntaxError: .*return.*\(line 2\)$/, status: /^Error at line 2/ },
    { name: "an error without a position", code: 'throw "just a string";', output: "Error: Uncaught just a string", status: /gave no position/ },
    { name: "unhandled promise rejection", code: 'Promise.reject(new Error("nobody waits for me"));\nconsole.log("after");', output: "after\nUnhandled promise rejection: Error: nobody waits for me (line 1)", status: /^Ran in/ },
    { name: "timers pending at the end", code: 'setTimeout(() => console.log("late"), 5000);\nsetInterval(() => {}, 100);\nconsole.log("now");', output: "now", status: /^2 timers were still pending when the code finished: what they print shows below, marked late, until this cell runs again/ },
    { name: "unknown import", code: 'import { chunk } from "lodash";', output: /^Error: Cannot import "lodash": a cell can import only "nnfs" \(the book's library\)/, status: /^Error at line 1/ },
    { name: "huge output", code: "for (let i = 0; i < 100000; i++) console.log(i);", output: /^0\n1\n2\n[\s\S]*\n999\n… 99000 more lines not shown \(a cell shows at most 1,000 lines or 200,000 characters\)$/, status: /^Ran in/ },
    { name: "values that cannot be cloned", code: "const o: any = { n: 1 };\no.self = o;\nconsole.log(() => 1, function named() {}, 10n, Symbol(\"s\"), o, new Map([[1, new Set([2])]]));", output: "[Function] [Function named] 10n Symbol(s) { n: 1, self: [Circular] } Map(1) { 1 => Set(1) { 2 } }", status: /^Ran in/ },
    { name: "stack overflow", code: "function down(n: number): number { return down(n + 1) + 1; }\ndown(0);", output: /^RangeError: Maximum call stack size exceeded \(line 1\)$/, status: /^Error at line 1/ },
    { name: "huge allocation (the library's guard)", code: 'import { Matrix } from "nnfs";\nMatrix.zeros(100000, 100000);', output: /^RangeError: .*100000×100000.*MAX_ELEMENTS/, status: /^Error at line 2/ },
    { name: "huge allocation (the engine's)", code: "const big = new Float64Array(2 ** 40);", output: /^RangeError: .*(length|allocation)/i, status: /^Error at line 1/ },
    { name: "the page and its storage are out of reach", code: 'console.log(typeof document, typeof localStorage, typeof indexedDB, typeof caches, typeof XMLHttpRequest, typeof postMessage);\nconst proto = Object.getPrototypeOf(Object.getPrototypeOf(self));\nconsole.log(Object.getOwnPropertyDescriptor(proto, "indexedDB"), typeof proto.fetch);\nawait fetch("https://example.com/").catch((e) => console.log(e.message));', output: `undefined undefined undefined undefined undefined undefined\nundefined undefined\nfetch: a cell may read only the book's data files (${E2E_BASE}data/…), not https://example.com/`, status: /^Ran in/ },
    { name: "code from elsewhere cannot load (the page's policy holds in the worker)", code: 'await import("https://example.com/x.js").catch(() => console.log("import blocked"));\nawait new Function("return import(\'data:text/javascript,export default 1\')")().catch(() => console.log("data: blocked"));', output: "import blocked\ndata: blocked", status: /^Ran in/ },
  ])("$name", async ({ code, output, status }) => {
    const cell = cellAt(shared.page, 1);
    await run(cell, code);
    // Polled: under load the state has been seen to read finished while the output still showed
    // the previous case's; what counts is the output and status the run ends with.
    const final = () => read(cell);
    if (typeof output === "string") await expect.poll(async () => (await final()).output, { timeout: 5_000 }).toBe(output);
    else await expect.poll(async () => (await final()).output, { timeout: 5_000 }).toMatch(output);
    await expect.poll(async () => (await final()).status, { timeout: 5_000 }).toMatch(status);
  });

  test("after all of these the worker still runs cells", async () => {
    expect((await run(cellAt(shared.page, 1), "console.log('still here');")).output).toBe("still here");
  });

  test("an endless loop stops at the cell's time limit, the page stays responsive, and the notebook restarts", async () => {
    const { page } = shared;
    const cell = cellAt(page, 2);
    await setCode(cell, "while (true) {}");
    await cell.evaluate((el) => (el.dataset.timeout = "8000"));
    await cell.evaluate((el) => el.removeAttribute("data-state"));
    await cell.getByRole("button", { name: "Run" }).click();
    await cell.locator(".cell-stop").waitFor({ state: "visible" });
    // While the loop spins in the worker, the page still answers: the theme switch works, and the page
    // itself notes the cell's state as it handles the click (read afterwards, a busy machine could
    // have let the time limit pass in between).
    await page.evaluate(() => {
      const w = window as unknown as { statesAtClick: string[] };
      w.statesAtClick = [];
      const spinning = document.querySelectorAll<HTMLElement>("[data-cell]")[2];
      for (const b of document.querySelectorAll("[data-theme-toggle]")) b.addEventListener("click", () => w.statesAtClick.push(spinning.dataset.state ?? ""));
    });
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    const before = await theme();
    await page.getByRole("button", { name: "Dark theme" }).click();
    expect(await theme()).not.toBe(before);
    await page.getByRole("button", { name: "Dark theme" }).click();
    expect(await page.evaluate(() => (window as unknown as { statesAtClick: string[] }).statesAtClick[0])).toBe("running");
    await cell.and(page.locator("[data-state=error]")).waitFor({ timeout: 30_000 });
    const r = await read(cell);
    expect(r.output).toMatch(/^Stopped: the cell was still running after 8 s \(an endless loop\?\)\.$/);
    expect(r.status).toMatch(/The notebook restarted, so the cells above run again on the next Run\./);
    await cell.evaluate((el) => delete el.dataset.timeout);
    // The next Run runs the cells above again: the old notebook is gone.
    const again = await run(cell, "console.log('fresh');");
    expect(again.output).toBe("fresh");
    expect(again.status).toMatch(/^Ran cells 1 and 2 first/);
  });

  test("a cell without a timeout option is stopped after 10 s", async () => {
    const cell = cellAt(shared.page, 2);
    expect(await cell.getAttribute("data-timeout")).toBeNull();
    const r = await run(cell, "const t = Date.now();\nwhile (Date.now() - t < 30_000) {}", 40_000);
    expect(r.output).toBe("Stopped: the cell was still running after 10 s (an endless loop?).");
  });

  test("Stop ends a long run; Run pressed while running does nothing more", async () => {
    const { page } = shared;
    const cell = cellAt(page, 2);
    await setCode(cell, "console.log('start');\nwhile (true) {}");
    await cell.evaluate((el) => (el.dataset.timeout = "60000")); // so that only Stop ends it, however busy the machine
    await cell.evaluate((el) => el.removeAttribute("data-state"));
    await cell.getByRole("button", { name: "Run" }).click();
    await cell.locator(".cell-stop").waitFor({ state: "visible" });
    // Run again while running: Ctrl+Enter in the editor is ignored (the cell is already running).
    // A run asked for while another runs waits in line and the cell says so at once ("queued",
    // "Waiting for the cell that is running…"): the cell still running, nothing is in line.
    await cell.locator(".cm-content").click();
    await page.keyboard.press("Control+Enter");
    await page.keyboard.press("Control+Enter");
    expect(await cell.getAttribute("data-state")).toBe("running");
    expect(await cell.locator("[data-cell-status]").textContent()).not.toMatch(/Waiting/);
    const r = await runAndWait(cell, () => cell.getByRole("button", { name: "Stop" }).click());
    expect(r.output).toBe("start\nStopped.");
    expect(r.state).toBe("error");
    await cell.evaluate((el) => delete el.dataset.timeout);
  });
});

describe("edits are kept", () => {
  test("reload keeps edits; Reset asks, then puts the book's code back", async () => {
    const { page, problems } = await fresh(neuron);
    const cell = cellAt(page, 1);
    await setCode(cell, "console.log('kept');");
    await editSaved(page, "console.log('kept');"); // saving is debounced
    await page.reload({ waitUntil: "networkidle" });
    await cell.scrollIntoViewIfNeeded();
    await expect(cell.locator(".cm-content").textContent()).resolves.toBe("console.log('kept');");
    await expect(cell.locator("[data-cell-edited]").isVisible()).resolves.toBe(true);
    let asked = "";
    page.once("dialog", (d) => void (asked = d.message()));
    await cell.getByRole("button", { name: "Reset" }).click();
    expect(asked).toMatch(/Put Cell 2 back to the book's code\?/);
    const book = await cell.locator("template[data-cell-source]").evaluate((t) => (t as HTMLTemplateElement).content.textContent);
    await expect(cell.locator(".cm-line").allTextContents().then((ls) => ls.join("\n"))).resolves.toBe(book);
    await expect(cell.locator("[data-cell-edited]").isVisible()).resolves.toBe(false);
    await page.reload({ waitUntil: "networkidle" });
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("nnfs-cell:")))).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("when the book's cell changed since the edit, the page says so and offers Reset", async () => {
    const { page } = await fresh(neuron);
    const chapter = await cellAt(page, 0).getAttribute("data-chapter");
    await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ code: "console.log('old edit');", original: "00000000", savedAt: 1 })), `nnfs-cell:${chapter}:0`);
    await page.reload({ waitUntil: "networkidle" });
    const note = cellAt(page, 0).locator("[data-cell-note]");
    await expect(note.textContent()).resolves.toMatch(/The book's version of this cell has changed since you edited it\./);
    await note.getByRole("button", { name: "Reset to the book's version" }).click();
    await expect(note.isVisible()).resolves.toBe(false);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  test("a shared link shows its code in the cell and never runs it until Run", async () => {
    const code = "console.log('from a link', 1 + 1);";
    const { page: blank } = await fresh(neuron);
    await setCode(cellAt(blank, 1), "console.log('my own edit');");
    await editSaved(blank, "console.log('my own edit');");
    await blank.close();
    const { page, problems } = await openPage(chrome.browser, neuron + shareHash(1, code));
    const cell = cellAt(page, 1);
    await cell.locator(".cm-content", { hasText: "from a link" }).waitFor();
    // The notebook's worker is ready (it knows the library's names): had the page run the code, it would have by now.
    await page.waitForFunction(() => {
      const notebook = (globalThis as Record<symbol, { names(): { nnfs: string[] } } | undefined>)[Symbol.for("nnfs.notebook")];
      return (notebook?.names().nnfs.length ?? 0) > 0;
    });
    expect(await cell.getAttribute("data-state")).toBe("idle");
    expect(await cell.locator("[data-cell-output]").getAttribute("data-live")).toBeNull();
    expect(await cell.locator("[data-cell-status]").textContent()).toMatch(/press Run to run it\. Your own saved version of this cell comes back/);
    // The reader's own edit of that cell is still saved.
    const chapter = await cell.getAttribute("data-chapter");
    expect(await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "{}").code, `nnfs-cell:${chapter}:1`)).toBe("console.log('my own edit');");
    expect((await runAndWait(cell)).output).toBe("from a link 2");
    // Copy link makes such a link.
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await cell.getByRole("button", { name: "Copy link" }).click();
    await cell.locator("[data-cell-status]", { hasText: "Link copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(neuron + shareHash(1, code));
    expect(problems).toEqual([]);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });
});

describe("exercises", () => {
  test("Check lists each case; the starting code fails one, the solution passes all", async () => {
    const { page, problems } = await fresh(neuron);
    const ex = page.locator("[data-exercise]").first();
    await ex.scrollIntoViewIfNeeded();
    await ex.hover();
    await ex.locator(".cm-content").waitFor();
    const start = await runAndWait(ex, () => ex.getByRole("button", { name: "Check" }).click());
    expect(start.output).toMatch(/^✗ /m);
    expect(start.status).toMatch(/\b\d+ of \d+ checks pass\./);
    await ex.locator("summary", { hasText: "Show solution" }).click();
    const solution = (await ex.locator("[data-exercise-solution] pre").innerText()).replace(/\n$/, "");
    await setCode(ex, solution);
    const solved = await runAndWait(ex, () => ex.getByRole("button", { name: "Check" }).click());
    expect(solved.output.split("\n").every((l) => l.startsWith("✓ "))).toBe(true);
    expect(solved.status).toMatch(/\b(\d+) of \1 checks pass\. Well done!/);
    expect(problems).toEqual([]);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });
});

describe("the page", () => {
  test("ships no editor and no transpiler up front, and has a Content-Security-Policy", async () => {
    const page = await chrome.browser.newPage();
    const scripts: string[] = [];
    page.on("request", (r) => void (r.resourceType() === "script" && scripts.push(r.url())));
    await page.goto(neuron, { waitUntil: "domcontentloaded" });
    const initial = [...scripts];
    const runtime = (u: string) => /\/chapter\.[\w-]+\.js|worker|codemirror/.test(u);
    expect(initial.some(runtime)).toBe(false);
    // The pattern names what does load once a cell is used (else a renamed file would pass unseen).
    await page.locator("[data-cell]").first().hover();
    await page.locator("[data-cell] .cm-editor").first().waitFor();
    await expect.poll(() => scripts.filter(runtime).length).toBeGreaterThanOrEqual(2);
    const csp = await page.locator('meta[http-equiv="content-security-policy" i]').getAttribute("content");
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/object-src 'none'/);
    await page.close();
  });

  test("editors load as cells come near, not for every cell up front", async () => {
    const { page } = await fresh(neuron);
    const total = await page.locator("[data-cell]").count();
    const early = await page.locator("[data-cell] .cm-editor").count();
    expect(early).toBeLessThan(total);
    expect(await page.locator("[data-cell]").last().locator(".cm-editor").count()).toBe(0);
    const last = page.locator("[data-cell]").last();
    await last.scrollIntoViewIfNeeded();
    await last.locator(".cm-editor").waitFor();
    await page.close();
  });

    test("the shared page logged no errors (but the blocked request the tests made on purpose)", () => {
    expect(shared.problems.filter((p) => !p.includes("https://example.com/"))).toEqual([]);
  });
});
