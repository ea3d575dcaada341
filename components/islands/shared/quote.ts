/**
 * Values quoted in a message, cut to a length a status line can show. A
 * reader's file or code can hold a string of millions of characters; copying
 * it whole into the page freezes it, so every message that quotes a value the
 * reader supplied quotes it through here: the first ~200 characters, then how
 * long the whole value is.
 */

/** How many characters of a value a message quotes. */
export const QUOTE_LIMIT = 200;

/** `text` itself when short, else its start and "… (20,000,000 characters in all)". */
export function clip(text: string, limit = QUOTE_LIMIT): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}… (${text.length.toLocaleString("en-US")} characters in all)`;
}

/** A string in double quotes, cut as `clip` cuts it: "abc", or "abc…" (5,000,000 characters in all). */
export function quote(text: string, limit = QUOTE_LIMIT): string {
  if (text.length <= limit) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, limit))}… (${text.length.toLocaleString("en-US")} characters in all)`;
}
