"use client";

import { ChevronLeft, ChevronRight, Loader2 } from "lucide-react";
import { FormAlert } from "@/components/form-messages";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { ChannelSpec, Finding, TemplateContent } from "@/lib/templates";
import { fieldLabel } from "../field-label";
import { TemplatePreviews } from "../template-previews";
import { who, type PreviewTarget, type TemplatePreviewState } from "./use-template-preview";

const targetValue = (target: PreviewTarget) => (target.kind === "all" ? "all" : `${target.kind}:${target.id}`);

/** "Preview with a real profile": pick an audience, step through its people, see what each would get. */
export function PreviewCard({
  state,
  channel,
  spec,
  findings,
  segments,
  personas,
}: {
  state: TemplatePreviewState;
  channel: TemplateContent["channel"];
  spec: ChannelSpec;
  findings: Finding[];
  segments: { id: string; name: string }[];
  personas: { id: string; name: string }[];
}) {
  const { target, profiles, profile, preview, valid } = state;
  const problems = preview.data?.problems ?? [];
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">Preview with a real profile</CardTitle>
        <CardDescription>
          Rendered by the server exactly as it would be sent; cycle through people to catch broken personalisation.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <div className="flex flex-wrap items-end gap-2">
          <div className="grid gap-1.5">
            <Label htmlFor="preview-audience">Audience</Label>
            <NativeSelect
              id="preview-audience"
              className="min-w-48"
              value={targetValue(target)}
              onChange={(e) => {
                const [kind, id] = e.target.value.split(":") as ["all" | "segment" | "persona", string];
                state.chooseTarget(kind === "all" ? { kind } : { kind, id });
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
              onChange={(e) => state.showProfile(e.target.value)}
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
            onClick={() => state.step(-1)}
          >
            <ChevronLeft className="size-4" aria-hidden />
          </Button>
          <Button
            variant="outline"
            size="icon"
            aria-label="Next profile"
            disabled={profiles.length < 2}
            onClick={() => state.step(1)}
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
        {!valid && <p className="text-sm text-muted-foreground">Complete the required fields to see the preview.</p>}
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
        {preview.data && <TemplatePreviews channel={channel} rendered={preview.data.rendered} findings={findings} />}
        {preview.error && <FormAlert message={preview.error.message} />}
      </CardContent>
    </Card>
  );
}
