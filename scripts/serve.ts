/**
 * Serves the built book (dist/) on 127.0.0.1, the way a static host would:
 * `npm start` builds and then runs this. PORT and BASE_PATH may be set.
 */
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

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
      res.writeHead(301, { Location: prefix }).end();
      return;
    }
    if (!file && !url.pathname.endsWith("/") && !path.extname(url.pathname)) {
      // /02-a-single-neuron → /02-a-single-neuron/
      if (await fileFor(root, `${url.pathname.slice(prefix.length - 1)}/`)) {
        res.writeHead(301, { Location: `${url.pathname}/` }).end();
        return;
      }
    }
    const status = file ? 200 : 404;
    file ??= path.join(root, "404.html");
    try {
      const body = await readFile(file);
      res.writeHead(status, {
        "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "Cache-Control": "no-cache",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
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
