import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

const require = createRequire(import.meta.url);
let bindings: Promise<Bindings> | undefined;

// Instantiated once per process: a second instance of this module fails with a UTF-8 decoding error.
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    // Engine panics report through this registry; without it a panic prints nothing useful.
    const registry = {
      message: "",
      get() {
        return this.message;
      },
      set_message(message: string) {
        this.message = message;
      },
    };
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof registry }).PRISMA_WASM_PANIC_REGISTRY = registry;
    const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Bindings & {
      __wbg_set_wasm(exports: unknown): void;
    };
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const wasm = new WebAssembly.Module(readFileSync(wasmPath));
    const instance = new WebAssembly.Instance(wasm, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return bindings;
}

/** Prisma's own schema engine (WebAssembly) over our adapter factory: migrations with no native binary. */
export async function createSchemaEngine(
  schemaPath: string,
  schema: string,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<SchemaEngine> {
  const { SchemaEngine } = await loadBindings();
  const debug = process.env.TAILOR_MIGRATE_DEBUG === "1";
  return SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (log: string) => {
      if (debug) console.error(`[schema-engine] ${log}`);
    },
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}
