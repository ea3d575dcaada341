/**
 * Serves the built book (dist/) on 127.0.0.1, the way a static host would:
 * `npm start` builds and then runs this. PORT and BASE_PATH may be set.
 * Like any static host, it compresses what compresses (pages, scripts,
 * styles, the digit data) with Brotli or gzip, as the browser accepts: a
 * chapter's page is 250 kB as a file and 26 kB on the wire. Every response
 * carries the book's security headers (scripts/headers.ts): no framing by
 * other sites, no type sniffing, no referrer.
 */
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { SECURITY_HEADERS } from "./headers.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".bin": "application/octet-stream",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".ts": "text/plain; charset=utf-8",
};

export interface ServeOptions {
  root: string;
  port?: number;
  host?: string;
  base?: string;
}

/** Files worth compressing; fonts, images and Pagefind's files are compressed already. */
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".wasm", ".bin", ".txt", ".webmanifest", ".ts"]);

/** Compressed bodies, made once per file version and encoding. */
const compressed = new Map<string, Buffer>();

/** The encoding to send (Brotli, else gzip, else none) for what the request accepts. */
export function pickEncoding(acceptEncoding: string | undefined): "br" | "gzip" | null {
  const accepted = (acceptEncoding ?? "")
    .split(",")
    .map((part) => part.trim().split(";"))
    .filter(([, q]) => !q || Number.parseFloat(q.split("=")[1] ?? "1") > 0)
    .map(([name]) => name.toLowerCase());
  return accepted.includes("br") ? "br" : accepted.includes("gzip") ? "gzip" : null;
}

function compress(file: string, mtime: number, body: Buffer, encoding: "br" | "gzip"): Buffer {
  const key = `${encoding} ${mtime} ${file}`;
  let out = compressed.get(key);
  if (!out) {
    // Brotli at quality 5: nearly the size of the slowest setting, at a hundredth of its time.
    out =
      encoding === "br"
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
        : gzipSync(body, { level: 6 });
    compressed.set(key, out);
  }
  return out;
}

async function fileFor(root: string, urlPath: string): Promise<string | null> {
  const clean = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, "");
  let file = path.join(root, clean);
  if (!file.startsWith(root)) return null;
  try {
    const s = await stat(file);
    if (s.isDirectory()) file = path.join(file, "index.html");
    await stat(file);
    return file;
  } catch {
    return null;
  }
}

/** Starts the server; resolves once it listens, with its URL. */
export async function serve({ root, port = 4321, host = "127.0.0.1", base = "/" }: ServeOptions): Promise<{ server: Server; url: string }> {
  const prefix = base.endsWith("/") ? base : `${base}/`;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let file: string | null = null;
    if (url.pathname.startsWith(prefix)) file = await fileFor(root, url.pathname.slice(prefix.length - 1));
    else if (url.pathname === prefix.slice(0, -1)) {
      res.writeHead(301, { ...SECURITY_HEADERS, Location: prefix }).end();
      return;
    }
    if (!file && !url.pathname.endsWith("/") && !path.extname(url.pathname)) {
      // /02-a-single-neuron → /02-a-single-neuron/
      if (await fileFor(root, `${url.pathname.slice(prefix.length - 1)}/`)) {
        res.writeHead(301, { ...SECURITY_HEADERS, Location: `${url.pathname}/` }).end();
        return;
      }
    }
    const status = file ? 200 : 404;
    file ??= path.join(root, "404.html");
    try {
      let body: Buffer = await readFile(file);
      const headers: Record<string, string> = {
        ...SECURITY_HEADERS,
        "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "Cache-Control": "no-cache",
      };
      const compressible = COMPRESSIBLE.has(path.extname(file)) && body.length > 1024;
      const encoding = compressible ? pickEncoding(req.headers["accept-encoding"]) : null;
      if (compressible) headers["Vary"] = "Accept-Encoding";
      if (encoding) {
        body = compress(file, (await stat(file)).mtimeMs, body, encoding);
        headers["Content-Encoding"] = encoding;
      }
      headers["Content-Length"] = String(body.length);
      res.writeHead(status, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return { server, url: `http://${host}:${actualPort}${prefix}` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(fileURLToPath(new URL("../dist", import.meta.url)));
  const { url } = await serve({ root, port: Number(process.env.PORT ?? 4321), base: process.env.BASE_PATH ?? "/" });
  console.log(`\n  The book is being served at ${url}\n  (Ctrl+C stops it.)\n`);
}
