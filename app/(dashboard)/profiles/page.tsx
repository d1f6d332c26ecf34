import type { Metadata } from "next";
import { Suspense } from "react";
import { ProfilesTable } from "@/components/profiles/profiles-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/require-page-role";
import { PERMISSIONS } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Profiles" };

export default async function ProfilesPage() {
  await requirePageRole(PERMISSIONS["profiles:read"]);
  return (
    <>
      <PageHeader title="Profiles" description="Every customer Tailor knows, anonymous or identified, with their traits and history." />
      <Card>
        <CardContent className="pt-6">
          <Suspense>
            <ProfilesTable />
          </Suspense>
        </CardContent>
      </Card>
    </>
  );
}
