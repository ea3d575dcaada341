/**
 * A number and its unit stay on one line: in the chapters' prose, the space
 * between a number and %, ms, s, MB, GFLOP/s and the like is a narrow
 * no-break space (U+202F), so "98.1 %" never breaks before its "%". Code
 * (fences, inline code), math and the MDX imports are not prose and are left
 * as they are.
 *   node scripts/unit-spaces.ts        lists the breaking spaces left
 *   node scripts/unit-spaces.ts --fix  replaces them
 * tests/chapters/unit-spaces.test.ts fails on any that is left.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The narrow no-break space put between a number and its unit. */
export const UNIT_SPACE = "\u202F";

/** The units that follow a number in the prose. */
const UNITS = ["%", "ms", "µs", "ns", "s", "min", "KB", "kB", "MB", "GB", "MiB", "GiB", "GB/s", "MB/s", "GFLOP/s", "GFLOP", "TFLOP/s", "GHz", "px"];
const unit = UNITS.map((u) => u.replace(/\//g, "\\/")).sort((a, b) => b.length - a.length).join("|");
// A digit, breaking white space (a line break in the source is a space on the page), a unit, and no letter after it.
const BREAKING = new RegExp(`(\\d)([ \\t]*\\n[ \\t]*|[ \\t]+)(${unit})(?![\\p{L}\\d])`, "gu");

/** The parts of a chapter's source that are not prose, as [start, end) offsets. */
function notProse(source: string): [number, number][] {
  const spans: [number, number][] = [];
  const patterns = [
    /^```[\s\S]*?^```/gm, // fenced code and outputs
    /^(?:import|export) .*$/gm, // MDX imports
    /<!--[\s\S]*?-->/g, // comments
    /\$\$[\s\S]*?\$\$/g, // display math
    /(?<!\\)\$(?!\$)(?:\\.|[^$\\])+?\$/g, // inline math
    /`[^`\n]*`/g, // inline code
  ];
  for (const p of patterns) {
    for (const m of source.matchAll(p)) {
      const start = m.index!, end = start + m[0].length;
      if (!spans.some(([s, e]) => start >= s && start < e)) spans.push([start, end]);
    }
  }
  return spans;
}

/** Every breaking space between a number and its unit in the prose: where (line), and the text around it. */
export function breakingUnitSpaces(source: string): { line: number; text: string }[] {
  const skip = notProse(source);
  const found: { line: number; text: string }[] = [];
  for (const m of source.matchAll(BREAKING)) {
    const at = m.index! + 1; // the space
    if (skip.some(([s, e]) => at >= s && at < e)) continue;
    const line = source.slice(0, at).split("\n").length;
    found.push({ line, text: source.slice(Math.max(0, at - 12), at + m[2].length + m[3].length).replace(/\n/g, "⏎") });
  }
  return found;
}

/** The source with each of those spaces made a narrow no-break space (a line break there joins the lines). */
export function fixUnitSpaces(source: string): string {
  const skip = notProse(source);
  return source.replace(BREAKING, (all, digit: string, _space: string, u: string, offset: number) =>
    skip.some(([s, e]) => offset + 1 >= s && offset + 1 < e) ? all : `${digit}${UNIT_SPACE}${u}`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { chapterFiles } = await import("./chapters.ts");
  const fix = process.argv.includes("--fix");
  let left = 0;
  for (const { id, file, source } of chapterFiles()) {
    const found = breakingUnitSpaces(source);
    if (found.length === 0) continue;
    if (fix) {
      writeFileSync(file, fixUnitSpaces(readFileSync(file, "utf8")));
      console.log(`${id}: ${found.length} fixed`);
    } else {
      left += found.length;
      for (const f of found) console.log(`${id}:${f.line}: ${f.text}`);
    }
  }
  if (left > 0) process.exit(1);
}
