"use client";

import { diffJourney, isUnchanged, type JourneyDefinition, type StepRef } from "@/lib/journeys";
import { NODE_KIND_LABELS } from "../describe-node";

// A step's keys in the words of the editor.
const FIELD_WORDS: Record<string, string> = {
  label: "name",
  exits: "where it leads",
  trigger: "entry event",
  reentry: "re-entry",
  templateId: "template",
  onSkip: "when skipped",
  wait: "wait",
  split: "split",
  key: "trait",
  value: "value",
  url: "address",
  method: "method",
  body: "body",
  kind: "kind",
};
const JOURNEY_WORDS: Record<string, string> = { goal: "Goal", exitCriteria: "Exit criteria" };
const name = (step: StepRef) => `${NODE_KIND_LABELS[step.kind]} “${step.label ?? step.id}”`;

/** "Changes since v N": the steps the draft adds, removes and changes against the published version. */
export function ChangesPanel({
  published,
  draft,
}: {
  published: { version: number; definition: JourneyDefinition } | null;
  draft: JourneyDefinition;
}) {
  if (!published)
    return <p className="text-sm text-muted-foreground">Not published yet: publishing makes version 1.</p>;
  const diff = diffJourney(published.definition, draft);
  if (isUnchanged(diff))
    return <p className="text-sm text-muted-foreground">The draft is the same as version {published.version}.</p>;
  return (
    <ul className="grid gap-1 text-sm" aria-label={`Changes since version ${published.version}`}>
      {diff.added.map((step) => (
        <li key={`a-${step.id}`}>
          <span className="font-medium text-success">Added</span> {name(step)}
        </li>
      ))}
      {diff.removed.map((step) => (
        <li key={`r-${step.id}`}>
          <span className="font-medium text-destructive">Removed</span> {name(step)}
        </li>
      ))}
      {diff.changed.map((step) => (
        <li key={`c-${step.id}`}>
          <span className="font-medium">Changed</span> {name(step)}:{" "}
          {step.fields.map((f) => FIELD_WORDS[f] ?? f).join(", ")}
        </li>
      ))}
      {diff.journey.map((key) => (
        <li key={key}>
          <span className="font-medium">Changed</span> {JOURNEY_WORDS[key] ?? key}
        </li>
      ))}
    </ul>
  );
}
