/**
 * Output that changes from run to run (a time, a speed) is checked for its
 * form, not its value. An output fence written ```` ```output form ```` holds
 * the cell's output with each varying number replaced by the slot `<number>`;
 * every other character must match exactly. A slot matches one decimal number
 * (`42`, `-0.35`, `1.2e-7`) and any spaces in front of it, so numbers padded to
 * line up in columns still match. The chapter tests, `npm run cells:update`,
 * the downloadable code's test and the browser tests all compare through here.
 */

/** The slot a form fence writes where the run prints a number. */
export const NUMBER_SLOT = "<number>";

const NUMBER = String.raw` *-?(?:\d+(?:\.\d+)?|\.\d+)(?:e[-+]?\d+)?`;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Output as compared: trailing spaces and blank lines at the end do not count. */
export function normaliseOutput(text: string): string {
  return text
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .replace(/\n+$/, "");
}

/** One piece of expected output: exact text, or a form with `<number>` slots. */
export interface ExpectedOutput {
  text: string;
  form: boolean;
}

/** The regular expression source of one expected piece (normalised). */
function source({ text, form }: ExpectedOutput): string {
  const normal = normaliseOutput(text);
  return form ? normal.split(NUMBER_SLOT).map(escapeRegExp).join(NUMBER) : escapeRegExp(normal);
}

/**
 * Whether `actual` is what the pieces expect, one after another, joined by
 * newlines (one piece: one cell's output fence; several: a whole chapter's).
 *
 * @example
 * outputMatches("naive:   0.41 GFLOP/s", [{ text: "naive: <number> GFLOP/s", form: true }]); // true
 * outputMatches("naive: fast", [{ text: "naive: <number> GFLOP/s", form: true }]);           // false
 */
export function outputMatches(actual: string, expected: readonly ExpectedOutput[]): boolean {
  const normal = normaliseOutput(actual);
  if (expected.every((e) => !e.form)) return normal === expected.map((e) => normaliseOutput(e.text)).join("\n");
  return new RegExp(`^${expected.map(source).join("\n")}$`).test(normal);
}

/**
 * Why a form fence is not usable, or null: it must have at least one slot
 * (otherwise it is an ordinary output fence).
 */
export function formProblem(text: string): string | null {
  return text.includes(NUMBER_SLOT) ? null : `an \`output form\` fence must hold at least one ${NUMBER_SLOT} slot (without one, write \`output\`)`;
}
