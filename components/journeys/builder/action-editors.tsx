"use client";

import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import type { JourneyNode } from "@/lib/journeys";
import { StepField } from "./step-field";

type UpdateTrait = Extract<JourneyNode, { kind: "update_trait" }>;
type Webhook = Extract<JourneyNode, { kind: "webhook" }>;
type ValueKind = "text" | "number" | "true" | "false" | "empty";

const kindOf = (value: UpdateTrait["value"]): ValueKind =>
  value === null
    ? "empty"
    : value === true
      ? "true"
      : value === false
        ? "false"
        : typeof value === "number"
          ? "number"
          : "text";
const VALUES: Record<ValueKind, UpdateTrait["value"]> = { text: "", number: 0, true: true, false: false, empty: null };

/** Sets one trait on the profile, which a segment can read back as `traits.<key>`. */
export function UpdateTraitEditor({
  node,
  path,
  onChange,
  readOnly,
}: {
  node: UpdateTrait;
  path: string;
  onChange: (node: UpdateTrait) => void;
  readOnly: boolean;
}) {
  const kind = kindOf(node.value);
  return (
    <div className="grid gap-4">
      <StepField name={`${path}.key`} label="Trait" hint="Read back in segments as traits.<trait>.">
        <Input value={node.key} disabled={readOnly} onChange={(e) => onChange({ ...node, key: e.target.value })} />
      </StepField>
      <div className="flex flex-wrap items-end gap-2">
        <StepField name={`${path}.value`} label="Set to">
          <NativeSelect
            value={kind}
            disabled={readOnly}
            onChange={(e) => onChange({ ...node, value: VALUES[e.target.value as ValueKind] })}
          >
            <option value="text">text</option>
            <option value="number">a number</option>
            <option value="true">true</option>
            <option value="false">false</option>
            <option value="empty">nothing (clears it)</option>
          </NativeSelect>
        </StepField>
        {(kind === "text" || kind === "number") && (
          <StepField name={`${path}.value`} label="Value">
            <Input
              type={kind === "number" ? "number" : "text"}
              value={String(node.value)}
              disabled={readOnly}
              onChange={(e) =>
                onChange({ ...node, value: kind === "number" ? Number(e.target.value) : e.target.value })
              }
            />
          </StepField>
        )}
      </div>
    </div>
  );
}

/** Calls an address; not sent yet (docs/journeys.md): the step is recorded as skipped and people go on. */
export function WebhookEditor({
  node,
  path,
  onChange,
  readOnly,
}: {
  node: Webhook;
  path: string;
  onChange: (node: Webhook) => void;
  readOnly: boolean;
}) {
  return (
    <div className="grid gap-4">
      <p className="text-sm text-muted-foreground">
        Webhooks are not sent yet: the step is recorded as skipped and people go on to the next step.
      </p>
      <StepField name={`${path}.url`} label="Address">
        <Input
          type="url"
          placeholder="https://example.com/hook"
          value={node.url}
          disabled={readOnly}
          onChange={(e) => onChange({ ...node, url: e.target.value })}
        />
      </StepField>
      <StepField name={`${path}.method`} label="Method">
        <NativeSelect
          value={node.method}
          disabled={readOnly}
          onChange={(e) => onChange({ ...node, method: e.target.value as Webhook["method"] })}
        >
          <option value="POST">POST</option>
          <option value="PUT">PUT</option>
        </NativeSelect>
      </StepField>
      <StepField name={`${path}.body`} label="Body (optional)">
        <Textarea
          rows={4}
          value={node.body ?? ""}
          disabled={readOnly}
          onChange={(e) => onChange({ ...node, body: e.target.value || undefined })}
        />
      </StepField>
    </div>
  );
}
