import { describe, expect, test } from "vitest";
import { fingerprint, forgetEdit, loadEdit, originalChanged, saveEdit, storageKey, type StorageLike } from "../../components/cell/page/storage.ts";

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

  test("fingerprints differ for different code", () => {
    expect(fingerprint("a")).not.toBe(fingerprint("b"));
    expect(fingerprint("same")).toBe(fingerprint("same"));
    expect(fingerprint("x")).toMatch(/^[0-9a-f]{8}$/);
  });
});
