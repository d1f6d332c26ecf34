import type { Metadata } from "next";
import { TraitCatalogTable } from "@/components/profiles/trait-catalog-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/server";
import { can, PERMISSIONS } from "@/lib/auth";
import { listTraitCatalog } from "@/lib/profiles/server";

export const metadata: Metadata = { title: "Trait catalog" };

export default async function TraitCatalogPage() {
  const actor = await requirePageRole(PERMISSIONS["profiles:read"]);
  const traits = await listTraitCatalog(actor.workspaceId);
  const canFlag = can(actor.role, "traits:flag");
  return (
    <>
      <PageHeader
        title="Trait catalog"
        description={
          `Every field and trait segments, personas and messages can use. Knowing a lot is not ` +
          `licence to say it: a message that mentions someone's health or a model's guess about them ` +
          `is creepy. Flag such traits sensitive or inferred, and message copy that uses them is ` +
          `refused — segments may still use them. ` +
          `${canFlag ? "Flags are audited." : "Product managers and admins set the flags."}`
        }
      />
      <Card>
        <CardContent className="pt-6">
          <TraitCatalogTable initial={traits} canFlag={canFlag} />
        </CardContent>
      </Card>
    </>
  );
}
