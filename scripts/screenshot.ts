/**
 * Takes screenshots of served pages with Debian's Chromium, for looking at
 * the book as a reader would:
 *   node scripts/screenshot.ts http://127.0.0.1:4321/02-a-single-neuron/ out.png [--dark] [--phone] [--full] [--scroll=PX] [--at=SELECTOR]
 */
import { chromium } from "playwright-core";

const [url, out = "/tmp/shot.png", ...flags] = process.argv.slice(2);
if (!url) {
  console.error("usage: node scripts/screenshot.ts URL OUT.png [--dark] [--phone] [--full]");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
try {
  const phone = flags.includes("--phone");
  const context = await browser.newContext({
    viewport: phone ? { width: 375, height: 740 } : { width: 1360, height: 900 },
    deviceScaleFactor: phone ? 2 : 1,
    colorScheme: flags.includes("--dark") ? "dark" : "light",
    hasTouch: phone,
  });
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") console.log(`console.${m.type()}: ${m.text()}`); });
  page.on("pageerror", (e) => console.log(`pageerror: ${e.message}`));
  await page.goto(url, { waitUntil: "networkidle" });
  const scroll = flags.find((f) => f.startsWith("--scroll="));
  const selector = flags.find((f) => f.startsWith("--at="));
  if (scroll) await page.evaluate((y) => window.scrollTo(0, y), Number(scroll.slice(9)));
  if (selector) await page.locator(selector.slice(5)).first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.screenshot({ path: out, fullPage: flags.includes("--full") });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
