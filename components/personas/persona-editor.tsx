"use client";

import { Eye } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useForm, type FieldPath } from "react-hook-form";
import { apiFetch } from "@/components/api-fetch";
import { SaveStatus } from "@/components/save-status";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { fieldErrors, useAutosave } from "@/components/use-autosave";
import { personaFieldsSchema, type PersonaFields } from "@/lib/personas";
import { AssumptionEditor } from "./assumption-editor";
import { ListsSection, remapLines, withoutEmptyLines } from "./editor/lists-section";
import { Section } from "./editor/section";
import { StorySection } from "./editor/story-section";
import { VoiceSection } from "./editor/voice-section";
import { SegmentBinding, type SegmentOption } from "./segment-binding";

/**
 * The persona form: sections of the story, the audience binding and the assumptions, saved as you type.
 * The shared persona schema judges each field; a field with a problem says so at the field and waits, the
 * others are saved, and an empty list line is simply left out.
 */
export function PersonaEditor({
  personaId,
  initial,
  hasAvatarImage,
  segments: initialSegments,
}: {
  personaId: string;
  initial: PersonaFields;
  hasAvatarImage: boolean;
  segments: SegmentOption[];
}) {
  const router = useRouter();
  const form = useForm<PersonaFields>({ defaultValues: initial });
  // A copy of the values per change: the form edits nested values in place, autosave compares with what it saved.
  const [draft, setDraft] = useState(initial);
  useEffect(() => {
    const subscription = form.watch((values) => setDraft(structuredClone(values) as PersonaFields));
    return () => subscription.unsubscribe();
  }, [form]);
  const [segments, setSegments] = useState(initialSegments);
  const onSaved = useCallback(() => router.refresh(), [router]);
  const { value: toSave, lineIndex } = useMemo(() => withoutEmptyLines(draft), [draft]);
  const { state, errors, markSaved } = useAutosave(toSave, {
    validate: (value) => remapLines(fieldErrors(personaFieldsSchema.safeParse(value).error), lineIndex),
    // The schema's parse trims; what is sent is what the server would store.
    save: (changes) =>
      apiFetch(`/api/personas/${personaId}`, { method: "PATCH", body: personaFieldsSchema.partial().parse(changes) }),
    onSaved,
  });
  // Autosave's verdict shows at the fields (FormMessage) and clears as soon as the value is fixed.
  useEffect(() => {
    form.clearErrors();
    for (const [path, message] of Object.entries(errors))
      form.setError(path as FieldPath<PersonaFields>, { type: "validate", message });
  }, [errors, form]);
  const error = (path: string) => errors[path];
  const setSegmentId = (segmentId: string | null) => form.setValue("segmentId", segmentId, { shouldDirty: true });

  return (
    <Form {...form}>
      <div className="grid gap-4">
        <div
          className={
            "sticky top-0 z-10 -mx-1 flex items-center justify-between gap-3 bg-background/95 px-1 py-2 " +
            "backdrop-blur"
          }
        >
          <SaveStatus state={state} />
          <Button asChild variant="outline" size="sm">
            <Link href={`/personas/${personaId}`}>
              <Eye className="size-4" aria-hidden /> View persona
            </Link>
          </Button>
        </div>
        <div className="grid gap-4 xl:grid-cols-2">
          <div className="grid content-start gap-4">
            <StorySection personaId={personaId} hasAvatarImage={hasAvatarImage} />
            <ListsSection error={error} />
            <VoiceSection />
          </div>
          <div className="grid content-start gap-4">
            <Section
              title="Assumptions"
              description={
                "Claims about the audience. The persona page marks each one confirmed or contradicted with " +
                "the actual figure."
              }
            >
              <AssumptionEditor
                assumptions={draft.assumptions}
                onChange={(a) => form.setValue("assumptions", a, { shouldDirty: true })}
                errorFor={error}
                readOnly={false}
              />
            </Section>
          </div>
        </div>
        <Section
          title="Audience"
          description={
            "Bind the persona to a live segment: its size, distributions and assumption checks come " +
            "from these profiles."
          }
        >
          <SegmentBinding
            personaId={personaId}
            personaName={draft.name}
            segmentId={draft.segmentId}
            segments={segments}
            error={error("segmentId")}
            readOnly={false}
            onPick={setSegmentId}
            onBound={(segment) => {
              setSegments((list) => [...list.filter((s) => s.id !== segment.id), segment]);
              markSaved({ segmentId: segment.id });
              setSegmentId(segment.id);
              router.refresh();
            }}
          />
        </Section>
      </div>
    </Form>
  );
}
