/**
 * The build-time code shows line numbers in a gutter as wide as the editor's
 * (cell.css), so a cell keeps its size and its code its place when the editor
 * takes over. CodeMirror sizes its gutter for the widest number the code
 * reaches, so the gutter needs the number of digits of the line count.
 *
 *   gutterDigits("a\nb") // "--gutter-digits: 1"
 */
export function gutterDigits(code: string): string {
  return `--gutter-digits: ${String(code.split("\n").length).length}`;
}
