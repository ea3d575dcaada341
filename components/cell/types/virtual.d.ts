/** The files the language service's worker bundles (see build/types-bundle.ts). */
declare module "virtual:nnfs-cell-types" {
  /** TypeScript's lib files under /ts-lib/ and nnfs's declarations under /node_modules/nnfs/. */
  export const files: Record<string, string>;
}
