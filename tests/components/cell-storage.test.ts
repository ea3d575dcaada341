import { describe, expect, test } from "vitest";
import { fingerprint, forgetEdit, loadEdit, lostEdit, notSavedNote, originalChanged, saveEdit, storageKey, type StorageLike } from "../../components/cell/page/storage.ts";

function memory(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe("saved edits", () => {
  test("an edit is saved per chapter and cell, and read back", () => {
    const s = memory();
    expect(saveEdit(s, "02-a", 1, "let x = 2;", "let x = 1;")).toBe(true);
    expect([...s.data.keys()]).toEqual([storageKey("02-a", 1)]);
    const edit = loadEdit(s, "02-a", 1);
    expect(edit?.code).toBe("let x = 2;");
    expect(loadEdit(s, "02-a", 2)).toBeNull();
    expect(loadEdit(s, "03-b", 1)).toBeNull();
  });

  test("saving the book's own code forgets the edit", () => {
    const s = memory();
    saveEdit(s, "c", 0, "edited", "book");
    saveEdit(s, "c", 0, "book", "book");
    expect(loadEdit(s, "c", 0)).toBeNull();
  });

  test("knows when the book's code changed since the edit", () => {
    const s = memory();
    saveEdit(s, "c", 0, "edited", "book v1");
    const edit = loadEdit(s, "c", 0)!;
    expect(originalChanged(edit, "book v1")).toBe(false);
    expect(originalChanged(edit, "book v2")).toBe(true);
  });

  test("survives broken or refusing storage", () => {
    const s = memory();
    s.data.set(storageKey("c", 0), "{not json");
    expect(loadEdit(s, "c", 0)).toBeNull();
    const full: StorageLike = { getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); }, removeItem: () => {} };
    expect(saveEdit(full, "c", 0, "a", "b")).toBe(false);
    expect(saveEdit(null, "c", 0, "a", "b")).toBe(false);
    forgetEdit(null, "c", 0);
  });

  test("an edit too large to save never leaves an older edit to come back as the latest", () => {
    const s = memory();
    saveEdit(s, "c", 0, "an older edit", "book");
    // A storage that takes small items only, as a browser's does (about 5 MB per site).
    const small: StorageLike = { ...s, setItem: (k, v) => (v.length > 1000 ? (() => { throw new Error("QuotaExceededError"); })() : s.setItem(k, v)) };
    expect(saveEdit(small, "c", 0, "x".repeat(5000), "book")).toBe(false);
    expect(loadEdit(s, "c", 0)).toBeNull();
    expect(lostEdit(s, "c", 0)).toBe(true);
    // A later edit that fits is saved again, and the mark goes.
    expect(saveEdit(small, "c", 0, "small again", "book")).toBe(true);
    expect(lostEdit(s, "c", 0)).toBe(false);
    expect(loadEdit(s, "c", 0)?.code).toBe("small again");
  });

  test("when even the mark does not fit, the older edit is forgotten", () => {
    const s = memory();
    saveEdit(s, "c", 0, "an older edit", "book");
    const full: StorageLike = { ...s, setItem: () => { throw new Error("QuotaExceededError"); } };
    expect(saveEdit(full, "c", 0, "new", "book")).toBe(false);
    expect(s.data.size).toBe(0);
  });

  test("the note says how large the edit is", () => {
    expect(notSavedNote("x".repeat(6 * 1024 * 1024))).toMatch(/^Not saved: this edit \(6\.3 million characters\)/);
    expect(notSavedNote("x".repeat(1234))).toMatch(/^Not saved: this edit \(1,234 characters\)/);
  });

  test("fingerprints differ for different code", () => {
    expect(fingerprint("a")).not.toBe(fingerprint("b"));
    expect(fingerprint("same")).toBe(fingerprint("same"));
    expect(fingerprint("x")).toMatch(/^[0-9a-f]{8}$/);
  });
});
