/** The book's security headers: scripts/serve.ts sends them on every response, and public/_headers lists the same for Netlify and Cloudflare Pages. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get, type IncomingHttpHeaders, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { serve } from "../../scripts/serve.ts";
import { headersFile, SECURITY_HEADERS } from "../../scripts/headers.ts";

test("they forbid framing by other sites, type sniffing and referrers", () => {
  expect(SECURITY_HEADERS).toEqual({
    "Content-Security-Policy": "frame-ancestors 'self'",
    "X-Frame-Options": "SAMEORIGIN",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  });
});

test("public/_headers says the same, for every path", () => {
  const file = readFileSync(new URL("../../public/_headers", import.meta.url), "utf8");
  expect(file).toBe(headersFile());
  expect(file).toMatch(/^\/\*\n {2}Content-Security-Policy: frame-ancestors 'self'$/m);
});

describe("serve sends them", () => {
  let dir: string;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "nnfs-headers-"));
    writeFileSync(path.join(dir, "index.html"), "<!doctype html><p>book</p>");
    writeFileSync(path.join(dir, "404.html"), "<!doctype html><p>lost</p>");
    ({ server, url } = await serve({ root: dir, port: 0, base: "/nnfs/" }));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });
  const head = (href: string) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders }>((resolve, reject) =>
      get(href, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      }).on("error", reject));

  test.each([
    ["a page", "", 200],
    ["a missing file", "nothing-here.js", 404],
    ["the base without its slash", "..//nnfs", 301],
  ])("%s", async (_, rel, status) => {
    const target = rel === "..//nnfs" ? url.replace(/\/nnfs\/$/, "/nnfs") : `${url}${rel}`;
    const r = await head(target);
    expect(r.status).toBe(status);
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(r.headers[k.toLowerCase()], k).toBe(v);
  });
});
