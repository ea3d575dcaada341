import { chromium } from "playwright-core";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
const p = await ctx.newPage();
for (const ch of process.argv.slice(2)) {
  await p.goto(`http://127.0.0.1:47311/${ch}/`, { waitUntil: "networkidle" });
  const r = await p.evaluate(() => [...document.querySelectorAll("[data-cell], [data-exercise]")].map((c) => { const pre = c.querySelector(".cell-code pre"); return pre && pre.scrollWidth > pre.clientWidth ? [c.getAttribute("aria-label"), pre.scrollWidth - pre.clientWidth, Math.max(...pre.textContent.split("\n").map(l=>l.length))] : null; }).filter(Boolean));
  console.log(ch, JSON.stringify(r));
  // wake editors
  for (let i = 0; i < 60; i++) { const left = await p.evaluate(() => { const w = [...document.querySelectorAll("[data-cell], [data-exercise]")].filter((c) => !c.querySelector(".cm-content")); w[0]?.scrollIntoView(); return w.length; }); if (!left) break; await p.waitForTimeout(150); }
  const e = await p.evaluate(() => [...document.querySelectorAll("[data-cell], [data-exercise]")].map((c) => { const s = c.querySelector(".cell-code .cm-scroller"); return s && s.scrollWidth > s.clientWidth ? [c.getAttribute("aria-label"), s.scrollWidth - s.clientWidth] : null; }).filter(Boolean));
  console.log(" editors", JSON.stringify(e));
}
await b.close();
