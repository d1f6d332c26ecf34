"use client";

import Link from "next/link";
import { NativeSelect } from "@/components/ui/native-select";
import type { JourneyNode } from "@/lib/journeys";
import { CHANNEL_SPECS, TEMPLATE_CHANNELS } from "@/lib/templates";
import { StepField } from "./step-field";

type Send = Extract<JourneyNode, { kind: "send" }>;
export type PickableTemplate = { id: string; name: string; channel: string };

/** A message: a published template of any channel, and what happens when policy skips the send. */
export function SendEditor({
  node,
  path,
  templates,
  onChange,
  readOnly,
}: {
  node: Send;
  path: string;
  templates: PickableTemplate[];
  onChange: (node: Send) => void;
  readOnly: boolean;
}) {
  const channels = TEMPLATE_CHANNELS.filter((channel) => templates.some((t) => t.channel === channel));
  return (
    <div className="grid gap-4">
      <StepField
        name={`${path}.templateId`}
        label="Template"
        hint={
          <>
            Published templates only; the version published at the journey&apos;s publish is sent.{" "}
            <Link className="underline" href="/templates">
              Templates
            </Link>
          </>
        }
      >
        <NativeSelect
          value={node.templateId ?? ""}
          disabled={readOnly}
          onChange={(e) => onChange({ ...node, templateId: e.target.value || undefined })}
        >
          <option value="">{templates.length === 0 ? "No published templates yet" : "Pick a template…"}</option>
          {channels.map((channel) => (
            <optgroup key={channel} label={CHANNEL_SPECS[channel].label}>
              {templates
                .filter((t) => t.channel === channel)
                .map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </NativeSelect>
      </StepField>
      <StepField
        name={`${path}.onSkip`}
        label="If the send is skipped"
        hint="Consent, frequency caps and quiet hours may skip a message."
      >
        <NativeSelect
          value={node.onSkip}
          disabled={readOnly}
          onChange={(e) => onChange({ ...node, onSkip: e.target.value as Send["onSkip"] })}
        >
          <option value="continue">Continue to the next step</option>
          <option value="exit">Exit the journey</option>
        </NativeSelect>
      </StepField>
    </div>
  );
}
