import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { getReadout } from "@/lib/experiments/server";
import { readoutCsv } from "@/lib/experiments";
import { handle } from "@/lib/http/server";

type Context = { params: Promise<{ experimentId: string }> };

// The readout as CSV, for analysts to check offline (`npm run stats` reproduces the numbers).
export const GET = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["experiments:read"], request);
  const readout = await getReadout(actor.workspaceId, (await params).experimentId, { breakdowns: false });
  const slug =
    readout.experiment.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "experiment";
  return new Response(readoutCsv(readout), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${slug}-readout.csv"`,
    },
  });
});
