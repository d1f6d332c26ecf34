import type { Metadata } from "next";
import { ImportWizard } from "@/components/imports/import-wizard";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";

export const metadata: Metadata = { title: "Import CSV" };

export default async function ImportPage() {
  await requirePageRole(PERMISSIONS["profiles:import"]);
  return (
    <>
      <PageHeader
        title="Import CSV"
        description={
          "Profiles (one row per customer: ids, e-mail, traits, consent) or events (one row per " +
          "event: user id, event name, time, properties). Importing the same file again adds nothing."
        }
      />
      <Card>
        <CardContent className="pt-6">
          <ImportWizard />
        </CardContent>
      </Card>
    </>
  );
}
