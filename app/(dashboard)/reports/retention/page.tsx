import type { Metadata } from "next";
import { Suspense } from "react";
import { ReportsNav } from "@/components/reports/reports-nav";
import { RetentionReport } from "@/components/reports/retention-report";
import { DataAsOf } from "@/components/data-as-of";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";

export const metadata: Metadata = { title: "Retention" };

export default async function RetentionPage() {
  await requirePageRole(PERMISSIONS["reports:read"]);
  return (
    <>
      <PageHeader
        meta={<DataAsOf />}
        title="Reports"
        description="Do people come back? Cohorts by first event or first message, and messaged vs holdout."
      />
      <ReportsNav />
      <Suspense>
        <RetentionReport />
      </Suspense>
    </>
  );
}
