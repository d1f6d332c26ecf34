"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { useForm, type FieldPath } from "react-hook-form";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { queryKeys } from "@/components/query-keys";
import { Form } from "@/components/ui/form";
import { toast } from "@/components/ui/use-toast";
import { useAutosave } from "@/components/use-autosave";
import { CHANNEL_SPECS, DEFAULT_LOCALE, type Finding, type TemplateContent } from "@/lib/templates";
import { ContentSection } from "./editor/content-section";
import { draftIssues, templateDraftResolver, type TemplateDraft } from "./editor/draft-form";
import { EditorToolbar, PublishErrorAlert, type PublishError } from "./editor/editor-toolbar";
import { InsertTargetProvider } from "./editor/insert-target";
import { LintPanel } from "./editor/lint-panel";
import { PreviewCard } from "./editor/preview-card";
import { targetQuery, useTemplatePreview, who } from "./editor/use-template-preview";
import { VariablePicker } from "./editor/variable-picker";

export type EditorTemplate = {
  id: string;
  name: string;
  channel: TemplateContent["channel"];
  content: TemplateContent;
  triggerEvent: string | null;
  draftVersion: number | null;
  publishedVersion: number | null;
};

/**
 * The template editor: the channel's fields per locale on the forms layer (saved as you type, each
 * field's message at the field), previews rendered by the server for a real sample profile (cycle
 * through a segment's or persona's people to see broken personalisation), live lint with coverage
 * figures, publish (blocked by lint errors) and "Send test" into the sandbox outbox.
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

  const previewState = useTemplatePreview({
    templateId: template.id,
    canEdit,
    content: draft.content,
    triggerEvent: draft.triggerEvent,
    locale,
  });
  const { preview, profile, target } = previewState;
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
          <PreviewCard
            state={previewState}
            channel={template.channel}
            spec={spec}
            findings={localeFindings}
            segments={segments}
            personas={personas}
          />
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
