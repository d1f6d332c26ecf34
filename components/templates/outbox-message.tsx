"use client";

import { CHANNEL_SPECS, type TemplateChannel } from "@/lib/templates/channels";
import { EmailPreview } from "./previews/email-preview";

const asText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value, null, 2));

function Field({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="grid gap-1">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="rounded-md border bg-muted/30 px-3 py-2 font-mono text-xs break-words whitespace-pre-wrap">{asText(value)}</dd>
    </div>
  );
}

/**
 * A rendered test send as the recipient gets it. E-mail: subject, preheader, the text part, and the
 * HTML in the sandboxed preview frame; other channels: each rendered field under its label.
 */
export function OutboxMessage({ channel, rendered }: { channel: TemplateChannel; rendered: Record<string, unknown> }) {
  const spec = CHANNEL_SPECS[channel];
  if (channel === "email") {
    const subject = String(rendered.subject ?? "");
    const preheader = typeof rendered.preheader === "string" ? rendered.preheader : undefined;
    return (
      // Stacked: the 640 px frame needs the full row, and the text part reads better at full width than squeezed beside it.
      <div className="grid gap-4">
        <dl className="grid gap-3 md:grid-cols-2">
          <Field label="Subject" value={subject} />
          {preheader !== undefined && <Field label="Preheader" value={preheader} />}
          <div className="md:col-span-2">
            <Field label="Plain-text part" value={typeof rendered.text === "string" && rendered.text !== "" ? rendered.text : "(none)"} />
          </div>
        </dl>
        <EmailPreview fromName="Tailor test send" subject={subject} preheader={preheader} html={String(rendered.html ?? "")} />
      </div>
    );
  }
  return (
    <dl className="grid max-w-3xl gap-3">
      {spec.fields
        .filter((f) => rendered[f.name] !== undefined)
        .map((f) => (
          <Field key={f.name} label={f.label} value={rendered[f.name]} />
        ))}
    </dl>
  );
}
