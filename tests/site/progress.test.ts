/** The reader's progress record, and the export/import of everything the book keeps. */
import { describe, expect, test } from "vitest";
import {
  complete,
  emptyProgress,
  loadProgress,
  PROGRESS_KEY,
  recordCheck,
  recordRun,
  saveProgress,
  summarise,
  summaryText,
  validateProgress,
} from "../../src/progress/store.ts";
import { backupFileName, exportBackup, ImportError, importBackup, parseBackup, STORAGE_LIMIT, wouldErase } from "../../src/progress/backup.ts";

/** A Map-backed Storage with key()/length, as localStorage has. */
function memoryStorage(initial: Record<string, string> = {}, quota = Infinity) {
  const map = new Map(Object.entries(initial));
  const used = () => [...map].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (used() - (map.has(k) ? k.length + map.get(k)!.length : 0) + k.length + String(v).length > quota) {
        throw new DOMException(`Failed to execute 'setItem' on 'Storage': Setting the value of '${k}' exceeded the quota.`, "QuotaExceededError");
      }
      map.set(k, String(v));
    },
    removeItem: (k: string) => void map.delete(k),
  };
}

const CH = "02-a-single-neuron";

describe("progress", () => {
  test("runs without an error and passed checks are recorded once each, in order", () => {
    let p = emptyProgress();
    p = recordRun(p, CH, 2, true);
    p = recordRun(p, CH, 0, true);
    p = recordRun(p, CH, 2, true);
    p = recordRun(p, CH, 1, false);
    p = recordCheck(p, CH, 1, true);
    p = recordCheck(p, CH, 0, false);
    expect(p.chapters[CH]).toEqual({ ran: [0, 2], solved: [1] });
  });

  test("a solved exercise stays solved after a failing check", () => {
    const p = recordCheck(recordCheck(emptyProgress(), CH, 0, true), CH, 0, false);
    expect(p.chapters[CH].solved).toEqual([0]);
  });

  test.each([
    { chapter: "not a chapter", index: 0 },
    { chapter: CH, index: -1 },
    { chapter: CH, index: 1.5 },
  ])("ignores $chapter / $index", ({ chapter, index }) => {
    expect(recordRun(emptyProgress(), chapter, index, true)).toEqual(emptyProgress());
  });

  test("the summary counts only cells and exercises the chapter has", () => {
    const p = { version: 1 as const, chapters: { [CH]: { ran: [0, 1, 2, 12], solved: [0, 5] } } };
    const s = summarise(p, CH, { cells: 9, exercises: 3 });
    expect(s).toEqual({ cells: 9, exercises: 3, ran: 3, solved: 1 });
    expect(summaryText(s)).toBe("3 of 9 cells run · 1 of 3 exercises solved");
    expect(summaryText(summarise(p, "07-x", { cells: 1, exercises: 0 }))).toBe("0 of 1 cell run");
    expect(complete(s)).toBe(false);
    expect(complete({ cells: 2, exercises: 1, ran: 2, solved: 1 })).toBe(true);
  });

  test("survives a save and a load; a damaged record loads as empty", () => {
    const storage = memoryStorage();
    const p = recordRun(emptyProgress(), CH, 3, true);
    expect(saveProgress(storage, p)).toBe(true);
    expect(loadProgress(storage)).toEqual(p);
    storage.setItem(PROGRESS_KEY, "{not json");
    expect(loadProgress(storage)).toEqual(emptyProgress());
    expect(loadProgress(null)).toEqual(emptyProgress());
  });

  test.each([
    { value: [], error: /expected an object/ },
    { value: { version: 2, chapters: {} }, error: /unknown version 2/ },
    { value: { version: 1, chapters: { "../x": { ran: [], solved: [] } } }, error: /not a chapter/ },
    { value: { version: 1, chapters: { [CH]: { ran: ["a"], solved: [] } } }, error: /"ran" and "solved"/ },
  ])("validateProgress refuses $value", ({ value, error }) => {
    expect(() => validateProgress(value)).toThrow(error);
  });
});

describe("export and import", () => {
  const progress = JSON.stringify(recordCheck(recordRun(emptyProgress(), CH, 0, true), CH, 1, true));
  const edit = JSON.stringify({ code: "console.log(1)", original: "abcd1234", savedAt: 1 });
  const book = {
    [PROGRESS_KEY]: progress,
    [`nnfs-cell:${CH}:0`]: edit,
    [`nnfs-cell:${CH}:exercise:1`]: edit,
    "nnfs-theme": "dark",
  };

  test("an export holds everything the book keeps, and nothing else", () => {
    const storage = memoryStorage({ ...book, "other-site": "x" });
    const backup = exportBackup(storage, new Date("2026-12-02T10:00:00Z"));
    expect(backup).toEqual({ format: "nnfs-book-backup", version: 1, exportedAt: "2026-12-02T10:00:00.000Z", entries: book });
    expect(backupFileName(new Date("2026-12-02T10:00:00Z"))).toBe("nnfs-book-2026-12-02.json");
  });

  test("an import into another browser brings back the same entries, replacing the book's old ones", () => {
    const text = JSON.stringify(exportBackup(memoryStorage(book)));
    const other = memoryStorage({ [`nnfs-cell:${CH}:5`]: edit, "other-site": "x" });
    expect(importBackup(other, text)).toEqual({ chapters: 1, edits: 2 });
    expect(Object.fromEntries(other.map)).toEqual({ ...book, "other-site": "x" });
  });

  const good = exportBackup(memoryStorage(book));
  test.each([
    { title: "not JSON", text: "{\"format\": \"nnfs-book", error: /not JSON/ },
    { title: "another program's JSON", text: JSON.stringify({ hello: 1 }), error: /not a file the book exported/ },
    { title: "a newer version", text: JSON.stringify({ ...good, version: 2 }), error: /version 2/ },
    { title: "no entries", text: JSON.stringify({ ...good, entries: [] }), error: /no entries/ },
    { title: "damaged progress", text: JSON.stringify({ ...good, entries: { ...good.entries, [PROGRESS_KEY]: "{" } }), error: /"nnfs-progress" is damaged/ },
    { title: "a foreign key", text: JSON.stringify({ ...good, entries: { ...good.entries, "nnfs-secret": "1" } }), error: /not something this book keeps/ },
    { title: "an edit without code", text: JSON.stringify({ ...good, entries: { [`nnfs-cell:${CH}:0`]: "{}" } }), error: /has no code/ },
    { title: "a value that is not text", text: JSON.stringify({ ...good, entries: { "nnfs-theme": 1 } }), error: /not text/ },
  ])("$title is refused with a clear error, and nothing changes", ({ text, error }) => {
    const storage = memoryStorage(book);
    expect(() => importBackup(storage, text)).toThrow(error);
    expect(Object.fromEntries(storage.map)).toEqual(book);
  });

  test("parseBackup accepts what exportBackup writes", () => {
    expect(parseBackup(JSON.stringify(good)).entries).toEqual(book);
  });

  test("a backup with answered predictions and an edit too large to keep round-trips", () => {
    const more = {
      ...book,
      [`nnfs-predict:${CH}:batch-shape`]: JSON.stringify({ choice: 1, revealed: true }),
      [`nnfs-cell:${CH}:2`]: JSON.stringify({ lost: true, savedAt: 2 }),
    };
    const other = memoryStorage({});
    importBackup(other, JSON.stringify(exportBackup(memoryStorage(more))));
    expect(Object.fromEntries(other.map)).toEqual(more);
  });

  test("a damaged prediction is refused", () => {
    const text = JSON.stringify({ ...good, entries: { [`nnfs-predict:${CH}:q`]: JSON.stringify({ choice: "two" }) } });
    expect(() => importBackup(memoryStorage(book), text)).toThrow(/prediction/);
  });

  test("a file the browser refuses half-way leaves every key as it was", () => {
    const storage = memoryStorage(book, 2_000);
    const big = JSON.stringify({ code: "x".repeat(1_900), original: "abcd1234", savedAt: 1 });
    const text = JSON.stringify({ ...good, entries: { ...good.entries, [`nnfs-cell:${CH}:1`]: big } });
    let error: unknown;
    try {
      importBackup(storage, text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).unchanged).toBe(true);
    expect((error as Error).message).toMatch(/refused to keep this file.*exceeded the quota/);
    expect(Object.fromEntries(storage.map)).toEqual(book);
  });

  test("a file larger than a browser keeps is refused by its size before anything is written", () => {
    const storage = memoryStorage(book);
    const edits = Object.fromEntries(
      Array.from({ length: 3 }, (_, i) => [`nnfs-cell:${CH}:${i}`, JSON.stringify({ code: "x".repeat(2_000_000), original: "abcd1234", savedAt: 1 })]),
    );
    expect(() => importBackup(storage, JSON.stringify({ ...good, entries: edits }))).toThrow(/6\.0 million characters.*more than the 5\.2 million/);
    expect(Object.fromEntries(storage.map)).toEqual(book);
    expect(STORAGE_LIMIT).toBe(5 * 1024 * 1024);
  });

  const contents = { [CH]: { cells: 3, exercises: 2 }, "03-layers": { cells: 5, exercises: 0 } };
  const withProgress = (chapters: unknown, extra: object = {}) =>
    JSON.stringify({ ...good, entries: { [PROGRESS_KEY]: JSON.stringify({ version: 1, chapters, ...extra }) } });
  test.each([
    { title: "an unknown chapter", text: withProgress({ "99-made-up": { ran: [0], solved: [] } }), error: /no chapter "99-made-up"/ },
    { title: "a cell the chapter does not have", text: withProgress({ [CH]: { ran: [0, 3], solved: [] } }), error: /has 3 cells, so no cell 4/ },
    { title: "an exercise the chapter does not have", text: withProgress({ "03-layers": { ran: [], solved: [0] } }), error: /has 0 exercises, so no exercise 1/ },
    { title: "a forged done mark", text: withProgress({ [CH]: { ran: [], solved: [], done: true } }), error: /"done", which the book does not write/ },
    { title: "a forged field on the record", text: withProgress({}, { complete: true }), error: /"complete" is not something the book writes/ },
    { title: "an edit of an unknown chapter", text: JSON.stringify({ ...good, entries: { "nnfs-cell:42-nope:0": edit } }), error: /no chapter "42-nope"/ },
    { title: "an edit of a cell out of range", text: JSON.stringify({ ...good, entries: { [`nnfs-cell:${CH}:exercise:7`]: edit } }), error: /so no exercise 8/ },
    { title: "a prediction of an unknown chapter", text: JSON.stringify({ ...good, entries: { "nnfs-predict:42-nope:q": JSON.stringify({ choice: 1, revealed: true }) } }), error: /no chapter "42-nope"/ },
  ])("$title is refused against the book's contents, and nothing changes", ({ text, error }) => {
    const storage = memoryStorage(book);
    expect(() => importBackup(storage, text, contents)).toThrow(error);
    expect(Object.fromEntries(storage.map)).toEqual(book);
  });

  test("the book's own backup passes the check against its contents", () => {
    const storage = memoryStorage({});
    expect(importBackup(storage, JSON.stringify(good), contents)).toEqual({ chapters: 1, edits: 2 });
  });

  test("an error quotes at most ~200 characters of a huge key, and says how long it is", () => {
    const key = "nnfs-" + "k".repeat(2_000_000);
    let message = "";
    try {
      parseBackup(JSON.stringify({ ...good, entries: { [key]: "1" } }));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/2,000,005 characters in all/);
    expect(message.length).toBeLessThan(1_000);
  });

  test("a backup with no entries would erase the book's keeping, and says how much (the page asks first)", () => {
    const empty = parseBackup(JSON.stringify({ ...good, entries: {} }));
    expect(wouldErase(memoryStorage(book), empty)).toBe(3);
    expect(wouldErase(memoryStorage(book), good)).toBe(0);
  });
});
