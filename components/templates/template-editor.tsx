"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight, Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useCallback, useDeferredValue, useEffect, useState } from "react";
import { useForm, type FieldPath } from "react-hook-form";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { FormAlert } from "@/components/form-messages";
import { queryKeys } from "@/components/query-keys";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/use-toast";
import { useAutosave } from "@/components/use-autosave";
import { CHANNEL_SPECS, DEFAULT_LOCALE, templateContentSchema, type TemplateContent } from "@/lib/templates";
import type { Finding } from "@/lib/templates";
import { ContentSection } from "./editor/content-section";
import { draftIssues, templateDraftResolver, type TemplateDraft } from "./editor/draft-form";
import { EditorToolbar, PublishErrorAlert, type PublishError } from "./editor/editor-toolbar";
import { InsertTargetProvider } from "./editor/insert-target";
import { LintPanel } from "./editor/lint-panel";
import { VariablePicker } from "./editor/variable-picker";
import { fieldLabel } from "./field-label";
import { TemplatePreviews } from "./template-previews";

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

export type EditorTemplate = {
  id: string;
  name: string;
  channel: TemplateContent["channel"];
  content: TemplateContent;
  triggerEvent: string | null;
  draftVersion: number | null;
  publishedVersion: number | null;
};

const targetQuery = (target: Target): Record<string, string> =>
  target.kind === "segment" ? { segmentId: target.id } : target.kind === "persona" ? { personaId: target.id } : {};
const who = (p: SampleProfile | null | undefined) =>
  p ? (p.name ? `${p.name}${p.email ? ` (${p.email})` : ""}` : (p.email ?? p.id)) : "no profile (defaults only)";

/**
 * The template editor: the channel's fields per locale on the forms layer (saved as you type, each field's message
 * at the field), previews rendered by
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
  const form = useForm<TemplateDraft>({
    resolver: templateDraftResolver,
    mode: "onTouched",
    reValidateMode: "onChange",
    defaultValues: { name: template.name, triggerEvent: template.triggerEvent, content: template.content },
  });
  // A copy of the values per change (the form edits nested values in place), as autosave compares with what it saved.
  const [draft, setDraft] = useState(() => form.getValues());
  useEffect(() => {
    const subscription = form.watch((values) => setDraft(structuredClone(values) as TemplateDraft));
    return () => subscription.unsubscribe();
  }, [form]);
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
  const [publishError, setPublishError] = useState<PublishError | null>(null);
  const spec = CHANNEL_SPECS[template.channel];
  const onSaved = useCallback(() => router.refresh(), [router]);
  const { state, errors } = useAutosave(draft, {
    enabled: canEdit,
    validate: draftIssues,
    save: (changes) => apiFetch(`/api/templates/${template.id}`, { method: "PATCH", body: changes }),
    onSaved,
  });
  // Autosave's verdict (the same schema) shows at the fields and clears as soon as the value is fixed.
  useEffect(() => {
    form.clearErrors();
    for (const [path, message] of Object.entries(errors))
      form.setError(path as FieldPath<TemplateDraft>, { type: "validate", message });
  }, [errors, form]);

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

  const localeFindings = findings.filter((f) => (f.locale ?? DEFAULT_LOCALE) === locale || !f.locale);
  const errorCount = findings.filter((f) => f.severity === "error").length;
  const problems = preview.data?.problems ?? [];

  return (
    <InsertTargetProvider>
      <EditorToolbar
        templateId={template.id}
        canEdit={canEdit}
        state={state}
        draftVersion={template.draftVersion}
        publishedVersion={template.publishedVersion}
        testBlocker={profile ? null : "No sample profile to send a test to yet."}
        onSendTest={() => sendTest.mutate()}
        sending={sendTest.isPending}
        onPublish={() => publish.mutate()}
        publishing={publish.isPending}
      />
      {publishError && <PublishErrorAlert error={publishError} spec={spec} />}

      <div className={template.channel === "email" ? "grid gap-6" : "grid gap-6 2xl:grid-cols-2"}>
        <div className="min-w-0 space-y-4">
          <Form {...form}>
            <ContentSection
              canEdit={canEdit}
              events={events.data ?? []}
              locale={locale}
              onLocaleChange={setLocale}
              findings={localeFindings}
              rendered={preview.data?.locale === locale ? preview.data.rendered : undefined}
              errors={errors}
            />
          </Form>
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
