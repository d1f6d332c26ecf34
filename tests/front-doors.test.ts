import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * Each lib module's front doors: index.ts is what a browser bundle may load (schemas, types, pure
 * functions), server.ts begins with `import "server-only"`. ESLint keeps app/ and components/ on
 * these two doors (no-restricted-imports); this test keeps index.ts honest by walking everything
 * it loads at run time.
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const LIB = path.join(ROOT, "lib");
const SERVER_PACKAGES = [
  /^server-only$/,
  /^node:/,
  /^pg(-|$)/,
  /^@prisma\//,
  /^@electric-sql\//,
  /^next-auth/,
  /^next\/(headers|server)$/,
  /^(nodemailer|web-push|mjml|bcryptjs)$/,
];
const modules = readdirSync(LIB).filter((d) => d !== "generated" && statSync(path.join(LIB, d)).isDirectory());

/** Specifiers a file loads at run time (type-only imports and re-exports are erased). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const found: string[] = [];
  const statement = /^(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s*"([^"]+)"|^import\s+"([^"]+)"/gms;
  for (const m of source.matchAll(statement)) {
    if (m[4]) found.push(m[4]);
    else if (!m[1] && !/^\{\s*(type\s+[\w$]+\s*,?\s*)+\}$/.test(m[2]!.trim())) found.push(m[3]!);
  }
  return found;
}

function resolveLocal(spec: string, from: string): string | undefined {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The server-side things `entry` loads, with the chain that loads each. */
function serverReach(entry: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of runtimeImports(file)) {
      if (spec.startsWith(".") || spec.startsWith("@/")) {
        const next = resolveLocal(spec, file);
        if (next) walk(next, [...chain, path.relative(ROOT, next)]);
      } else if (SERVER_PACKAGES.some((p) => p.test(spec)) || builtinModules.includes(spec)) {
        found.push([...chain, spec].join(" → "));
      }
    }
  };
  walk(entry, [path.relative(ROOT, entry)]);
  return found;
}

describe("module front doors", () => {
  it("every lib module has a front door", () => {
    const without = modules.filter(
      (m) => !existsSync(path.join(LIB, m, "index.ts")) && !existsSync(path.join(LIB, m, "server.ts")),
    );
    expect(without).toEqual([]);
  });

  it.each(modules.filter((m) => existsSync(path.join(LIB, m, "index.ts"))))(
    "lib/%s/index.ts loads nothing server-side",
    (m) => {
      expect(serverReach(path.join(LIB, m, "index.ts"))).toEqual([]);
    },
  );

  it.each(modules.filter((m) => existsSync(path.join(LIB, m, "server.ts"))))(
    'lib/%s/server.ts begins with import "server-only"',
    (m) => {
      expect(readFileSync(path.join(LIB, m, "server.ts"), "utf8").startsWith('import "server-only";')).toBe(true);
    },
  );

  it("the walk finds a server import (the test can fail)", () => {
    expect(serverReach(path.join(LIB, "db", "client.ts")).length).toBeGreaterThan(0);
  });
});
