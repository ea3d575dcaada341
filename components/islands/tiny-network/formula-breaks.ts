/**
 * Chapter 9's island: where a formula of the step panel may break across
 * lines. The panel is narrow (about 26 characters beside the network at
 * 1280 px), and a browser left to itself breaks wherever there is a space or
 * a slash: "w ⏎ ← w − η·∂L/∂w", "∂L/ ⏎ ∂v₂", "h₁(1 − ⏎ h₁)". The view draws each
 * piece returned here unbroken and lets lines break only between pieces:
 * - after a comma, semicolon or colon (between the parts of a sentence or a
 *   list of equations);
 * - between words of prose ("the new values are in the table");
 * - before a +, =, · or → once the equation's left side is written, as
 *   printed mathematics breaks a long equation;
 * - after the first =, when what follows is long.
 */

/** An operator token: a line never ends just after one, nor starts with one, except as the rules allow. */
const OPERATOR = /^[=+−←→·]$/;
/** A word of prose, maybe in brackets or followed by punctuation. */
const WORD = /^\(?\p{L}{2,}[.,;:)]*$/u;
/** What a line may start with once the left side of an equation is written. */
const CONTINUES = new Set(["+", "=", "·", "→"]);

/**
 * Whether a line may break between the token `prev` and the token `next`;
 * `equals` counts the = signs of the current equation up to `prev`.
 */
function breaksBefore(prev: string, next: string, equals: number): boolean {
  if (/[,;:]$/.test(prev)) return true;
  if (!OPERATOR.test(prev) && !OPERATOR.test(next) && (WORD.test(prev) || WORD.test(next))) return true;
  if (CONTINUES.has(next) && equals > 0) return true;
  return prev === "=" && equals === 1 && next.length >= 8;
}

/** The formula cut into pieces that each stay on one line; joined with single spaces they give the formula back. */
export function formulaPieces(formula: string): string[] {
  const tokens = formula.split(" ").filter((t) => t !== "");
  const pieces: string[] = [];
  let piece = "";
  let prev = "";
  let equals = 0;
  for (const token of tokens) {
    if (/[,;:]$/.test(prev)) equals = 0; // a new equation, or prose
    if (piece === "") piece = token;
    else if (breaksBefore(prev, token, equals)) {
      pieces.push(piece);
      piece = token;
    } else piece += ` ${token}`;
    if (token === "=") equals++;
    prev = token;
  }
  if (piece !== "") pieces.push(piece);
  return pieces;
}
