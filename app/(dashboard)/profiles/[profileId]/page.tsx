import type { Metadata } from "next";
import { orNotFound } from "@/app/(dashboard)/or-not-found";
import { CHANNEL_INFO, CHANNELS } from "@/lib/profiles";
import { formatUtc } from "@/components/format-time";
import { EventTimeline } from "@/components/profiles/event-timeline";
import { KeyValues } from "@/components/profiles/key-values";
import { DataAsOf } from "@/components/data-as-of";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";
import { getProfile } from "@/lib/profiles/server";
import { displayValue } from "@/lib/display-value";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage({ params }: { params: Promise<{ profileId: string }> }) {
  const actor = await requirePageRole(PERMISSIONS["profiles:read"]);
  const { profileId } = await params;
  const profile = await orNotFound(getProfile(actor.workspaceId, profileId));
  const c = profile.computed;
  return (
    <>
      <PageHeader
        meta={<DataAsOf />}
        title={profile.fields.email ?? profile.externalId ?? "Anonymous visitor"}
        description={
          profile.externalId ? `User id ${profile.externalId}` : "Not identified yet: known only by anonymous ids."
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Identity</h2>
            </CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            <KeyValues
              entries={[
                [
                  "Tailor id",
                  <code key="id" className="font-mono text-xs">
                    {profile.id}
                  </code>,
                ],
                ["User id", profile.externalId],
                ["Anonymous ids", profile.aliases.length ? profile.aliases.map((a) => a.anonymousId).join(", ") : null],
                [
                  "Merged",
                  profile.merges.length
                    ? `${profile.merges.length} anonymous profile(s), ` +
                      `${profile.merges.reduce((n, m) => n + m.eventsMoved, 0)} events`
                    : null,
                ],
                ...Object.entries(profile.fields).map(([key, value]): [string, string | null] => [key, value]),
              ]}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Computed traits</h2>
            </CardTitle>
            <CardDescription>Kept current as events arrive.</CardDescription>
          </CardHeader>
          <CardContent>
            <KeyValues
              entries={[
                ["Orders", c.ordersCount],
                ["Lifetime value", c.ltv],
                ["Average order", c.aov],
                ["Last purchase", c.lastPurchaseAt && formatUtc(c.lastPurchaseAt)],
                ["First seen", c.firstSeenAt && formatUtc(c.firstSeenAt)],
                ["Last seen", c.lastSeenAt && formatUtc(c.lastSeenAt)],
                ["Days since seen", c.daysSinceLastSeen],
                ["Favourite category", c.favouriteCategory],
                ["Active hour", c.activeHour === null ? null : `${String(c.activeHour).padStart(2, "0")}:00 local`],
              ]}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Consent</h2>
            </CardTitle>
            <CardDescription>Per channel; unknown means no answer recorded.</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="space-y-1.5 text-sm">
              {CHANNELS.map((channel) => {
                const value = profile.consent[channel];
                return (
                  <li key={channel} className="flex justify-between">
                    <span>{CHANNEL_INFO[channel].label}</span>
                    {value === true ? (
                      <Badge variant="success">opted in</Badge>
                    ) : value === false ? (
                      <Badge variant="destructive">opted out</Badge>
                    ) : (
                      <Badge variant="outline">unknown</Badge>
                    )}
                  </li>
                );
              })}
            </ul>
          </CardContent>
        </Card>
        <Card className="lg:col-span-3">
          <CardHeader>
            <CardTitle>
              <h2>Traits</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <KeyValues
              entries={Object.entries(profile.traits).map(([key, value]): [string, string] => [
                key,
                displayValue(value),
              ])}
              empty="No traits yet: they arrive with identify calls."
            />
          </CardContent>
        </Card>
        <Card className="lg:col-span-3">
          <CardHeader>
            <CardTitle>
              <h2>Events</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <EventTimeline profileId={profile.id} eventNames={profile.eventNames} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
