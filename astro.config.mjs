// @ts-check
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import preact from "@astrojs/preact";
import { unified } from "@astrojs/markdown-remark";
import remarkMath from "remark-math";
import rehypeKatex from "rehype-katex";
import { remarkCells } from "./components/cell/build/remark-cells.ts";
import { cellTypesBundle } from "./components/cell/build/types-bundle.ts";
import { searchIndex } from "./src/build/search-index.ts";
import { serviceWorker } from "./src/build/service-worker.ts";
import { wholeLines } from "./components/cell/build/whole-lines.ts";

// Astro 7's default Markdown processor ignores remark/rehype plugins, so the
// unified processor is named explicitly: without it, KaTeX never runs.
const processor = unified({
  remarkPlugins: [remarkMath, remarkCells],
  rehypePlugins: [rehypeKatex],
});

// BASE_PATH lets the book be hosted under a sub-path, e.g. BASE_PATH=/nnfs/.
const base = process.env.BASE_PATH ?? "/";

// The Content-Security-Policy of every page (a <meta> tag Astro writes, with
// the hashes of the inline scripts it emits). Only the book's own files may
// load: no remote scripts, styles, fonts (KaTeX's are bundled) or requests.
// Styles allow 'unsafe-inline' because Shiki and KaTeX colour and place text
// with style attributes. Scripts do not allow 'unsafe-eval': the one page
// that does is the hidden cell frame (src/pages/cell-frame.astro adds it),
// where the code cells' worker compiles the reader's code with
// `new AsyncFunction`; that worker (started from a blob: URL, hence
// worker-src blob:) inherits the frame's policy, which keeps reader code from
// fetching or importing anything but the book's own files.
// 'wasm-unsafe-eval' lets the pages and their workers compile the library's own
// WebAssembly kernels (chapter 12; their bytes are part of the script, never fetched).
/** @type {NonNullable<import("astro").AstroUserConfig["security"]>["csp"]} */
const csp = {
  directives: [
    "default-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ],
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
};

// Whoever preloads a dynamic import's chunks has already loaded Vite's preload
// helper (it is the one calling it): listing the helper among the chunks to
// preload only adds bytes to the page's first script.
// What is left is the chunk itself alone: nothing to preload ahead of it (as Vite does).
/** @param {string} file @param {string[]} deps */
const withoutHelper = (file, deps) => {
  const kept = deps.filter((d) => !/preload-helper/.test(d));
  return kept.length === 1 && kept[0] === file ? [] : kept;
};
/** @type {import("vite").Plugin} */
const noHelperPreload = {
  name: "nnfs-no-helper-preload",
  configEnvironment: (name) =>
    name === "client" ? { build: { modulePreload: { resolveDependencies: withoutHelper } } } : undefined,
};

// @astrojs/preact always hands Babel to @preact/preset-vite, which then runs
// Babel over every .ts and .tsx file of the book (lib/ and components/, for the
// server and again for the pages) only to compile JSX: 5 s of a 25 s build.
// Vite's own transformer (Oxc) compiles the same JSX to the same calls of
// preact/jsx-runtime, natively; this plugin takes the Babel pass away.
/** @type {import("vite").Plugin} */
const jsxByOxc = {
  name: "nnfs-jsx-by-oxc",
  config: () => ({ oxc: { jsx: { runtime: "automatic", importSource: "preact" } } }),
  configResolved(config) {
    const babel = config.plugins.find((p) => p.name === "vite:preact-jsx");
    if (!babel) throw new Error("nnfs-jsx-by-oxc: @preact/preset-vite's JSX plugin (vite:preact-jsx) is gone; remove this plugin");
    delete babel.transform;
  },
};

// `astro build` reads the content collections through a Vite dev server of
// its own, whose dependency optimizer then bundles Preact and Astro's client
// scripts for a browser that never comes (the build itself never uses it):
// CPU spent for nothing in a clean clone, where node_modules/.vite is empty.
// Vite's way to turn it off: no discovery and nothing to include (after
// @astrojs/preact has listed its own). `astro dev` keeps it.
/** @type {import("astro").AstroIntegration} */
const noOptimizerInBuild = {
  name: "nnfs:no-optimizer-in-build",
  hooks: {
    "astro:config:setup": ({ command, updateConfig }) => {
      if (command !== "build") return;
      /** @type {import("vite").Plugin} */
      const plugin = {
        name: "nnfs-no-optimizer",
        enforce: "post",
        configEnvironment: (_name, options) => {
          options.optimizeDeps = { ...options.optimizeDeps, noDiscovery: true, include: [] };
        },
      };
      updateConfig({ vite: { plugins: [plugin] } });
    },
  },
};

export default defineConfig({
  base,
  // SITE_URL (e.g. https://example.org) makes the social cards' addresses absolute, as link previews need.
  site: process.env.SITE_URL || undefined,
  security: { csp },
  // OUT_DIR lets the browser tests build a second copy (under a sub-path) beside dist/.
  outDir: process.env.OUT_DIR ?? "./dist",
  trailingSlash: "always",
  // After the build: the search index (it must come before the service worker, which precaches it).
  integrations: [preact(), mdx(), searchIndex(), serviceWorker(), noOptimizerInBuild],
  markdown: {
    processor,
    shikiConfig: {
      // GitHub's "default" pair, not github-light/github-dark: their comments
      // (dark) and parameters (light) fall below 4.5:1 contrast. The cells'
      // editor colours (components/cell/build/cell.css) follow the same palette, and
      // Cell.astro / Exercise.astro pass the same pair.
      themes: { light: "github-light-default", dark: "github-dark-default" },
      // Every line highlighted whole, however busy the machine (components/cell/build/whole-lines.ts).
      transformers: [wholeLines],
    },
  },
  vite: {
    // The language service's worker bundles TypeScript's lib files and nnfs's declarations.
    plugins: [cellTypesBundle(), noHelperPreload, jsxByOxc],
    worker: { plugins: () => [cellTypesBundle()] },
    resolve: {
      alias: { nnfs: fileURLToPath(new URL("./lib/index.ts", import.meta.url)) },
    },
  },
});
