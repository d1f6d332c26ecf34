"use client";

import { CHANNEL_SPECS, type TemplateChannel } from "@/lib/templates";
import { EmailPreview } from "@/components/templates/previews/email-preview";
import { TemplatePreviews } from "@/components/templates/template-previews";
import { displayValue } from "@/lib/display-value";

const asText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value, null, 2));
const isLink = (value: unknown): value is string => typeof value === "string" && /^https?:\/\/\S+$/.test(value);

function Field({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="grid gap-1">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="rounded-md border bg-muted/30 px-3 py-2 font-mono text-xs break-words whitespace-pre-wrap">
        {/* Links open as the recipient would follow them: through the tracked redirect when the send rewrote them. */}
        {isLink(value) ? (
          <a
            href={value}
            target="_blank"
            rel="noreferrer noopener"
            className="text-primary underline-offset-2 hover:underline"
          >
            {value}
          </a>
        ) : Array.isArray(value) && value.every((b) => b && typeof b === "object" && "label" in b) ? (
          <ul className="space-y-1">
            {(value as { label: string; url?: string }[]).map((b, i) => (
              <li key={i}>
                {b.label}
                {b.url ? " → " : ""}
                {isLink(b.url) ? (
                  <a
                    href={b.url}
                    target="_blank"
                    rel="noreferrer noopener"
                    className="text-primary underline-offset-2 hover:underline"
                  >
                    {b.url}
                  </a>
                ) : (
                  b.url
                )}
              </li>
            ))}
          </ul>
        ) : (
          asText(value)
        )}
      </dd>
    </div>
  );
}

/**
 * A rendered message as the recipient gets it: drawn like the template editor's preview (the
 * device mock, the e-mail frame), with the rendered fields beside it so links and exact text can
 * be read and followed.
 */
export function OutboxMessage({ channel, rendered }: { channel: TemplateChannel; rendered: Record<string, unknown> }) {
  const spec = CHANNEL_SPECS[channel];
  if (channel === "email") {
    const subject = displayValue(rendered.subject);
    const preheader = typeof rendered.preheader === "string" ? rendered.preheader : undefined;
    const fromName = typeof rendered.fromName === "string" && rendered.fromName !== "" ? rendered.fromName : undefined;
    return (
      // Stacked: the 640 px frame needs the full row, and the text part reads better at full width than squeezed beside
      // it.
      <div className="grid gap-4">
        <dl className="grid gap-3 md:grid-cols-2">
          {fromName !== undefined && <Field label="From name" value={fromName} />}
          <Field label="Subject" value={subject} />
          {preheader !== undefined && <Field label="Preheader" value={preheader} />}
          <div className="md:col-span-2">
            <Field
              label="Plain-text part"
              value={typeof rendered.text === "string" && rendered.text !== "" ? rendered.text : "(none)"}
            />
          </div>
        </dl>
        <EmailPreview fromName={fromName} subject={subject} preheader={preheader} html={displayValue(rendered.html)} />
      </div>
    );
  }
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[auto_minmax(0,1fr)]">
      <div aria-label="How the recipient sees it" role="group">
        <TemplatePreviews channel={channel} rendered={rendered} findings={[]} />
      </div>
      <dl className="grid max-w-3xl gap-3">
        {spec.fields
          .filter((f) => rendered[f.name] !== undefined && rendered[f.name] !== "")
          .map((f) => (
            <Field key={f.name} label={f.label} value={rendered[f.name]} />
          ))}
      </dl>
    </div>
  );
}
