import { GitCompareArrows } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/(dashboard)/or-not-found";
import { PersonaCompare } from "@/components/personas/persona-compare";
import { RefreshWhileComputing } from "@/components/personas/refresh-while-computing";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";
import { getPersona, getPersonaInsights } from "@/lib/personas/server";
import { compareAudiences } from "@/lib/personas";

export const metadata: Metadata = { title: "Compare personas" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || null;

export default async function ComparePersonasPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageRole(PERMISSIONS["personas:read"]);
  const query = await searchParams;
  const [aId, bId] = [first(query.a), first(query.b)];
  const back = (
    <Button asChild variant="outline">
      <Link href="/personas">Back to the personas</Link>
    </Button>
  );

  if (!aId || !bId || aId === bId) {
    const twice = aId && aId === bId ? await orNotFound(getPersona(actor.workspaceId, aId)) : null;
    return (
      <>
        <PageHeader title="Compare personas" />
        <EmptyState
          icon={GitCompareArrows}
          title={twice ? `“${twice.name}” was picked twice` : "Pick two personas to compare"}
          description={
            twice
              ? "A persona compared with itself shows no differences: pick two different personas in the gallery."
              : "In the gallery, tick “Compare” on two cards: you will see their stories, assumption checks " +
                "and audiences side by side."
          }
          action={back}
        />
      </>
    );
  }

  const [a, b] = await Promise.all([
    orNotFound(getPersona(actor.workspaceId, aId)),
    orNotFound(getPersona(actor.workspaceId, bId)),
  ]);
  // Stored figures, as of their time; missing or stale ones are computed meanwhile and the page refreshes itself.
  const [aInsights, bInsights] = await Promise.all([
    getPersonaInsights(actor.workspaceId, a),
    getPersonaInsights(actor.workspaceId, b),
  ]);
  return (
    <>
      {(aInsights.computing || bInsights.computing) && <RefreshWhileComputing />}
      <PageHeader
        title={`${a.name} and ${b.name}`}
        description="Two personas side by side: what their stories say, and who is actually in their audiences."
        actions={back}
      />
      <PersonaCompare
        left={{ persona: a, insights: aInsights }}
        right={{ persona: b, insights: bInsights }}
        dimensions={compareAudiences(aInsights.stats, bInsights.stats)}
      />
    </>
  );
}
