/**
 * How a cell's imports resolve in the virtual file system of a type check:
 * `nnfs` is lib/'s declarations, `./cell-2.js` another unit (or a
 * declaration file beside the importer). Nothing is looked up on disk.
 */
import ts from "typescript";
import { NNFS_DIR } from "./lib-declarations.ts";

export function resolveIn(has: (file: string) => boolean) {
  return (literals: readonly ts.StringLiteralLike[], containing: string): ts.ResolvedModuleWithFailedLookupLocations[] =>
    literals.map((lit) => {
      const spec = lit.text === "nnfs" ? `${NNFS_DIR}/index.d.ts` : lit.text.startsWith("./") ? new URL(lit.text, `file://${containing}`).pathname.replace(/\.js$/, ".ts") : null;
      const resolved = spec && has(spec) ? spec : spec?.replace(/\.ts$/, ".d.ts");
      if (!resolved || !has(resolved)) return { resolvedModule: undefined };
      return { resolvedModule: { resolvedFileName: resolved, extension: resolved.endsWith(".d.ts") ? ts.Extension.Dts : ts.Extension.Ts } };
    });
}
