/**
 * Every declaration file a cell's type check needs, read in Node: TypeScript's
 * own lib files for the cells' target (lib.es2023.d.ts and the files it
 * references) and nnfs's declarations. The chapter tests use them, and the
 * build bundles them into the language service's worker: nothing is fetched
 * at run time.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { CELL_LIBS } from "./compiler-options.ts";
import { libDeclarations } from "./lib-declarations.ts";
import { TS_LIB_DIR } from "./service.ts";

/** TypeScript's lib files for the cells, by their virtual name (`/ts-lib/lib.es5.d.ts`). */
export function tsLibFiles(): Record<string, string> {
  const dir = path.dirname(createRequire(import.meta.url).resolve("typescript/lib/lib.d.ts"));
  const out: Record<string, string> = {};
  const add = (name: string) => {
    const key = `${TS_LIB_DIR}/${name}`;
    if (key in out) return;
    out[key] = readFileSync(path.join(dir, name), "utf8");
    for (const m of out[key].matchAll(/\/\/\/\s*<reference lib="([^"]+)"/g)) add(`lib.${m[1].toLowerCase()}.d.ts`);
  };
  CELL_LIBS.forEach(add);
  return out;
}

/** TypeScript's lib files and nnfs's declarations (from `libIndex`, lib/index.ts). */
export function cellTypeFiles(libIndex: string): Record<string, string> {
  return { ...tsLibFiles(), ...libDeclarations(libIndex) };
}
