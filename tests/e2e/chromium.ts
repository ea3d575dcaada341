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

/**
 * A fresh browser with its own empty profile. The book's service worker is
 * blocked unless a test asks for it (`serviceWorkers: "allow"`): otherwise
 * every browser would download the whole book for offline use.
 */
export async function launch(options: BrowserContextOptions = {}): Promise<Launched> {
  const profile = mkdtempSync(path.join(tmpdir(), "nnfs-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    viewport: { width: 1280, height: 900 },
    serviceWorkers: "block",
    ...options,
  });
  return {
    browser: context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export type { Browser };
