import { describe, expect, test } from "vitest";
import { OutputCollector } from "../../components/cell/worker/output.ts";
import { droppedNote } from "../../components/cell/page/texts.ts";
import type { OutputPiece } from "../../components/cell/protocol.ts";

function collector(maxLines = 5, flushMs = 40) {
  const sent: OutputPiece[][] = [];
  let now = 0;
  const out = new OutputCollector((p) => sent.push(p), { maxLines, maxLineChars: 20, flushMs }, () => now);
  return { out, sent, tick: (ms: number) => (now += ms) };
}

describe("OutputCollector", () => {
  test("sends the first line at once, batches lines that follow within flushMs, and sends the rest on flush", () => {
    const { out, sent } = collector();
    out.write("log", "a");
    out.write("warn", "b");
    out.write("log", "c");
    expect(sent).toEqual([[{ stream: "log", text: "a" }]]);
    out.flush();
    expect(sent[1]).toEqual([{ stream: "warn", text: "b" }, { stream: "log", text: "c" }]);
  });

  test("with flushMs 0 (the default) every line goes as written", () => {
    const { out, sent } = collector(5, 0);
    out.write("log", "a");
    out.write("log", "b");
    expect(sent).toHaveLength(2);
  });

  test("streams: sends a batch once enough time has passed since the last one", () => {
    const { out, sent, tick } = collector(100);
    out.flush();
    out.write("log", "epoch 1");
    tick(50);
    out.write("log", "epoch 2");
    expect(sent.flat().map((p) => ("text" in p ? p.text : ""))).toEqual(["epoch 1", "epoch 2"]);
  });

  test.each([
    { writes: ["1", "2", "3", "4", "5", "6", "7"], kept: 5, dropped: 2 },
    { writes: ["1\n2\n3", "4\n5\n6\n7"], kept: 5, dropped: 2 },
    { writes: ["1", "2"], kept: 2, dropped: 0 },
  ])("caps at the line limit and counts the rest: $writes", ({ writes, kept, dropped }) => {
    const { out, sent } = collector();
    for (const w of writes) out.write("log", w);
    out.flush();
    const lines = sent.flat().flatMap((p) => ("text" in p ? p.text.split("\n") : ["display"]));
    expect(lines).toHaveLength(kept);
    expect(out.dropped).toBe(dropped);
  });

  test("clips a very long line", () => {
    const { out, sent } = collector();
    out.write("log", "x".repeat(25));
    out.flush();
    expect(sent[0][0]).toEqual({ stream: "log", text: `${"x".repeat(20)}… (5 more characters)` });
  });

  test("a display item counts as a line", () => {
    const { out, sent } = collector(1);
    out.display({ kind: "digit", text: "[digit]", label: null, pixels: new Array(784).fill(0) });
    out.write("log", "dropped");
    out.flush();
    expect(sent[0]).toHaveLength(1);
    expect(out.dropped).toBe(1);
  });

  test("the note names the count", () => {
    expect(droppedNote(1)).toMatch(/^… 1 more line not shown/);
    expect(droppedNote(7)).toMatch(/^… 7 more lines not shown/);
  });
});

describe("OutputCollector caps by size too", () => {
  test("1,000 lines of 10,000 characters would be 10 MB: past maxChars lines are only counted", () => {
    const sent: OutputPiece[][] = [];
    const out = new OutputCollector((p) => sent.push(p), { maxChars: 25_000 });
    for (let i = 0; i < 10; i++) out.write("log", "x".repeat(10_000));
    out.flush();
    const text = sent.flat().map((p) => ("text" in p ? p.text : "")).join("\n");
    expect(text.length).toBeLessThanOrEqual(25_000);
    expect(text.split("\n")).toHaveLength(2);
    expect(out.dropped).toBe(8);
  });

  test.each([
    { name: "a plot whose series is not a list", item: { kind: "plot", text: "t", title: null, series: 5 } },
    { name: "a digit of 3 pixels", item: { kind: "digit", text: "d", label: null, pixels: [1, 2, 3] } },
    { name: "a plot with a string in it", item: { kind: "plot", text: "t", title: null, series: [{ x: [0], y: ["1"] }] } },
    { name: "no text", item: { kind: "digit", label: null, pixels: new Array(784).fill(0) } },
    { name: "not an object", item: 7 },
  ])("a hand-made item the page cannot draw is shown as text: $name", ({ item }) => {
    const sent: OutputPiece[][] = [];
    const out = new OutputCollector((p) => sent.push(p));
    out.display(item);
    expect(sent.flat()).toEqual([{ stream: "warn", text: expect.stringMatching(/^\(not a picture the page can draw: /) }]);
  });

  test("what plot and showDigit make passes", () => {
    const sent: OutputPiece[][] = [];
    const out = new OutputCollector((p) => sent.push(p));
    const plot = { kind: "plot", text: "t", title: "loss", series: [{ name: "a", x: [0, 1], y: [2, 3] }] };
    out.display(plot);
    expect(sent.flat()).toEqual([{ display: plot }]);
  });
});
