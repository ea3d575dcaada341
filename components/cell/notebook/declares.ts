/** Which cell's code declares a top-level name (for "run Cell 3 first"), without running anything. */

/** The index of the last of `codes` that declares `name` at its top level, or null. */
export function declaringCell(codes: string[], name: string): number | null {
  const escaped = name.replace(/[$]/g, "\\$");
  const re = new RegExp(`^(?:export\\s+)?(?:(?:async\\s+)?function\\*?|class|const|let|var)\\s+${escaped}(?![\\w$])`, "m");
  for (let i = codes.length - 1; i >= 0; i--) if (re.test(codes[i])) return i;
  return null;
}
