/**
 * The HTTP headers every response of the book carries, written once:
 * scripts/serve.ts sends them, and public/_headers (the file Netlify and
 * Cloudflare Pages read; copied into dist/ by the build) lists the same
 * (tests/site/headers.test.ts keeps the two equal). The page's own
 * Content-Security-Policy is a <meta> tag (astro.config.mjs); a <meta> cannot
 * say who may frame the page, so that part comes here, as a header.
 */

/** Header → value, for every path. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // No other site may show the book in a frame (clickjacking); X-Frame-Options for older browsers.
  // 'self', not 'none': each chapter holds the book's own hidden cell frame (src/pages/cell-frame.astro).
  "Content-Security-Policy": "frame-ancestors 'self'",
  "X-Frame-Options": "SAMEORIGIN",
  // A file is what its Content-Type says: a .json or .txt is never run as a script.
  "X-Content-Type-Options": "nosniff",
  // Following a link out of the book tells the other site nothing of the page it came from.
  "Referrer-Policy": "no-referrer",
};

/** public/_headers as it must read: every path, then the headers indented. */
export function headersFile(): string {
  const lines = Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`);
  return [
    "# The book's HTTP headers for Netlify and Cloudflare Pages (written from scripts/headers.ts; keep them equal).",
    "/*",
    ...lines,
    "",
  ].join("\n");
}
