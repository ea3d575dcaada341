/** Launching Debian's Chromium for the browser tests, with the flags this closed network needs. */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from "playwright-core";

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `Browser tests need Chromium, and none was found (looked at ${candidates.join(", ")}). ` +
        "Install it with `apt-get install -y chromium` or set CHROMIUM_PATH.",
    );
  }
  return found;
}

export interface Launched {
  browser: BrowserContext;
  close(): Promise<void>;
}

/** The editor's language service: the worker script holding TypeScript (4 MB), which a page loads on its first edit. */
const TYPE_SERVICE = /\/_astro\/ls-worker-[\w-]+\.js$/;

/**
 * What a browser launched with `typeService: "stand-in"` gets instead: a worker that answers
 * every question (components/cell/protocol.ts, ToTypes) as the service does for code with
 * no type error and nothing to show: no problems, no hover, no completion of its own (the
 * editor then completes the book's names by itself). Loading TypeScript and checking the
 * cells costs every page that edits a cell one to two seconds of CPU; the files that test
 * the notebook, not types, use the stand-in; types.test.ts, cell-messages.test.ts (its type
 * notes), a11y.test.ts and every other file use the real service.
 */
const TYPE_SERVICE_STAND_IN = [
  "self.onmessage = ({ data }) => postMessage(",
  '  data.ask === "problems" ? { id: data.id, ask: "problems", problems: [] }',
  '  : data.ask === "hover" ? { id: data.id, ask: "hover", hover: null }',
  '  : { id: data.id, ask: "complete", completions: null });',
].join("\n");

/**
 * A fresh browser with its own empty profile. The book's service worker is
 * blocked unless a test asks for it (`serviceWorkers: "allow"`): otherwise
 * every browser would download the whole book for offline use.
 */
export async function launch({ typeService = "real", ...options }: BrowserContextOptions & { typeService?: "real" | "stand-in" } = {}): Promise<Launched> {
  const profile = mkdtempSync(path.join(tmpdir(), "nnfs-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    viewport: { width: 1280, height: 900 },
    serviceWorkers: "block",
    ...options,
  });
  if (typeService === "stand-in") await context.route(TYPE_SERVICE, (route) => route.fulfill({ contentType: "text/javascript", body: TYPE_SERVICE_STAND_IN }));
  return {
    browser: context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export type { Browser };
