import { ArrowRight, CheckCircle2, Circle } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ActivityChart } from "@/components/home/activity-chart";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/server";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/auth";
import { getWorkspaceActivity, getWorkspaceOverview } from "@/lib/workspace/server";
import { nextSteps } from "@/lib/workspace";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const actor = await requirePageRole();
  const [overview, activity] = await Promise.all([
    getWorkspaceOverview(actor.workspaceId),
    getWorkspaceActivity(actor.workspaceId),
  ]);
  const steps = nextSteps(actor.role, overview);
  return (
    <>
      <PageHeader
        title={`Welcome, ${actor.name.split(" ")[0]}`}
        description={`You are signed in to ${actor.workspaceName}.`}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>
              <h2>Next steps</h2>
            </CardTitle>
            <CardDescription>Where to start in this workspace.</CardDescription>
          </CardHeader>
          <CardContent>
            <ol className="divide-y">
              {steps.map((step) => (
                <li key={step.href}>
                  <Link href={step.href} className="group flex items-start gap-3 py-3">
                    {step.done ? (
                      <CheckCircle2 className="mt-0.5 size-5 text-success" aria-label="Done" />
                    ) : (
                      <Circle className="mt-0.5 size-5 text-muted-foreground" aria-label="To do" />
                    )}
                    <span className="flex-1">
                      <span className="block font-medium group-hover:underline">{step.title}</span>
                      <span className="block text-sm text-muted-foreground">{step.description}</span>
                    </span>
                    <ArrowRight className="mt-0.5 size-4 text-muted-foreground" aria-hidden />
                  </Link>
                </li>
              ))}
            </ol>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Your role</h2>
            </CardTitle>
          </CardHeader>
          <CardContent className="space-y-3">
            <Badge>{ROLE_LABELS[actor.role]}</Badge>
            <p className="text-sm text-muted-foreground">{ROLE_DESCRIPTIONS[actor.role]}</p>
            <p className="text-sm">
              <span className="font-medium tabular-nums">{overview.activeMembers}</span> active member
              {overview.activeMembers === 1 ? "" : "s"} in this workspace.
            </p>
          </CardContent>
        </Card>
        <Card className="lg:col-span-3">
          <CardHeader>
            <CardTitle>
              <h2>Workspace activity</h2>
            </CardTitle>
            <CardDescription>Changes recorded in the audit log per day (UTC).</CardDescription>
          </CardHeader>
          <CardContent>
            <ActivityChart days={activity} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
