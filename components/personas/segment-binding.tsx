"use client";

import { Link2, Plus, Unlink } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { FieldError } from "@/components/form-messages";
import { SegmentBuilder, type BuilderSave } from "@/components/segments/segment-builder";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";

export type SegmentOption = { id: string; name: string; size: number | null; archived?: boolean };

/**
 * Which real customers the persona describes: pick a saved segment, or define one right here with
 * the segment builder (saved as a segment of its own and bound in one step).
 */
export function SegmentBinding({
  personaId,
  personaName,
  segmentId,
  segments,
  onPick,
  onBound,
  error,
  readOnly,
}: {
  personaId: string;
  personaName: string;
  segmentId: string | null;
  segments: SegmentOption[];
  onPick: (segmentId: string | null) => void;
  onBound: (segment: SegmentOption) => void;
  error?: string;
  readOnly: boolean;
}) {
  const [defining, setDefining] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const bound = segments.find((s) => s.id === segmentId);

  const bindNew = async ({ name, definition }: BuilderSave) => {
    setSaveError(undefined);
    try {
      const { persona } = await apiFetch<{ persona: { segmentId: string } }>(`/api/personas/${personaId}`, {
        method: "PATCH",
        body: { newSegment: { name, definition } },
      });
      const { segment } = await apiFetch<{ segment: { id: string; name: string; size: number | null } }>(
        `/api/segments/${persona.segmentId}`,
      );
      onBound({ id: segment.id, name: segment.name, size: segment.size });
      setDefining(false);
    } catch (e) {
      setSaveError(e instanceof ApiError ? e.message : "Binding the segment failed.");
    }
  };

  return (
    <div className="grid gap-3">
      <p className="text-sm">
        {bound ? (
          <>
            <Link2 className="mr-1 inline size-4 text-muted-foreground" aria-hidden />
            Bound to{" "}
            <Link className="font-medium text-primary underline underline-offset-4" href={`/segments/${bound.id}`}>
              {bound.name}
            </Link>
            {bound.size !== null && <> · {bound.size.toLocaleString("en")} profiles</>}
          </>
        ) : (
          <span className="text-muted-foreground">
            No segment bound: the persona&apos;s size, distributions and assumption checks need one.
          </span>
        )}
      </p>
      {!readOnly && !defining && (
        <div className="flex flex-wrap items-end gap-2">
          <div className="grid gap-1.5">
            <Label htmlFor="persona-segment">Existing segment</Label>
            <NativeSelect
              id="persona-segment"
              className="min-w-64"
              value={segmentId ?? ""}
              onChange={(e) => onPick(e.target.value || null)}
              aria-invalid={Boolean(error) || undefined}
            >
              <option value="">— none —</option>
              {segments
                .filter((s) => !s.archived || s.id === segmentId)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                    {s.size !== null ? ` (${s.size.toLocaleString("en")})` : ""}
                    {s.archived ? " (archived)" : ""}
                  </option>
                ))}
            </NativeSelect>
          </div>
          <Button type="button" variant="outline" onClick={() => setDefining(true)}>
            <Plus className="size-4" aria-hidden /> Define a new segment
          </Button>
          {bound && (
            <Button type="button" variant="ghost" onClick={() => onPick(null)}>
              <Unlink className="size-4" aria-hidden /> Unbind
            </Button>
          )}
        </div>
      )}
      <FieldError message={error} />
      {defining && (
        <div className="grid gap-2 rounded-lg border border-dashed p-3">
          <div className="flex items-center justify-between">
            <p className="text-sm font-medium">New segment for {personaName}</p>
            <Button type="button" variant="ghost" size="sm" onClick={() => setDefining(false)}>
              Cancel
            </Button>
          </div>
          <SegmentBuilder
            readOnly={false}
            segments={segments.map(({ id, name, archived }) => ({ id, name, archived }))}
            initial={{
              name: `${personaName} audience`,
              description: "",
              root: { kind: "group", id: "root", op: "and", children: [] },
            }}
            onSave={bindNew}
            saveLabel="Save and bind"
          />
          <FieldError message={saveError} />
        </div>
      )}
    </div>
  );
}
