import type { Metadata } from "next";
import { ApiKeysTable } from "@/components/api-keys/api-keys-table";
import { CreateApiKeyDialog } from "@/components/api-keys/create-api-key-dialog";
import { InAppIdentityCard } from "@/components/api-keys/inapp-identity-card";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requirePageRole(PERMISSIONS["apiKeys:manage"]);
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          "Server keys write to the ingestion API: POST /api/v1/identify, /track, /alias and /batch " +
          "(also /v1/batch for Segment SDKs). Client (publishable) keys only read the in-app inbox: " +
          "GET /api/v1/inapp, for the tailor-inapp.js script."
        }
        actions={<CreateApiKeyDialog />}
      />
      <Card>
        <CardContent className="pt-6">
          <ApiKeysTable />
        </CardContent>
      </Card>
      <div className="mt-6">
        <InAppIdentityCard />
      </div>
    </>
  );
}
