import type { Metadata } from "next";
import { DeliverySettingsTabs } from "@/components/delivery/settings-tabs";
import { ProvidersSettings } from "@/components/delivery/providers-settings";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";

export const metadata: Metadata = { title: "Delivery providers" };

export default async function DeliveryProvidersPage() {
  await requirePageRole(PERMISSIONS["delivery:configure"]);
  return (
    <>
      <PageHeader
        title="Delivery"
        description={
          "How each channel leaves Tailor. A channel without a provider goes to the sandbox outbox, " +
          "so nothing reaches a real person until you configure one. Secrets are encrypted at rest " +
          "and never shown again."
        }
      />
      <DeliverySettingsTabs />
      <ProvidersSettings />
    </>
  );
}
