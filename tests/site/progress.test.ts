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
import { backupFileName, exportBackup, importBackup, parseBackup } from "../../src/progress/backup.ts";

/** A Map-backed Storage with key()/length, as localStorage has. */
function memoryStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, String(v)),
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
});
