/**
 * The npm scripts run in Windows' cmd as well as in a POSIX shell: no
 * `VAR=value command` (cmd cannot set a variable that way) and no shell
 * commands of one system; Astro runs through scripts/astro.ts, which turns
 * telemetry off (and makes a build a production build) on every system.
 */
import { describe, expect, test } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { astroBin, astroEnv } from "../../scripts/astro.ts";

const scripts: Record<string, string> = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).scripts;

describe("npm scripts", () => {
  test.each(Object.entries(scripts))("%s: no VAR=value prefix and no POSIX-only command", (_name, command) => {
    for (const part of command.split(/&&|\|\||;/).map((p) => p.trim())) {
      expect(part, `${command}`).not.toMatch(/^[A-Za-z_][A-Za-z0-9_]*=/);
      expect(part, `${command}`).not.toMatch(/^(export|rm|cp|mv|mkdir|cat|env|sh|bash)\b/);
    }
  });

  test("Astro is never called directly, so telemetry is off everywhere", () => {
    const direct = Object.entries(scripts).filter(([, c]) => /(^|&&\s*)(npx\s+)?astro\b/.test(c));
    expect(direct).toEqual([]);
    for (const name of ["dev", "build", "typecheck"]) expect(scripts[name]).toMatch(/^node scripts\/astro\.ts /);
  });
});

describe("scripts/astro.ts", () => {
  test("telemetry off for every command; a build is a production build whatever NODE_ENV was", () => {
    expect(astroEnv("dev", { NODE_ENV: "test", PATH: "/bin" })).toEqual({ NODE_ENV: "test", PATH: "/bin", ASTRO_TELEMETRY_DISABLED: "1" });
    expect(astroEnv("build", { NODE_ENV: "test" })).toEqual({ NODE_ENV: "production", ASTRO_TELEMETRY_DISABLED: "1" });
    expect(astroEnv("check", {})).toEqual({ ASTRO_TELEMETRY_DISABLED: "1" });
  });

  test("finds Astro's entry script", () => {
    expect(existsSync(astroBin())).toBe(true);
  });
});
