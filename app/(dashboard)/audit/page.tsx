import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditLogView } from "@/components/audit/audit-log-view";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  await requirePageRole(PERMISSIONS["audit:read"]);
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what, and when, with the values before and after." />
      <Card>
        <CardContent className="pt-6">
          <Suspense>
            <AuditLogView />
          </Suspense>
        </CardContent>
      </Card>
    </>
  );
}
