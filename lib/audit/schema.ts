import { z } from "zod";

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-23.");

/** Filters for the audit log page and its API: all optional, dates are whole UTC days. */
export const auditFilterSchema = z
  .object({
    entityType: z.string().trim().min(1).max(64).optional(),
    actorId: z.string().trim().min(1).max(64).optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    before: z.coerce.bigint().positive().optional(), // cursor: rows with a smaller id
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "The start date must be on or before the end date.",
    path: ["from"],
  });

export type AuditFilter = z.infer<typeof auditFilterSchema>;
