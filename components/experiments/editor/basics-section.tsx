"use client";

import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import type { ExperimentDraft } from "@/lib/experiments";
import { channelLabel, TEMPLATE_CHANNELS } from "@/lib/templates";
import { DraftField, useDraft, type EditorOptions } from "./fields";

/** What is tested: name, hypothesis, channel and audience. */
export function BasicsSection({ options }: { options: EditorOptions }) {
  const { draft, set } = useDraft();
  const audience = draft.audience;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>What you test</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <DraftField name="name" label="Name">
          {(field) => (
            <Input
              value={(field.value as string) ?? ""}
              onChange={(e) => field.onChange(e.target.value)}
              onBlur={field.onBlur}
              placeholder="Subject line: offer first"
            />
          )}
        </DraftField>
        <DraftField
          name="hypothesis"
          label="Hypothesis"
          hint="What you expect to change, for whom, and why — the analyst reads the result against it."
        >
          {(field) => (
            <Textarea
              value={(field.value as string) ?? ""}
              onChange={(e) => field.onChange(e.target.value)}
              onBlur={field.onBlur}
              placeholder="Naming the discount in the subject makes more recipients buy within 3 days."
            />
          )}
        </DraftField>
        <div className="flex flex-wrap gap-4">
          <DraftField name="channel" label="Channel">
            {(field) => (
              <NativeSelect
                value={field.value as string}
                onBlur={field.onBlur}
                onChange={(e) =>
                  set({
                    channel: e.target.value as ExperimentDraft["channel"],
                    variants: draft.variants.map((v) => ({ ...v, versionId: null })),
                  })
                }
              >
                {TEMPLATE_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {channelLabel(c)}
                  </option>
                ))}
              </NativeSelect>
            )}
          </DraftField>
          <DraftField name="audience.kind" label="Audience">
            {(field) => (
              <NativeSelect
                value={field.value as string}
                onBlur={field.onBlur}
                onChange={(e) => {
                  const kind = e.target.value;
                  if (kind === "all") set({ audience: { kind: "all" } });
                  else if (kind === "segment")
                    set({ audience: { kind: "segment", id: options.segments[0]?.id ?? "" } });
                  else set({ audience: { kind: "persona", id: options.personas.find((p) => p.bound)?.id ?? "" } });
                }}
              >
                <option value="all">Everyone</option>
                <option value="segment">A segment</option>
                <option value="persona">A persona&apos;s audience</option>
              </NativeSelect>
            )}
          </DraftField>
          {audience.kind !== "all" && (
            <DraftField name="audience.id" label={audience.kind === "segment" ? "Segment" : "Persona"}>
              {(field) => (
                <NativeSelect
                  value={(field.value as string) ?? ""}
                  onBlur={field.onBlur}
                  onChange={(e) => field.onChange(e.target.value)}
                >
                  {(audience.kind === "segment" ? options.segments : options.personas.filter((p) => p.bound)).map(
                    (o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ),
                  )}
                </NativeSelect>
              )}
            </DraftField>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
