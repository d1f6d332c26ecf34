"use client";

import { Eye } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { FieldError } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { personaFieldsSchema, PRIORITIES, TONES, type PersonaFields } from "@/lib/personas/schema";
import { CHANNEL_INFO, CHANNELS, type Channel } from "@/lib/profiles/channels";
import { AssumptionEditor } from "./assumption-editor";
import { AvatarUpload } from "./avatar-upload";
import { ListEditor } from "./list-editor";
import { PRIORITY_LABELS, TONE_LABELS } from "./persona-labels";
import { RankedPicker } from "./ranked-picker";
import { SaveStatus } from "@/components/save-status";
import { SegmentBinding, type SegmentOption } from "./segment-binding";
import { apiFetch } from "@/components/api-fetch";
import { fieldErrors, useAutosave, type FieldErrors } from "@/components/use-autosave";

const CHANNEL_LABELS = Object.fromEntries(CHANNELS.map((c) => [c, CHANNEL_INFO[c].label])) as Record<Channel, string>;

const LISTS = [
  { key: "goals", label: "Goals", placeholder: "Buy less, buy better" },
  { key: "painPoints", label: "Pain points", placeholder: "Greenwashing" },
  { key: "motivations", label: "Motivations", placeholder: "Reducing her footprint" },
  { key: "objections", label: "Objections", placeholder: "Fast-fashion promotions" },
  {
    key: "jobsToBeDone",
    label: "Jobs to be done",
    placeholder: "When I need something, help me find the sustainable option",
  },
] as const;

type ListKey = (typeof LISTS)[number]["key"];

/** The fields without the list lines that are blank, and where each kept line sits in the draft. */
function withoutEmptyLines(draft: PersonaFields) {
  const value = { ...draft };
  const lineIndex = {} as Record<ListKey, number[]>;
  for (const { key } of LISTS) {
    lineIndex[key] = draft[key].flatMap((line, i) => (line.trim() === "" ? [] : [i]));
    value[key] = lineIndex[key].map((i) => draft[key][i]!);
  }
  return { value, lineIndex };
}

/** Error paths of the saved lists ("goals.1") back to the line the user sees. */
function remapLines(errors: FieldErrors, lineIndex: Record<ListKey, number[]>): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([path, message]) => {
      const [key, index, ...rest] = path.split(".");
      const lines = lineIndex[key as ListKey];
      if (!lines || index === undefined || !/^\d+$/.test(index)) return [path, message];
      return [[key, lines[Number(index)] ?? index, ...rest].join("."), message];
    }),
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">{title}</CardTitle>
        {description && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      <CardContent className="grid gap-4">{children}</CardContent>
    </Card>
  );
}

/** The persona form: sections of the story, the audience binding and the assumptions, saved as you type. */
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
  const [draft, setDraft] = useState(initial);
  const [segments, setSegments] = useState(initialSegments);
  const onSaved = useCallback(() => router.refresh(), [router]);
  // An empty line (a new bullet not written yet) is left out of what is saved, never an error that holds it back.
  const { value: toSave, lineIndex } = useMemo(() => withoutEmptyLines(draft), [draft]);
  const { state, errors, markSaved } = useAutosave(toSave, {
    validate: (value) => remapLines(fieldErrors(personaFieldsSchema.safeParse(value).error), lineIndex),
    // The schema's parse trims; what is sent is what the server would store.
    save: (changes) =>
      apiFetch(`/api/personas/${personaId}`, { method: "PATCH", body: personaFieldsSchema.partial().parse(changes) }),
    onSaved,
  });
  const set = <K extends keyof PersonaFields>(key: K, value: PersonaFields[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const error = (path: string) => errors[path];

  return (
    <div className="grid gap-4">
      <div className="sticky top-0 z-10 -mx-1 flex items-center justify-between gap-3 bg-background/95 px-1 py-2 backdrop-blur">
        <SaveStatus state={state} />
        <Button asChild variant="outline" size="sm">
          <Link href={`/personas/${personaId}`}>
            <Eye className="size-4" aria-hidden /> View persona
          </Link>
        </Button>
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        <div className="grid content-start gap-4">
          <Section title="Who they are">
            <AvatarUpload personaId={personaId} name={draft.name} hasImage={hasAvatarImage} readOnly={false} />
            <div className="grid gap-1.5">
              <Label htmlFor="persona-name">Name</Label>
              <Input
                id="persona-name"
                value={draft.name}
                onChange={(e) => set("name", e.target.value)}
                aria-invalid={Boolean(error("name")) || undefined}
              />
              <FieldError message={error("name")} />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="persona-summary">One-line summary</Label>
              <Input
                id="persona-summary"
                value={draft.summary}
                maxLength={200}
                onChange={(e) => set("summary", e.target.value)}
                aria-invalid={Boolean(error("summary")) || undefined}
                placeholder="Chooses sustainable products and reads the label"
              />
              <p className="text-xs text-muted-foreground">{draft.summary.length} / 160</p>
              <FieldError message={error("summary")} />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="persona-narrative">Narrative</Label>
              <Textarea
                id="persona-narrative"
                rows={5}
                value={draft.narrative}
                onChange={(e) => set("narrative", e.target.value)}
                aria-invalid={Boolean(error("narrative")) || undefined}
                placeholder="A day in their life, in a few sentences."
              />
              <FieldError message={error("narrative")} />
            </div>
          </Section>
          <Section title="Goals, pains and jobs" description="Short sentences, one per line, most important first.">
            {LISTS.map(({ key, label, placeholder }) => (
              <ListEditor
                key={key}
                label={label}
                items={draft[key]}
                placeholder={placeholder}
                readOnly={false}
                onChange={(items) => set(key, items)}
                errorFor={(i) => error(i === null ? key : `${key}.${i}`)}
              />
            ))}
          </Section>
          <Section title="What they care about and how to talk to them">
            <RankedPicker
              legend="Priorities"
              hint="Tick what matters to them and rank it: first matters most."
              options={PRIORITIES}
              labels={PRIORITY_LABELS}
              value={draft.priorities}
              onChange={(v) => set("priorities", v)}
              readOnly={false}
            />
            <RankedPicker
              legend="Preferred channels"
              hint="Where they like to hear from us, favourite first."
              options={CHANNELS}
              labels={CHANNEL_LABELS}
              value={draft.channels}
              onChange={(v) => set("channels", v)}
              readOnly={false}
            />
            <div className="grid gap-1.5 sm:grid-cols-[12rem_1fr] sm:items-start sm:gap-3">
              <div className="grid gap-1.5">
                <Label htmlFor="persona-tone">Tone of voice</Label>
                <NativeSelect
                  id="persona-tone"
                  value={draft.tone.voice ?? ""}
                  onChange={(e) =>
                    set("tone", { ...draft.tone, voice: (e.target.value || null) as PersonaFields["tone"]["voice"] })
                  }
                >
                  <option value="">— not set —</option>
                  {TONES.map((t) => (
                    <option key={t} value={t}>
                      {TONE_LABELS[t]}
                    </option>
                  ))}
                </NativeSelect>
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="persona-tone-example">Example sentence</Label>
                <Input
                  id="persona-tone-example"
                  value={draft.tone.example}
                  onChange={(e) => set("tone", { ...draft.tone, example: e.target.value })}
                  placeholder="Made from recycled cotton, built to last."
                  aria-invalid={Boolean(error("tone.example")) || undefined}
                />
                <FieldError message={error("tone.example")} />
              </div>
            </div>
          </Section>
        </div>
        <div className="grid content-start gap-4">
          <Section
            title="Assumptions"
            description="Claims about the audience. The persona page marks each one confirmed or contradicted with the actual figure."
          >
            <AssumptionEditor
              assumptions={draft.assumptions}
              onChange={(a) => set("assumptions", a)}
              errorFor={error}
              readOnly={false}
            />
          </Section>
        </div>
      </div>
      <Section
        title="Audience"
        description="Bind the persona to a live segment: its size, distributions and assumption checks come from these profiles."
      >
        <SegmentBinding
          personaId={personaId}
          personaName={draft.name}
          segmentId={draft.segmentId}
          segments={segments}
          error={error("segmentId")}
          readOnly={false}
          onPick={(segmentId) => set("segmentId", segmentId)}
          onBound={(segment) => {
            setSegments((list) => [...list.filter((s) => s.id !== segment.id), segment]);
            markSaved({ segmentId: segment.id });
            set("segmentId", segment.id);
            router.refresh();
          }}
        />
      </Section>
    </div>
  );
}
