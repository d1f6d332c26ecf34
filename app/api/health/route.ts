import { db } from "@/lib/db/server";

// Public liveness check: answers 200 once the app and its database respond.
export async function GET() {
  try {
    await db.$queryRaw`select 1`;
    return Response.json({ ok: true });
  } catch {
    return Response.json(
      { ok: false, error: { code: "database_unavailable", message: "The database does not answer." } },
      { status: 503 },
    );
  }
}
