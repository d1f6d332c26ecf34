import { z } from "zod";

export const IMPORT_KINDS = ["profiles", "events"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const COLUMN_TYPES = ["string", "number", "boolean", "date"] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

// Where a column's values go. "trait:x" / "property:x" / "consent:channel" name their key.
export const FIXED_TARGETS: Record<ImportKind, readonly string[]> = {
  profiles: ["ignore", "userId", "anonymousId", "email", "phone", "locale", "timezone", "country", "city", "platform"],
  events: ["ignore", "userId", "anonymousId", "event", "timestamp", "messageId"],
};
const KEYED = /^(trait|property|consent):[A-Za-z0-9_.-]{1,64}$/;

const columnSchema = z.object({ target: z.string().min(1).max(80), type: z.enum(COLUMN_TYPES) });

export const startImportSchema = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    fileName: z.string().trim().min(1).max(200),
    csv: z
      .string()
      .min(1, "The file is empty.")
      .max(64 * 1024 * 1024, "Import files up to 64 MB.")
      // Read as UTF-8, a UTF-16 file or a spreadsheet's binary format is full of NUL characters.
      .refine(
        (csv) => !csv.includes("\u0000"),
        "The file is not UTF-8 text (UTF-16, or not a CSV at all): save it as “CSV UTF-8” and try again.",
      ),
    mapping: z.record(z.string(), columnSchema),
  })
  .superRefine((input, ctx) => {
    const targets = Object.values(input.mapping).map((c) => c.target);
    for (const [column, { target }] of Object.entries(input.mapping)) {
      const keyedOk =
        KEYED.test(target) &&
        (input.kind === "profiles" ? !target.startsWith("property:") : target.startsWith("property:"));
      if (!FIXED_TARGETS[input.kind].includes(target) && !keyedOk) {
        ctx.addIssue({
          code: "custom",
          path: ["mapping", column],
          message: `“${target}” is not a place ${input.kind} can go.`,
        });
      }
    }
    if (!targets.includes("userId") && !targets.includes("anonymousId")) {
      ctx.addIssue({
        code: "custom",
        path: ["mapping"],
        message: "Map one column to the user id (or the anonymous id).",
      });
    }
    if (input.kind === "events" && !targets.includes("event")) {
      ctx.addIssue({ code: "custom", path: ["mapping"], message: "Map one column to the event name." });
    }
  });

export type StartImportInput = z.infer<typeof startImportSchema>;
export type ColumnMapping = StartImportInput["mapping"];
