import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getImport, importErrorReport } from "@/lib/imports/get-import";
import { startImport } from "@/lib/imports/run-import";
import { startImportSchema, type ColumnMapping } from "@/lib/imports/schema";
import { createWorkspace } from "./support/fixtures";

const MAPPING: ColumnMapping = {
  user_id: { target: "userId", type: "string" },
  email: { target: "email", type: "string" },
  plan: { target: "trait:plan", type: "string" },
  score: { target: "trait:score", type: "number" },
  consent_email: { target: "consent:email", type: "boolean" },
};

function profilesCsv(rows: number, bad: Record<number, string> = {}) {
  const lines = ["user_id,email,plan,score,consent_email"];
  for (let i = 0; i < rows; i++)
    lines.push(bad[i] ?? `u-${i},user${i}@example.com,${i % 2 ? "gold" : "free"},${i % 100},${i % 3 === 0}`);
  return lines.join("\n");
}

async function finished(workspaceId: string, id: string) {
  for (let i = 0; i < 200; i++) {
    const progress = await getImport(workspaceId, id);
    if (progress.status !== "running") return progress;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the import did not finish");
}

describe("CSV import", () => {
  it("imports profiles, reports bad rows by row and column, and adds nothing when the file comes again", async () => {
    const { workspaceId, actors } = await createWorkspace();
    const csv = profilesCsv(1200, {
      10: ",nobody@example.com,free,1,true",
      500: "u-500,not-an-email,free,1,true",
      900: "u-900,u900@example.com,gold,lots,false",
    });
    const started = await startImport(actors.marketer, {
      kind: "profiles",
      fileName: "customers.csv",
      csv,
      mapping: MAPPING,
    });
    expect(started.totalRows).toBe(1200);
    const done = await finished(workspaceId, started.id);
    expect(done).toMatchObject({ status: "done", processedRows: 1200, acceptedRows: 1197, rejectedRows: 3 });

    const profile = await db.profile.findUniqueOrThrow({
      where: { workspaceId_externalId: { workspaceId, externalId: "u-7" } },
    });
    expect(profile).toMatchObject({
      email: "user7@example.com",
      traits: { plan: "gold", score: 7 },
      consent: { email: false },
    });
    expect(await importErrorReport(workspaceId, started.id)).toBe(
      [
        "row,column,reason",
        "12,user_id,The user id is empty.",
        "502,email,“not-an-email” is not an e-mail address.",
        "902,score,“lots” is not a number.",
      ].join("\n") + "\n",
    );

    const again = await startImport(actors.marketer, {
      kind: "profiles",
      fileName: "customers.csv",
      csv,
      mapping: MAPPING,
    });
    expect(await finished(workspaceId, again.id)).toMatchObject({
      acceptedRows: 0,
      duplicateRows: 1197,
      rejectedRows: 3,
    });
    expect(await db.profile.count({ where: { workspaceId } })).toBe(1197);
  });

  it("imports events onto profiles with their time and typed properties", async () => {
    const { workspaceId, actors } = await createWorkspace();
    const csv = [
      "customer,event,time,revenue",
      "c-1,purchase,2026-11-01T10:00:00Z,25.5",
      "c-1,purchase,2026-11-02T10:00:00Z,4.5",
    ].join("\n");
    const started = await startImport(actors.admin, {
      kind: "events",
      fileName: "orders.csv",
      csv,
      mapping: {
        customer: { target: "userId", type: "string" },
        event: { target: "event", type: "string" },
        time: { target: "timestamp", type: "date" },
        revenue: { target: "property:revenue", type: "number" },
      },
    });
    expect(await finished(workspaceId, started.id)).toMatchObject({ acceptedRows: 2 });
    const profile = await db.profile.findUniqueOrThrow({
      where: { workspaceId_externalId: { workspaceId, externalId: "c-1" } },
    });
    expect([profile.ordersCount, profile.ltv.toString(), profile.lastPurchaseAt?.toISOString()]).toEqual([
      2,
      "30",
      "2026-11-02T10:00:00.000Z",
    ]);
  });

  it("refuses a mapping without an identity column, naming the field", () => {
    const result = startImportSchema.safeParse({
      kind: "profiles",
      fileName: "x.csv",
      csv: "a\n1",
      mapping: { a: { target: "trait:a", type: "string" } },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ["mapping"],
      message: "Map one column to the user id (or the anonymous id).",
    });
  });

  it("refuses a UTF-16 or binary file with a 400 naming the file, and reads a UTF-8 file with a byte-order mark", async () => {
    const utf16 = "\uFFFD\uFFFDu\u0000s\u0000e\u0000r\u0000_\u0000i\u0000d\u0000\n\u0000";
    const refused = startImportSchema.safeParse({
      kind: "profiles",
      fileName: "excel.csv",
      csv: utf16,
      mapping: { user_id: { target: "userId", type: "string" } },
    });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({
      path: ["csv"],
      message: expect.stringContaining("not UTF-8 text"),
    });

    const { workspaceId, actors } = await createWorkspace();
    const started = await startImport(actors.marketer, {
      kind: "profiles",
      fileName: "bom.csv",
      csv: "\uFEFFuser_id,email\nb-1,b1@example.com",
      mapping: { user_id: { target: "userId", type: "string" }, email: { target: "email", type: "string" } },
    });
    expect(await finished(workspaceId, started.id)).toMatchObject({ status: "done", acceptedRows: 1 });
  });
});
