import { chromium } from "playwright-core";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const p = await (await b.newContext()).newPage();
p.on("console", (m) => console.log("console", m.text()));
await p.goto("http://127.0.0.1:47311/01-why-neural-networks/", { waitUntil: "networkidle" });
console.log(await p.evaluate(() => { const r = document.querySelector('[data-predict-id="shifted-plus"]'); return [r.outerHTML.slice(0, 300), r.hasAttribute("data-pending"), r.querySelector("[data-cell]").dataset.state]; }));
await b.close();
