/** scripts/serve.ts compresses like a static host: Brotli or gzip as the browser accepts, never what is compressed already. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { get, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { pickEncoding, serve } from "../../scripts/serve.ts";

describe("pickEncoding", () => {
  test.each([
    ["gzip, deflate, br", "br"],
    ["gzip, deflate", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["identity", null],
    [undefined, null],
  ] as const)("%s → %s", (accept, encoding) => expect(pickEncoding(accept)).toBe(encoding));
});

describe("serve", () => {
  let dir: string;
  let server: Server;
  let url: string;
  const page = `<!doctype html><p>${"a neuron, a layer, a network. ".repeat(200)}</p>`;
  const png = Buffer.alloc(4096, 7);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "nnfs-serve-"));
    mkdirSync(path.join(dir, "ch"));
    writeFileSync(path.join(dir, "ch", "index.html"), page);
    writeFileSync(path.join(dir, "card.png"), png);
    ({ server, url } = await serve({ root: dir, port: 0 }));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const fetchRaw = (href: string, acceptEncoding?: string) =>
    new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      get(href, { headers: acceptEncoding ? { "Accept-Encoding": acceptEncoding } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on("error", reject);
    });

  test("a page goes out with Brotli when accepted, and is the same page once decompressed", async () => {
    const { headers, body } = await fetchRaw(`${url}ch/`, "gzip, deflate, br");
    expect(headers["content-encoding"]).toBe("br");
    expect(headers["vary"]).toBe("Accept-Encoding");
    expect(Number(headers["content-length"])).toBe(body.length);
    expect(body.length).toBeLessThan(page.length / 10);
    expect(brotliDecompressSync(body).toString()).toBe(page);
  });

  test("with gzip when only gzip is accepted, as it is without any", async () => {
    const gz = await fetchRaw(`${url}ch/`, "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(page);
    const plain = await fetchRaw(`${url}ch/`);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(page);
  });

  test("an image is sent as it is", async () => {
    const { headers, body } = await fetchRaw(`${url}card.png`, "br");
    expect(headers["content-encoding"]).toBeUndefined();
    expect(headers["content-type"]).toBe("image/png");
    expect(body.equals(png)).toBe(true);
  });
});
