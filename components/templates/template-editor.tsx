"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight, History, Inbox, Loader2, Rocket, Send } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useDeferredValue, useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { FormAlert } from "@/components/form-messages";
import { SaveStatus } from "@/components/save-status";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { fieldErrors, useAutosave, type FieldErrors } from "@/components/use-autosave";
import { toast } from "@/components/ui/use-toast";
import {
  CHANNEL_SPECS,
  DEFAULT_LOCALE,
  resolveLocale,
  templateContentSchema,
  type EmailBody,
  type TemplateContent,
} from "@/lib/templates";
import type { Finding } from "@/lib/templates";
import { ChannelFields } from "./editor/channel-fields";
import { EmailBlocksEditor } from "./editor/email-blocks-editor";
import { InsertTargetProvider } from "./editor/insert-target";
import { LintPanel } from "./editor/lint-panel";
import { LocaleTabs } from "./editor/locale-tabs";
import { VariablePicker } from "./editor/variable-picker";
import { fieldLabel } from "./field-label";
import { TemplatePreviews } from "./template-previews";
import { queryKeys } from "@/components/query-keys";

type Preview = {
  locale: string;
  fallbackFrom: string | null;
  recipient: { id: string; email: string | null; locale: string | null } | null;
  rendered: Record<string, unknown>;
  findings: Finding[];
  problems: { field: string; locale?: string; message: string; line: number; column: number }[];
};
type SampleProfile = { id: string; name: string | null; email: string | null; locale: string | null };
type Target = { kind: "all" } | { kind: "segment" | "persona"; id: string };
type Draft = { name: string; triggerEvent: string | null; content: TemplateContent };

export type EditorTemplate = {
  id: string;
  name: string;
  channel: TemplateContent["channel"];
  content: TemplateContent;
  triggerEvent: string | null;
  draftVersion: number | null;
  publishedVersion: number | null;
};

function contentIssues(draft: Draft): FieldErrors {
  const issues = fieldErrors(templateContentSchema.safeParse(draft.content).error, ["content"]);
  if (!draft.name.trim()) issues.name = "Give the template a name.";
  return issues;
}

const targetQuery = (target: Target): Record<string, string> =>
  target.kind === "segment" ? { segmentId: target.id } : target.kind === "persona" ? { personaId: target.id } : {};
const who = (p: SampleProfile | null | undefined) =>
  p ? (p.name ? `${p.name}${p.email ? ` (${p.email})` : ""}` : (p.email ?? p.id)) : "no profile (defaults only)";

/**
 * The template editor: the channel's fields per locale (saved as you type), previews rendered by
 * the server for a real sample profile — cycle through a segment's or persona's people to see
 * broken personalisation — live lint with coverage figures, publish (blocked by lint errors) and
 * "Send test" into the sandbox outbox.
 */
export function TemplateEditor({
  template,
  canEdit,
  segments,
  personas,
}: {
  template: EditorTemplate;
  canEdit: boolean;
  segments: { id: string; name: string }[];
  personas: { id: string; name: string }[];
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>({
    name: template.name,
    triggerEvent: template.triggerEvent,
    content: template.content,
  });
  const events = useQuery({
    queryKey: queryKeys.catalog.events,
    queryFn: ({ signal }) =>
      apiFetch<{ events: string[] }>("/api/events", { signal }).then((r) =>
        r.events.filter((name) => !name.startsWith("$")),
      ),
    staleTime: 5 * 60_000,
  });
  const [locale, setLocale] = useState(DEFAULT_LOCALE);
  const [target, setTarget] = useState<Target>({ kind: "all" });
  const [profileIndex, setProfileIndex] = useState(0);
  const [publishError, setPublishError] = useState<{ message: string; findings: Finding[] } | null>(null);
  const spec = CHANNEL_SPECS[template.channel];
  const onSaved = useCallback(() => router.refresh(), [router]);
  const { state, errors } = useAutosave(draft, {
    enabled: canEdit,
    validate: contentIssues,
    save: (changes) => apiFetch(`/api/templates/${template.id}`, { method: "PATCH", body: changes }),
    onSaved,
  });

  const samples = useQuery({
    queryKey: queryKeys.templates.samples(target),
    queryFn: ({ signal }) =>
      apiFetch<{ profiles: SampleProfile[] }>(
        `/api/templates/sample-profiles?${new URLSearchParams({ ...targetQuery(target), limit: "20" })}`,
        { signal },
      ).then((r) => r.profiles),
  });
  const profiles = samples.data ?? [];
  const profile = profiles.length > 0 ? profiles[profileIndex % profiles.length] : null;

  // The preview follows the content a beat behind typing; stale requests are cancelled by the query key.
  const content = useDeferredValue(draft.content);
  const triggerEvent = useDeferredValue(draft.triggerEvent);
  const valid = templateContentSchema.safeParse(content).success;
  const preview = useQuery({
    queryKey: queryKeys.templates.preview(template.id, content, triggerEvent, profile?.id ?? null, locale, target),
    enabled: valid,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }): Promise<Preview> =>
      apiFetch<{ preview: Preview }>("/api/templates/preview", {
        method: "POST",
        signal,
        // Readers preview the saved template (the server renders typed content for editors only).
        body: {
          ...(canEdit ? { content, triggerEvent } : { templateId: template.id }),
          ...(profile ? { profileId: profile.id } : {}),
          ...(locale !== DEFAULT_LOCALE ? { locale } : {}),
          ...targetQuery(target),
        },
      }).then((r) => r.preview),
  });
  const findings = preview.data?.findings ?? [];

  const publish = useMutation({
    mutationFn: () =>
      apiFetch<{ published: { version: { version: number } } }>(`/api/templates/${template.id}/publish`, {
        method: "POST",
        body: targetQuery(target),
      }),
    onMutate: () => setPublishError(null),
    onSuccess: ({ published }) => {
      toast({ title: `Published v${published.version.version}`, description: "The next edit starts a new draft." });
      router.refresh();
    },
    // A 422 carries the lint findings that block publishing.
    onError: (error) =>
      setPublishError({
        message: error.message,
        findings:
          error instanceof ApiError && Array.isArray(error.details.findings)
            ? (error.details.findings as Finding[]).filter((f) => f.severity === "error")
            : [],
      }),
  });
  const sendTest = useMutation({
    mutationFn: () =>
      apiFetch<{ message: { id: string } }>(`/api/templates/${template.id}/test-send`, {
        method: "POST",
        body: { profileId: profile!.id, ...(locale !== DEFAULT_LOCALE ? { locale } : {}) },
      }),
    onSuccess: () => toast({ title: "Test sent to the outbox", description: `Rendered for ${who(profile)}.` }),
    onError: (error) => toast({ title: "Test not sent", description: error.message, variant: "destructive" }),
  });

  const resolved = resolveLocale(draft.content, locale === DEFAULT_LOCALE ? null : locale);
  const own = (draft.content.locales as Record<string, Record<string, unknown>>)[locale] ?? {};
  const setLocales = (
    update: (locales: Record<string, Record<string, unknown>>) => Record<string, Record<string, unknown>>,
  ) =>
    setDraft((d) => ({
      ...d,
      content: { ...d.content, locales: update({ ...d.content.locales }) } as TemplateContent,
    }));
  const setField = (name: string, value: unknown) =>
    setLocales((locales) => {
      const next = { ...locales[locale] };
      if (value === undefined) delete next[name];
      else next[name] = value;
      return { ...locales, [locale]: next };
    });
  const localeFindings = findings.filter((f) => (f.locale ?? DEFAULT_LOCALE) === locale || !f.locale);
  const errorCount = findings.filter((f) => f.severity === "error").length;
  const problems = preview.data?.problems ?? [];

  const publishBlocker =
    state.status === "saved"
      ? null
      : state.status === "invalid"
        ? "Fix the highlighted fields to publish."
        : state.status === "error"
          ? "The draft did not save: publishing waits for it."
          : "Publishing waits for the draft to save.";

  return (
    <InsertTargetProvider>
      <div
        className={
          "sticky top-0 z-10 -mx-1 mb-4 flex flex-wrap items-center justify-between gap-3 " +
          "bg-background/95 px-1 py-2 backdrop-blur"
        }
      >
        <div className="flex flex-wrap items-center gap-3">
          {canEdit ? <SaveStatus state={state} /> : <Badge variant="secondary">Read only</Badge>}
          <span className="text-sm text-muted-foreground">
            {template.draftVersion !== null ? `Draft v${template.draftVersion}` : "No draft"} ·{" "}
            {template.publishedVersion !== null ? `published v${template.publishedVersion}` : "never published"}
          </span>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="ghost" size="sm">
            <Link href={`/templates/${template.id}/history`}>
              <History className="size-4" aria-hidden /> History
            </Link>
          </Button>
          <Button asChild variant="ghost" size="sm">
            <Link href="/outbox">
              <Inbox className="size-4" aria-hidden /> Outbox
            </Link>
          </Button>
          {canEdit && (
            <>
              <DisabledReason reason={profile ? null : "No sample profile to send a test to yet."}>
                <Button
                  variant="outline"
                  size="sm"
                  disabled={!profile || sendTest.isPending}
                  onClick={() => sendTest.mutate()}
                >
                  <Send className="size-4" aria-hidden /> Send test
                </Button>
              </DisabledReason>
              <DisabledReason reason={publishBlocker}>
                <Button
                  size="sm"
                  disabled={publish.isPending || publishBlocker !== null}
                  onClick={() => publish.mutate()}
                >
                  {publish.isPending ? (
                    <Loader2 className="size-4 animate-spin" aria-hidden />
                  ) : (
                    <Rocket className="size-4" aria-hidden />
                  )}{" "}
                  Publish
                </Button>
              </DisabledReason>
            </>
          )}
        </div>
      </div>

      {publishError && (
        <Alert variant="destructive" role="alert" className="mb-4">
          <AlertTitle>Not published</AlertTitle>
          <AlertDescription>
            <p>{publishError.message}</p>
            {publishError.findings.length > 0 && (
              <ul className="mt-1 list-disc pl-5">
                {publishError.findings.map((f, i) => (
                  <li key={i}>
                    {f.field
                      ? `${fieldLabel(spec, f.field)}${f.line ? ` (line ${f.line}, column ${f.column})` : ""}: `
                      : ""}
                    {f.message}
                  </li>
                ))}
              </ul>
            )}
          </AlertDescription>
        </Alert>
      )}

      <div className={template.channel === "email" ? "grid gap-6" : "grid gap-6 2xl:grid-cols-2"}>
        <div className="min-w-0 space-y-4">
          <Card>
            <CardContent className="space-y-5 pt-6">
              <div className="grid gap-1.5">
                <Label htmlFor="template-name">Template name</Label>
                <Input
                  id="template-name"
                  value={draft.name}
                  readOnly={!canEdit}
                  onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
                  aria-invalid={Boolean(errors.name) || undefined}
                />
                {errors.name && <p className="text-sm text-destructive">{errors.name}</p>}
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="template-trigger">Sent on an event</Label>
                <NativeSelect
                  id="template-trigger"
                  className="max-w-sm"
                  disabled={!canEdit}
                  value={draft.triggerEvent ?? ""}
                  onChange={(e) => setDraft((d) => ({ ...d, triggerEvent: e.target.value || null }))}
                >
                  <option value="">No — scheduled or one-off sends</option>
                  {[...new Set([...(draft.triggerEvent ? [draft.triggerEvent] : []), ...(events.data ?? [])])].map(
                    (name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ),
                  )}
                </NativeSelect>
                <p className="text-xs text-muted-foreground">
                  {draft.triggerEvent
                    ? `Copy may use the event's properties as {{ event.<property> }}; previews use each profile's ` +
                      `latest ${draft.triggerEvent}.`
                    : "Choose the event for triggered messages (abandoned cart, inactivity) to use its properties " +
                      "in copy."}
                </p>
              </div>
              <LocaleTabs
                content={draft.content}
                active={locale}
                onActiveChange={setLocale}
                readOnly={!canEdit}
                onAdd={(tag) => {
                  setLocales((locales) => ({ ...locales, [tag]: {} }));
                  setLocale(tag);
                }}
                onRemove={(tag) => {
                  setLocales(({ [tag]: _removed, ...rest }) => rest);
                  setLocale(DEFAULT_LOCALE);
                }}
              />
              {/* A native fieldset disables every control inside for roles that only read. */}
              <fieldset disabled={!canEdit} className="min-w-0">
                <ChannelFields
                  key={locale}
                  spec={spec}
                  idPrefix={`${template.channel}-${locale}`}
                  values={own}
                  onChange={setField}
                  findings={localeFindings}
                  surfaces={resolved.channel === "in_app" ? [resolved.content.layout] : undefined}
                  inherited={locale === DEFAULT_LOCALE ? undefined : { content: resolved.content, from: resolved.from }}
                  rendered={preview.data?.locale === locale ? preview.data.rendered : undefined}
                  renderBody={(value, onChange) => (
                    <EmailBlocksEditor
                      idPrefix={`email-${locale}-body`}
                      value={value as EmailBody}
                      onChange={onChange}
                    />
                  )}
                />
              </fieldset>
              {Object.entries(errors)
                .filter(([path]) => path.startsWith("content."))
                .slice(0, 3)
                .map(([path, message]) => (
                  <FormAlert key={path} message={`${path.replace(/^content\.locales\./, "")}: ${message}`} />
                ))}
            </CardContent>
          </Card>
        </div>

        <div className="min-w-0 space-y-4">
          <Card>
            <CardHeader>
              <CardTitle className="text-base">Preview with a real profile</CardTitle>
              <CardDescription>
                Rendered by the server exactly as it would be sent; cycle through people to catch broken
                personalisation.
              </CardDescription>
            </CardHeader>
            <CardContent className="space-y-3">
              <div className="flex flex-wrap items-end gap-2">
                <div className="grid gap-1.5">
                  <Label htmlFor="preview-audience">Audience</Label>
                  <NativeSelect
                    id="preview-audience"
                    className="min-w-48"
                    value={target.kind === "all" ? "all" : `${target.kind}:${target.id}`}
                    onChange={(e) => {
                      const [kind, id] = e.target.value.split(":") as ["all" | "segment" | "persona", string];
                      setTarget(kind === "all" ? { kind } : { kind, id });
                      setProfileIndex(0);
                    }}
                  >
                    <option value="all">All profiles</option>
                    <optgroup label="Segments">
                      {segments.map((s) => (
                        <option key={s.id} value={`segment:${s.id}`}>
                          {s.name}
                        </option>
                      ))}
                    </optgroup>
                    <optgroup label="Personas">
                      {personas.map((p) => (
                        <option key={p.id} value={`persona:${p.id}`}>
                          {p.name}
                        </option>
                      ))}
                    </optgroup>
                  </NativeSelect>
                </div>
                <div className="grid gap-1.5">
                  <Label htmlFor="preview-profile">Profile</Label>
                  <NativeSelect
                    id="preview-profile"
                    className="min-w-56"
                    value={profile?.id ?? ""}
                    onChange={(e) =>
                      setProfileIndex(
                        Math.max(
                          0,
                          profiles.findIndex((p) => p.id === e.target.value),
                        ),
                      )
                    }
                  >
                    {profiles.length === 0 && <option value="">No profiles in this audience</option>}
                    {profiles.map((p) => (
                      <option key={p.id} value={p.id}>
                        {who(p)}
                      </option>
                    ))}
                  </NativeSelect>
                </div>
                <Button
                  variant="outline"
                  size="icon"
                  aria-label="Previous profile"
                  disabled={profiles.length < 2}
                  onClick={() => setProfileIndex((i) => (i - 1 + profiles.length) % profiles.length)}
                >
                  <ChevronLeft className="size-4" aria-hidden />
                </Button>
                <Button
                  variant="outline"
                  size="icon"
                  aria-label="Next profile"
                  disabled={profiles.length < 2}
                  onClick={() => setProfileIndex((i) => (i + 1) % profiles.length)}
                >
                  <ChevronRight className="size-4" aria-hidden />
                </Button>
                {preview.isFetching && (
                  <Loader2 className="mb-2 size-4 animate-spin text-muted-foreground" aria-label="Rendering" />
                )}
              </div>
              <p className="text-sm text-muted-foreground" role="status" aria-label="Preview recipient">
                Showing {who(profile)}
                {preview.data &&
                  ` · locale ${preview.data.locale}` +
                    (preview.data.fallbackFrom ? ` (their ${preview.data.fallbackFrom} falls back to it)` : "")}
              </p>
              {!valid && (
                <p className="text-sm text-muted-foreground">Complete the required fields to see the preview.</p>
              )}
              {problems.length > 0 && (
                <Alert variant="warning">
                  <AlertTitle>Broken for this profile</AlertTitle>
                  <AlertDescription>
                    <ul className="list-disc pl-5">
                      {problems.map((p, i) => (
                        <li key={i}>
                          {fieldLabel(spec, p.field)} (line {p.line}, column {p.column}): {p.message}
                        </li>
                      ))}
                    </ul>
                  </AlertDescription>
                </Alert>
              )}
              {preview.data && (
                <TemplatePreviews
                  channel={template.channel}
                  rendered={preview.data.rendered}
                  findings={localeFindings}
                />
              )}
              {preview.error && <FormAlert message={preview.error.message} />}
            </CardContent>
          </Card>
          <div aria-live="polite" className="sr-only">
            {errorCount > 0 ? `${errorCount} lint error${errorCount === 1 ? "" : "s"}` : ""}
          </div>
          <LintPanel
            spec={spec}
            findings={findings}
            state={preview.isError ? "failed" : preview.data ? "checked" : "pending"}
          />
          {canEdit && <VariablePicker />}
        </div>
      </div>
    </InsertTargetProvider>
  );
}
