import { CircleCheck, CircleHelp, CircleMinus, CircleX, type LucideIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AssumptionStatus, ComparedDimension } from "@/lib/personas";
import type { PersonaDetail, PersonaInsights } from "@/lib/personas/server";
import { CHANNEL_INFO } from "@/lib/profiles";
import { CHANNEL_ICONS } from "./channel-icons";
import { CompareDistributionChart } from "./compare-distribution-chart";
import { FreshnessBadge } from "./freshness-badge";
import { InsightStatus } from "./insight-status";
import { PersonaAvatar } from "./persona-avatar";

export type CompareSide = { persona: PersonaDetail; insights: PersonaInsights };

// Verdicts in words and icon, never colour alone.
const VERDICTS: Record<
  AssumptionStatus,
  { label: string; variant: "success" | "destructive" | "secondary" | "outline"; icon: LucideIcon }
> = {
  confirmed: { label: "Confirmed", variant: "success", icon: CircleCheck },
  contradicted: { label: "Contradicted", variant: "destructive", icon: CircleX },
  inconclusive: { label: "Inconclusive", variant: "secondary", icon: CircleHelp },
  no_data: { label: "No data", variant: "outline", icon: CircleMinus },
  not_checkable: { label: "Not checkable", variant: "outline", icon: CircleMinus },
};
const PRIORITY_LABELS = {
  price: "Price",
  quality: "Quality",
  sustainability: "Sustainability",
  convenience: "Convenience",
} as const;
const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const none = <span className="text-muted-foreground">—</span>;
function Lines({ items }: { items: readonly string[] }) {
  if (items.length === 0) return none;
  return (
    <ul className="list-disc space-y-0.5 pl-4">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

const STORY_ROWS: { label: string; render: (p: PersonaDetail) => ReactNode }[] = [
  { label: "Summary", render: (p) => p.summary || none },
  { label: "Goals", render: (p) => <Lines items={p.goals} /> },
  { label: "Pain points", render: (p) => <Lines items={p.painPoints} /> },
  { label: "Motivations", render: (p) => <Lines items={p.motivations} /> },
  { label: "Objections", render: (p) => <Lines items={p.objections} /> },
  {
    label: "Priorities, ranked",
    render: (p) =>
      p.priorities.length === 0 ? (
        none
      ) : (
        <ol className="list-decimal space-y-0.5 pl-5">
          {p.priorities.map((priority) => (
            <li key={priority}>{PRIORITY_LABELS[priority]}</li>
          ))}
        </ol>
      ),
  },
  {
    label: "Channels, in order",
    render: (p) =>
      p.channels.length === 0 ? (
        none
      ) : (
        <ol className="space-y-0.5">
          {p.channels.map((channel) => {
            const Icon = CHANNEL_ICONS[channel];
            return (
              <li key={channel} className="flex items-center gap-1.5">
                <Icon className="size-4 text-muted-foreground" aria-hidden /> {CHANNEL_INFO[channel].label}
              </li>
            );
          })}
        </ol>
      ),
  },
  {
    label: "Tone of voice",
    render: (p) =>
      !p.tone.voice && !p.tone.example ? (
        none
      ) : (
        <>
          {p.tone.voice && <p className="font-medium">{capitalised(p.tone.voice)}</p>}
          {p.tone.example && (
            <blockquote className="mt-1 border-l-2 pl-2 text-muted-foreground italic">“{p.tone.example}”</blockquote>
          )}
        </>
      ),
  },
  { label: "Jobs to be done", render: (p) => <Lines items={p.jobsToBeDone} /> },
];

function SideHeader({ side }: { side: CompareSide }) {
  const { persona, insights } = side;
  const size = insights.stats?.size ?? null;
  const sizeLabel = size === null ? "—" : size.toLocaleString("en");
  return (
    <Card>
      <CardHeader className="flex-row items-start gap-3">
        <PersonaAvatar
          personaId={persona.id}
          name={persona.name}
          hasImage={persona.hasAvatarImage}
          version={persona.updatedAt}
        />
        <div className="min-w-0 flex-1 space-y-1.5">
          <h2 className="text-lg font-semibold">
            <Link href={`/personas/${persona.id}`} className="hover:underline">
              {persona.name}
            </Link>
          </h2>
          {persona.parent && (
            <p className="text-xs text-muted-foreground">
              Sub-persona of{" "}
              <Link href={`/personas/${persona.parent.id}`} className="font-medium text-foreground hover:underline">
                {persona.parent.name}
              </Link>
            </p>
          )}
          <FreshnessBadge state={persona.freshness.state} validatedAt={persona.freshness.validatedAt} />
          <p className="text-sm">
            {persona.segment ? (
              <>
                <span className="font-semibold tabular-nums">{sizeLabel}</span> profiles in{" "}
                <Link href={`/segments/${persona.segment.id}`} className="text-primary underline underline-offset-4">
                  {persona.segment.name}
                </Link>
                <InsightStatus insights={insights} />
              </>
            ) : (
              <span className="text-muted-foreground">
                No segment bound: nothing about this persona is checked against customers.
              </span>
            )}
          </p>
        </div>
      </CardHeader>
    </Card>
  );
}

function Verdicts({ side }: { side: CompareSide }) {
  const { verdicts } = side.insights;
  const count = (status: AssumptionStatus) => verdicts.filter((v) => v.status === status).length;
  const tally = (["confirmed", "contradicted", "inconclusive", "no_data", "not_checkable"] as const)
    .filter((s) => count(s) > 0)
    .map((s) => `${count(s)} ${VERDICTS[s].label.toLowerCase()}`);
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h3>{side.persona.name}</h3>
        </CardTitle>
        <p className="text-sm text-muted-foreground">
          {verdicts.length === 0
            ? "No assumptions written down yet."
            : `${verdicts.length} assumption${verdicts.length === 1 ? "" : "s"}: ${tally.join(", ")}.`}
        </p>
      </CardHeader>
      <CardContent>
        <ul className="space-y-3 text-sm">
          {verdicts.map((v) => {
            const verdict = VERDICTS[v.status];
            return (
              <li key={v.id}>
                <div className="flex flex-wrap items-center gap-2">
                  <Badge variant={verdict.variant}>
                    <verdict.icon aria-hidden /> {verdict.label}
                  </Badge>
                  <span className="font-medium">{v.statement}</span>
                </div>
                {v.actual && <p className="mt-0.5 text-muted-foreground">{v.actual}</p>}
              </li>
            );
          })}
        </ul>
      </CardContent>
    </Card>
  );
}

/** Two personas side by side: their stories row by row, their assumption checks, and their audiences. */
export function PersonaCompare({
  left,
  right,
  dimensions,
}: {
  left: CompareSide;
  right: CompareSide;
  dimensions: ComparedDimension[];
}) {
  const names: [string, string] = [left.persona.name, right.persona.name];
  return (
    <div className="flex flex-col gap-6">
      <div className="grid gap-4 md:grid-cols-2">
        <SideHeader side={left} />
        <SideHeader side={right} />
      </div>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Story</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <Table aria-label="Stories side by side" className="table-fixed">
            <TableHeader>
              <TableRow>
                <TableHead className="w-40">
                  <span className="sr-only">Field</span>
                </TableHead>
                <TableHead>{names[0]}</TableHead>
                <TableHead>{names[1]}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {STORY_ROWS.map((row) => (
                <TableRow key={row.label} className="hover:bg-transparent">
                  <TableHead scope="row" className="h-auto py-2 align-top whitespace-normal">
                    {row.label}
                  </TableHead>
                  <TableCell className="align-top break-words">{row.render(left.persona)}</TableCell>
                  <TableCell className="align-top break-words">{row.render(right.persona)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>

      <section aria-labelledby="compare-assumptions" className="flex flex-col gap-3">
        <h2 id="compare-assumptions" className="text-lg font-semibold">
          Assumptions, checked against each audience
        </h2>
        <div className="grid gap-4 md:grid-cols-2">
          <Verdicts side={left} />
          <Verdicts side={right} />
        </div>
      </section>

      <section aria-labelledby="compare-audiences" className="flex flex-col gap-3">
        <div>
          <h2 id="compare-audiences" className="text-lg font-semibold">
            Audiences
          </h2>
          <p className="text-sm text-muted-foreground">
            Shares of each persona’s own audience, so a small persona and a large one compare fairly.
            {[left, right].some((s) => !s.insights.stats) &&
              " A persona without a bound segment has no audience to chart."}
          </p>
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          {dimensions.map((dimension) => (
            <Card key={dimension.key} role="region" aria-labelledby={`compare-${dimension.key}`}>
              <CardHeader>
                <CardTitle>
                  <h3 id={`compare-${dimension.key}`}>{dimension.title}</h3>
                </CardTitle>
              </CardHeader>
              <CardContent>
                <CompareDistributionChart dimension={dimension} names={names} />
              </CardContent>
            </Card>
          ))}
        </div>
      </section>
    </div>
  );
}
