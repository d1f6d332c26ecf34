import type { Metadata } from "next";
import { PolicyEditor } from "@/components/delivery/policy-editor";
import { DeliverySettingsTabs } from "@/components/delivery/settings-tabs";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";
import { loadStoredPolicy } from "@/lib/delivery/server";

export const metadata: Metadata = { title: "Send policy" };

/** Every IANA zone this runtime knows, plus UTC (which Intl leaves out of its list). */
function timeZones(current: string): string[] {
  const zones = new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]);
  zones.add(current);
  return [...zones].sort((a, b) => (a === "UTC" ? -1 : b === "UTC" ? 1 : a.localeCompare(b)));
}

export default async function PolicyPage() {
  const actor = await requirePageRole(PERMISSIONS["delivery:configure"]);
  const stored = await loadStoredPolicy(actor.workspaceId);
  return (
    <>
      <PageHeader
        title="Send policy"
        description={
          "Applies to every campaign: frequency caps, quiet hours in each profile's local time, and " +
          "the topics people can unsubscribe from. Transactional campaigns skip caps and quiet hours, " +
          "never consent."
        }
      />
      <DeliverySettingsTabs />
      <PolicyEditor
        initial={stored.policy}
        saved={stored.saved}
        updatedAt={stored.updatedAt?.toISOString() ?? null}
        timeZones={timeZones(stored.policy.defaultTimezone)}
      />
    </>
  );
}
