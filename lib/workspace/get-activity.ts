import { db } from "@/lib/db/client";
import { activityByDaySql } from "./sql";

export type ActivityDay = { day: string; changes: number };

/** Changes recorded in the audit log per day, for the home page's activity sparkline. */
export async function getWorkspaceActivity(workspaceId: string, days = 30): Promise<ActivityDay[]> {
  return db.$queryRaw<ActivityDay[]>(activityByDaySql(workspaceId, days));
}
