import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { getReadout, readoutCsv } from "@/lib/experiments/server";
import { handle } from "@/lib/http/respond";

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
