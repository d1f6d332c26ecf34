import type { Metadata } from "next";
import { WorkspaceSettingsForm } from "@/components/settings/workspace-settings-form";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";
import { currencyOptions } from "@/lib/workspace";
import { getWorkspaceSettings } from "@/lib/workspace/server";

export const metadata: Metadata = { title: "Workspace settings" };

export default async function WorkspaceSettingsPage() {
  const actor = await requirePageRole(PERMISSIONS["workspace:configure"]);
  const settings = await getWorkspaceSettings(actor.workspaceId);
  return (
    <>
      <PageHeader title="Workspace" description={`Settings for ${settings.name} as a whole.`} />
      <WorkspaceSettingsForm initial={{ currency: settings.currency }} currencies={currencyOptions()} />
    </>
  );
}
