import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { queryKeys } from "@/components/query-keys";
import { DEFAULT_LOCALE, templateContentSchema, type Finding, type TemplateContent } from "@/lib/templates";

export type Preview = {
  locale: string;
  fallbackFrom: string | null;
  recipient: { id: string; email: string | null; locale: string | null } | null;
  rendered: Record<string, unknown>;
  findings: Finding[];
  problems: { field: string; locale?: string; message: string; line: number; column: number }[];
};
export type SampleProfile = { id: string; name: string | null; email: string | null; locale: string | null };
export type PreviewTarget = { kind: "all" } | { kind: "segment" | "persona"; id: string };

export const targetQuery = (target: PreviewTarget): Record<string, string> =>
  target.kind === "segment" ? { segmentId: target.id } : target.kind === "persona" ? { personaId: target.id } : {};

/** How a sample profile is named on screen. */
export const who = (p: SampleProfile | null | undefined) =>
  p ? (p.name ? `${p.name}${p.email ? ` (${p.email})` : ""}` : (p.email ?? p.id)) : "no profile (defaults only)";

/**
 * The editor's preview: sample people from the chosen audience, and the content rendered for the one
 * shown. It follows typing a beat behind; stale requests are cancelled by the query key.
 */
export function useTemplatePreview({
  templateId,
  canEdit,
  content: typedContent,
  triggerEvent: typedTrigger,
  locale,
}: {
  templateId: string;
  canEdit: boolean;
  content: TemplateContent;
  triggerEvent: string | null;
  locale: string;
}) {
  const [target, setTarget] = useState<PreviewTarget>({ kind: "all" });
  const [profileIndex, setProfileIndex] = useState(0);
  const samples = useQuery({
    queryKey: queryKeys.templates.samples(target),
    queryFn: ({ signal }) =>
      apiFetch<{ profiles: SampleProfile[] }>(
        `/api/templates/sample-profiles?${new URLSearchParams({ ...targetQuery(target), limit: "20" })}`,
        { signal },
      ).then((r) => r.profiles),
  });
  const profiles = samples.data ?? [];
  const profile = profiles.length > 0 ? profiles[profileIndex % profiles.length]! : null;

  const content = useDeferredValue(typedContent);
  const triggerEvent = useDeferredValue(typedTrigger);
  const valid = templateContentSchema.safeParse(content).success;
  const preview = useQuery({
    queryKey: queryKeys.templates.preview(templateId, content, triggerEvent, profile?.id ?? null, locale, target),
    enabled: valid,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }): Promise<Preview> =>
      apiFetch<{ preview: Preview }>("/api/templates/preview", {
        method: "POST",
        signal,
        // Readers preview the saved template (the server renders typed content for editors only).
        body: {
          ...(canEdit ? { content, triggerEvent } : { templateId }),
          ...(profile ? { profileId: profile.id } : {}),
          ...(locale !== DEFAULT_LOCALE ? { locale } : {}),
          ...targetQuery(target),
        },
      }).then((r) => r.preview),
  });

  return {
    target,
    chooseTarget: (next: PreviewTarget) => {
      setTarget(next);
      setProfileIndex(0);
    },
    profiles,
    profile,
    showProfile: (id: string) =>
      setProfileIndex(
        Math.max(
          0,
          profiles.findIndex((p) => p.id === id),
        ),
      ),
    step: (by: 1 | -1) => setProfileIndex((i) => (i + by + profiles.length) % profiles.length),
    valid,
    preview,
  };
}

export type TemplatePreviewState = ReturnType<typeof useTemplatePreview>;
