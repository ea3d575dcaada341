/** The header search: Pagefind's results as the reader sees them, and the "/" shortcut. */
import { describe, expect, test } from "vitest";
import { isSearchShortcut, safeExcerpt, statusText, toHits, type PagefindData } from "../../src/search/results.ts";

describe("safeExcerpt", () => {
  test.each([
    { html: "the <mark>sigmoid</mark> squashes", out: "the <mark>sigmoid</mark> squashes" },
    { html: "<img src=x onerror=alert(1)>a <MARK class='x'>b</MARK>", out: "a <mark>b</mark>" },
    { html: "a &lt;script&gt; stays text", out: "a &lt;script&gt; stays text" },
    { html: "<script>alert(1)</script>", out: "alert(1)" },
  ])("$html", ({ html, out }) => expect(safeExcerpt(html)).toBe(out));
});

describe("toHits", () => {
  const data: PagefindData[] = [
    {
      url: "/nnfs/04-activation-the-sigmoid/index.html",
      excerpt: "the <mark>sigmoid</mark>",
      meta: { title: "4. Activation: the sigmoid" },
      sub_results: [
        { title: "4. Activation: the sigmoid", url: "/nnfs/04-activation-the-sigmoid/index.html", excerpt: "intro" },
        { title: "The sigmoid", url: "/nnfs/04-activation-the-sigmoid/index.html#the-sigmoid", excerpt: "<mark>sigmoid</mark>" },
        { title: "Its slope", url: "/nnfs/04-activation-the-sigmoid/#its-slope", excerpt: "slope" },
      ],
    },
    { url: "/nnfs/05-bias/", excerpt: "x", meta: {} },
  ];

  test("one hit per chapter, named by its title, with the sections that have a heading", () => {
    expect(toHits(data)).toEqual([
      {
        chapter: "4. Activation: the sigmoid",
        url: "/nnfs/04-activation-the-sigmoid/",
        excerpt: "the <mark>sigmoid</mark>",
        sections: [
          { title: "The sigmoid", url: "/nnfs/04-activation-the-sigmoid/#the-sigmoid", excerpt: "<mark>sigmoid</mark>" },
          { title: "Its slope", url: "/nnfs/04-activation-the-sigmoid/#its-slope", excerpt: "slope" },
        ],
      },
      { chapter: "/nnfs/05-bias/", url: "/nnfs/05-bias/", excerpt: "x", sections: [] },
    ]);
  });

  test("at most the given number of sections per chapter", () => {
    expect(toHits(data, 1)[0].sections.map((s) => s.title)).toEqual(["The sigmoid"]);
  });
});

describe("statusText", () => {
  test.each([
    { q: "", n: 0, out: "" },
    { q: "  zebra ", n: 0, out: "Nothing in the book matches “zebra”." },
    { q: "matmul", n: 1, out: "1 chapter matches “matmul”." },
    { q: "sigmoid", n: 3, out: "3 chapters match “sigmoid”." },
  ])("$q, $n hits", ({ q, n, out }) => expect(statusText(q, n)).toBe(out));
});

describe("isSearchShortcut", () => {
  test.each([
    { key: "/", target: { tagName: "BODY" }, mod: false, out: true },
    { key: "/", target: null, mod: false, out: true },
    { key: "/", target: { tagName: "A" }, mod: false, out: true },
    { key: "/", target: { tagName: "INPUT" }, mod: false, out: false },
    { key: "/", target: { tagName: "TEXTAREA" }, mod: false, out: false },
    { key: "/", target: { tagName: "DIV", isContentEditable: true }, mod: false, out: false },
    { key: "/", target: { tagName: "BODY" }, mod: true, out: false },
    { key: "s", target: { tagName: "BODY" }, mod: false, out: false },
  ])("$key in $target.tagName (modifier: $mod) → $out", ({ key, target, mod, out }) => expect(isSearchShortcut(key, target, mod)).toBe(out));
});
