import type { Metadata } from "next";
import { Suspense } from "react";
import { OverviewReport } from "@/components/reports/overview-report";
import { ReportsNav } from "@/components/reports/reports-nav";
import { DataAsOf } from "@/components/data-as-of";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage() {
  await requirePageRole(PERMISSIONS["reports:read"]);
  return (
    <>
      <PageHeader
        meta={<DataAsOf />}
        title="Reports"
        description={
          "What your messages did: delivery, opens, clicks and conversions by channel, campaign, " +
          "persona and audience."
        }
      />
      <ReportsNav />
      <Suspense>
        <OverviewReport />
      </Suspense>
    </>
  );
}
