/** package-lock.json records every platform's native packages, so `npm ci` works on Linux, macOS and Windows. */
import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { missingOptionalPackages, type Lockfile } from "../../scripts/lockfile.ts";

const binding = (os: string) => ({ version: "1.0.0", os: [os] });

describe("missingOptionalPackages", () => {
  test.each<{ title: string; packages: Lockfile["packages"]; missing: string[] }>([
    {
      title: "every binding locked at the top",
      packages: {
        "node_modules/tool": { version: "1.0.0", optionalDependencies: { "@tool/linux": "1.0.0", "@tool/darwin": "1.0.0" } },
        "node_modules/@tool/linux": binding("linux"),
        "node_modules/@tool/darwin": binding("darwin"),
      },
      missing: [],
    },
    {
      title: "a binding locked for this machine only",
      packages: {
        "node_modules/tool": { version: "1.0.0", optionalDependencies: { "@tool/linux": "1.0.0", "@tool/win32": "1.0.0" } },
        "node_modules/@tool/linux": binding("linux"),
      },
      missing: ["tool → @tool/win32"],
    },
    {
      title: "a binding nested under the package that needs it",
      packages: {
        "node_modules/a": { version: "1.0.0" },
        "node_modules/a/node_modules/tool": { version: "2.0.0", optionalDependencies: { "@tool/linux": "2.0.0" } },
        "node_modules/a/node_modules/@tool/linux": binding("linux"),
      },
      missing: [],
    },
    {
      title: "a binding nested under another package is out of reach",
      packages: {
        "node_modules/tool": { version: "1.0.0", optionalDependencies: { "@tool/linux": "1.0.0" } },
        "node_modules/b/node_modules/@tool/linux": binding("linux"),
      },
      missing: ["tool → @tool/linux"],
    },
  ])("$title", ({ packages, missing }) => {
    expect(missingOptionalPackages({ packages })).toEqual(missing);
  });
});

test("the repository's package-lock.json lacks no optional package", () => {
  const lock = JSON.parse(readFileSync(new URL("../../package-lock.json", import.meta.url), "utf8")) as Lockfile;
  expect(Object.keys(lock.packages).length).toBeGreaterThan(100);
  expect(missingOptionalPackages(lock)).toEqual([]);
});
