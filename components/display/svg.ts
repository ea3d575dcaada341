/** Writing SVG and HTML as text: escaping, and numbers short enough for a path. */

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe to put inside an element or a quoted attribute. */
export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A coordinate with one decimal, "-0" written "0". */
export function coord(v: number): string {
  return (Math.round(v * 10) / 10 || 0).toString();
}
