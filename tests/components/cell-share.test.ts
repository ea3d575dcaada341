import { describe, expect, test } from "vitest";
import { decodeCode, encodeCode, parseShareHash, shareHash } from "../../components/cell/page/share.ts";

describe("share links", () => {
  test.each(["", "console.log(1)", 'const s = "ünïcødé ✓ 🚀";\n\tnext line', "a".repeat(5000)])("round-trips %#", (code) => {
    const hash = shareHash(2, code);
    expect(hash).toMatch(/^#cell-3=[A-Za-z0-9_-]*$/);
    expect(parseShareHash(hash)).toEqual({ kind: "cell", index: 2, code });
  });

  test("exercises have links of their own", () => {
    expect(shareHash(0, "x", "exercise")).toBe("#exercise-1=eA");
    expect(parseShareHash("#exercise-1=eA")).toEqual({ kind: "exercise", index: 0, code: "x" });
  });

  test.each(["", "#", "#intro", "#cell-x=abc", "#cell-1=%%%", "#cell-2=_w"])("ignores %j", (hash) => {
    expect(parseShareHash(hash)).toBeNull();
  });

  test("encoding is URL-safe base64 of UTF-8", () => {
    expect(encodeCode("??>")).toBe("Pz8-");
    expect(decodeCode("Pz8-")).toBe("??>");
  });
});
