import type { Metadata } from "next";
import { DataAsOf } from "@/components/data-as-of";
import { IngestionHealth } from "@/components/settings/ingestion-health";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";

export const metadata: Metadata = { title: "Ingestion" };

export default async function IngestionPage() {
  await requirePageRole(PERMISSIONS["ingestion:monitor"]);
  return (
    <>
      <PageHeader
        title="Ingestion"
        description={
          "Calls are captured as they arrive and folded into events, rollups and traits a moment later. " +
          "This page shows how far folding has come and what holds it back. Refreshed every 5 s."
        }
        meta={<DataAsOf />}
      />
      <IngestionHealth />
    </>
  );
}
