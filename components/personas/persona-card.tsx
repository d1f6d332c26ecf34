"use client";

import { CornerDownRight, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { SizeSparkline } from "@/components/segments/size-sparkline";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardFooter, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { GalleryCard } from "@/lib/personas";
import { ArchivedBadge } from "@/components/archived-badge";
import { ChannelIcons } from "./channel-icons";
import { FreshnessBadge } from "./freshness-badge";
import { PersonaAvatar } from "./persona-avatar";

type CompareChoice = { checked: boolean; disabled: boolean; onChange: (checked: boolean) => void };

/** One persona in the gallery: who they are, how many customers they stand for, and whether to trust it. */
export function PersonaCard({ persona, compare }: { persona: GalleryCard; compare: CompareChoice }) {
  const checkboxId = `compare-${persona.id}`;
  return (
    // The article is named by the persona, so tests and screen readers can find "the card of X".
    <Card
      role="article"
      aria-labelledby={`persona-${persona.id}-name`}
      // A sub-persona sits right after its parent; the rule on its left ties it to the card before.
      className={cn("flex h-full flex-col", persona.parentId && "border-l-4 border-l-primary/40")}
    >
      <CardHeader className="flex-row items-start gap-3">
        <PersonaAvatar
          personaId={persona.id}
          name={persona.name}
          hasImage={persona.hasAvatarImage}
          version={persona.updatedAt}
        />
        <div className="min-w-0 flex-1">
          <h2 id={`persona-${persona.id}-name`} className="truncate font-semibold">
            <Link href={`/personas/${persona.id}`} className="hover:underline">
              {persona.name}
            </Link>
          </h2>
          {persona.parentId && (
            <p className="flex items-start gap-1 text-xs text-muted-foreground">
              <CornerDownRight className="mt-0.5 size-3 shrink-0" aria-hidden />
              <span>
                Sub-persona of{" "}
                {persona.parentName ? (
                  <Link href={`/personas/${persona.parentId}`} className="font-medium text-foreground hover:underline">
                    {persona.parentName}
                  </Link>
                ) : (
                  "another persona"
                )}
              </span>
            </p>
          )}
          <p className="mt-1 line-clamp-3 text-sm text-muted-foreground" title={persona.summary || undefined}>
            {persona.summary || "No summary yet."}
          </p>
        </div>
      </CardHeader>
      <CardContent className="flex flex-1 flex-col gap-3 text-sm">
        <div className="flex flex-wrap items-center gap-2">
          {persona.archivedAt && <ArchivedBadge />}
          <FreshnessBadge state={persona.freshness} validatedAt={persona.validatedAt} />
        </div>
        {persona.segment ? (
          <div>
            <p>
              <span className="font-semibold tabular-nums">
                {persona.size === null ? "—" : persona.size.toLocaleString("en")}
              </span>{" "}
              profiles in{" "}
              <Link href={`/segments/${persona.segment.id}`} className="text-primary underline underline-offset-4">
                {persona.segment.name}
              </Link>
            </p>
            <SizeSparkline trend={persona.trend} label={`${persona.name}'s audience over 30 days`} />
          </div>
        ) : (
          <p className="text-muted-foreground">No segment bound yet: the persona is not tied to real customers.</p>
        )}
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-3 gap-y-1.5">
          <dt className="text-xs text-muted-foreground">Channels</dt>
          <dd>
            <ChannelIcons channels={persona.channels} />
          </dd>
          <dt className="text-xs text-muted-foreground">Owner</dt>
          <dd className="truncate" title={persona.ownerEmail}>
            {persona.ownerEmail}
          </dd>
        </dl>
        {persona.warnings.map((warning) => (
          <Alert key={warning} variant="warning">
            <TriangleAlert aria-hidden />
            <AlertDescription>{warning}</AlertDescription>
          </Alert>
        ))}
      </CardContent>
      <CardFooter className="border-t pt-3 pb-3">
        <input
          id={checkboxId}
          type="checkbox"
          className="size-4 accent-primary disabled:cursor-not-allowed"
          checked={compare.checked}
          disabled={compare.disabled}
          onChange={(e) => compare.onChange(e.target.checked)}
        />
        <label htmlFor={checkboxId} className={cn("text-sm", compare.disabled && "text-muted-foreground")}>
          Compare <span className="sr-only">{persona.name}</span>
        </label>
      </CardFooter>
    </Card>
  );
}
