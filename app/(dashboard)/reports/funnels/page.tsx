import type { Metadata } from "next";
import { Suspense } from "react";
import { FunnelReport } from "@/components/reports/funnel-report";
import { ReportsNav } from "@/components/reports/reports-nav";
import { DataAsOf } from "@/components/data-as-of";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";

export const metadata: Metadata = { title: "Funnels" };

export default async function FunnelsPage() {
  await requirePageRole(PERMISSIONS["reports:read"]);
  return (
    <>
      <PageHeader
        meta={<DataAsOf />}
        title="Reports"
        description="Where people drop off: ordered steps within a conversion window."
      />
      <ReportsNav />
      <Suspense>
        <FunnelReport />
      </Suspense>
    </>
  );
}
