import { Tags, Upload } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ProfilesTable } from "@/components/profiles/profiles-table";
import { DataAsOf } from "@/components/data-as-of";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/server";
import { can, PERMISSIONS } from "@/lib/auth";

export const metadata: Metadata = { title: "Profiles" };

export default async function ProfilesPage() {
  const actor = await requirePageRole(PERMISSIONS["profiles:read"]);
  return (
    <>
      <PageHeader
        meta={<DataAsOf />}
        title="Profiles"
        description="Every customer Tailor knows, anonymous or identified, with their traits and history."
        actions={
          <div className="flex gap-2">
            <Button asChild variant="outline">
              <Link href="/profiles/traits">
                <Tags className="size-4" aria-hidden /> Trait catalog
              </Link>
            </Button>
            {can(actor.role, "profiles:import") && (
              <Button asChild variant="outline">
                <Link href="/profiles/import">
                  <Upload className="size-4" aria-hidden /> Import CSV
                </Link>
              </Button>
            )}
          </div>
        }
      />
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
