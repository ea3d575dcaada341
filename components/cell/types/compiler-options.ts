/** The compiler options a cell is checked with, in the chapter tests and in the editor alike. */
import ts from "typescript";

export const CELL_LIBS = ["lib.es2023.d.ts"];

export const cellCompilerOptions = (): ts.CompilerOptions => ({
  target: ts.ScriptTarget.ES2023,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: CELL_LIBS,
  types: [],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
});
