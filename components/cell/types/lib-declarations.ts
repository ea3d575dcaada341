/**
 * The library's types as the cells see them: `lib/`'s declarations (.d.ts,
 * with every doc comment), emitted in memory by the TypeScript compiler.
 * The chapter type test checks against them, and the build bundles them for
 * the editor's language service, so the two see the same `nnfs`.
 */
import ts from "typescript";
import path from "node:path";

/** Where the declarations live in the virtual file system of a type check. */
export const NNFS_DIR = "/node_modules/nnfs";

/** `{ "/node_modules/nnfs/index.d.ts": "…", … }` for `lib/index.ts` and every file it reaches. */
export function libDeclarations(libIndex: string): Record<string, string> {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    types: [],
    strict: true,
    declaration: true,
    emitDeclarationOnly: true,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    noCheck: true,
  };
  const libDir = path.dirname(libIndex);
  const out: Record<string, string> = {};
  const program = ts.createProgram([libIndex], options);
  program.emit(undefined, (file, text) => {
    const rel = path.relative(libDir, file.replace(/\\/g, "/"));
    // Declarations keep the sources' `./matrix.ts` specifiers; the virtual files answer to `./matrix.d.ts`.
    out[`${NNFS_DIR}/${rel.split(path.sep).join("/")}`] = text.replace(/(from\s+["'][^"']+)\.ts(["'])/g, "$1.js$2").replace(/(import\(["'][^"']+)\.ts(["']\))/g, "$1.js$2");
  });
  return out;
}
