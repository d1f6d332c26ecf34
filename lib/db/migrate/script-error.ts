import { DriverAdapterError } from "@prisma/driver-adapter-utils";

type DatabaseError = {
  code: string;
  severity: string;
  message: string;
  detail?: string;
  hint?: string;
  column?: string;
  position?: string;
};

function isDatabaseError(error: unknown): error is DatabaseError {
  const candidate = error as Partial<DatabaseError> | null;
  return (
    typeof candidate?.code === "string" &&
    typeof candidate.severity === "string" &&
    typeof candidate.message === "string"
  );
}

/**
 * A failing migration script's error with the line it failed on, which the adapters drop (the
 * engine would print "syntax error at or near …" with no hint where, in a script of hundreds of
 * lines). Anything that is not a database error (a lost connection) passes unchanged.
 */
export function scriptError(error: unknown, script: string): unknown {
  if (!isDatabaseError(error)) return error;
  const line = error.position ? ` (line ${script.slice(0, Number(error.position) - 1).split("\n").length})` : "";
  return new DriverAdapterError({
    kind: "postgres",
    code: error.code,
    severity: error.severity,
    message: `${error.message}${line}`,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
  });
}
