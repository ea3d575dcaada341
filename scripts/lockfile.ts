/**
 * Checks package-lock.json for the optional platform packages npm needs.
 *
 * Packages such as esbuild, rollup, pagefind or Astro's compiler ship their
 * native code as one optional dependency per platform. When a lockfile is
 * written on one machine, npm can leave out the entries for the other
 * platforms; `npm ci` then fails (or installs a different tree) elsewhere.
 * Every optional dependency named by a locked package must itself be
 * locked, where Node's resolution would find it.
 *
 *   node scripts/lockfile.ts   # prints what is missing; exits 1 if anything is
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

interface LockedPackage {
  version?: string;
  optionalDependencies?: Record<string, string>;
}

export interface Lockfile {
  packages: Record<string, LockedPackage>;
}

/** Where `name` resolves from the package at `from` (a lockfile key), or null. */
function resolveFrom(packages: Lockfile["packages"], from: string, name: string): string | null {
  let dir = from;
  for (;;) {
    const key = `${dir ? `${dir}/` : ""}node_modules/${name}`;
    if (packages[key]) return key;
    if (!dir) return null;
    const up = dir.lastIndexOf("/node_modules/");
    dir = up < 0 ? "" : dir.slice(0, up);
  }
}

/** Every optional dependency of a locked package that the lockfile does not record: "pkg → dep". */
export function missingOptionalPackages(lock: Lockfile): string[] {
  const missing: string[] = [];
  for (const [key, meta] of Object.entries(lock.packages)) {
    for (const dep of Object.keys(meta.optionalDependencies ?? {})) {
      if (!resolveFrom(lock.packages, key, dep)) missing.push(`${key.replace(/^.*node_modules\//, "") || "(root)"} → ${dep}`);
    }
  }
  return missing;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lock = JSON.parse(readFileSync(new URL("../package-lock.json", import.meta.url), "utf8")) as Lockfile;
  const missing = missingOptionalPackages(lock);
  if (missing.length) {
    console.error(`package-lock.json lacks ${missing.length} optional package(s):\n  ${missing.join("\n  ")}`);
    console.error("Regenerate it from scratch: rm -rf node_modules package-lock.json && npm install");
    process.exit(1);
  }
  console.log(`package-lock.json records every optional platform package (${Object.keys(lock.packages).length} entries).`);
}
