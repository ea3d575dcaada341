/**
 * Links that carry a cell's code: `#cell-3=<base64url of the UTF-8 code>`
 * (`#exercise-1=…` for an exercise). Opening one shows the code in cell 3;
 * it runs only when the reader presses Run.
 */

export type ShareKind = "cell" | "exercise";

const PATTERN = /^#(cell|exercise)-(\d+)=([A-Za-z0-9_-]*)$/;

export function encodeCode(code: string): string {
  const bytes = new TextEncoder().encode(code);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeCode(text: string): string | null {
  try {
    const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** The hash that shares cell (or exercise) `index` (0-based) with `code`. */
export function shareHash(index: number, code: string, kind: ShareKind = "cell"): string {
  return `#${kind}-${index + 1}=${encodeCode(code)}`;
}

/** The cell or exercise (0-based) and code a hash shares, or null. */
export function parseShareHash(hash: string): { kind: ShareKind; index: number; code: string } | null {
  const m = PATTERN.exec(hash);
  if (!m) return null;
  const code = decodeCode(m[3]);
  return code === null ? null : { kind: m[1] as ShareKind, index: Number(m[2]) - 1, code };
}

/** Copies a link that opens this page with `code` in the cell; says where the link is. */
export async function copyLink(index: number, code: string, kind: ShareKind): Promise<string> {
  const url = `${location.origin}${location.pathname}${shareHash(index, code, kind)}`;
  try {
    await navigator.clipboard.writeText(url);
    return "Link copied: it opens this page with your code in this cell (it runs only when Run is pressed).";
  } catch {
    history.replaceState(null, "", url);
    return "The link is in the address bar: copy it from there.";
  }
}
