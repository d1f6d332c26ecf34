"use client";

import { closestCenter, DndContext, PointerSensor, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { useQueryClient } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useState } from "react";
import { apiFetch, ApiError } from "@/components/api-fetch";
import { FormAlert } from "@/components/form-messages";
import { AsOf } from "@/components/reports/as-of";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import {
  describeDefinition,
  describeNode,
  findNode,
  findParent,
  fieldToPath,
  issuesByNode,
  definitionSchema,
  type SegmentDefinition,
  type SegmentGroup,
} from "@/lib/segments";
import { applyBuilderAction, dropNode } from "./apply-builder-action";
import { BuilderContext, type BuilderAction } from "./builder-context";
import { SampleProfileList } from "./sample-profile-list";
import { GroupNode } from "./tree-node";
import { usePersonaOptions } from "./use-catalog";
import { useLiveCounts } from "./use-live-counts";
import { queryKeys } from "@/components/query-keys";

const number = (n: number) => n.toLocaleString("en");
const MOVE_WORDS = { up: "up", down: "down", indent: "into the group above", outdent: "out of its group" } as const;

export type BuilderSegment = { id?: string; name: string; description: string; root: SegmentGroup };

const SEGMENT_DETAILS = {
  name: "Name",
  namePlaceholder: "Cart abandoners in Germany",
  description: "Description",
  descriptionPlaceholder: "Who they are and what we send them",
};

export type BuilderSave = { name: string; description: string; definition: SegmentDefinition };

/**
 * The visual segment editor: condition tree, live counts per node, summary, sample, save. With
 * `onSave` the caller keeps the result (a persona binding a segment inline) instead of it being
 * saved here and opened.
 */
export function SegmentBuilder({
  initial,
  readOnly,
  segments,
  onSave,
  saveLabel,
  details = SEGMENT_DETAILS,
}: {
  initial: BuilderSegment;
  readOnly: boolean;
  segments: { id: string; name: string; archived?: boolean }[];
  onSave?: (segment: BuilderSave) => Promise<void>;
  saveLabel?: string;
  // What the name and description fields stand for when the builder defines something else (a sub-persona).
  details?: typeof SEGMENT_DETAILS;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const plainWordsId = useId();
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [root, setRoot] = useState(initial.root);
  const [announcement, setAnnouncement] = useState("");
  const [focusId, setFocusId] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const others = useMemo(() => segments.filter((s) => s.id !== initial.id), [segments, initial.id]);
  const personas = usePersonaOptions();
  // describeDefinition reads membership and persona conditions from one record of names by id.
  const names = useMemo(
    () => Object.fromEntries([...segments, ...(personas.data ?? [])].map((s) => [s.id, s.name])),
    [segments, personas.data],
  );

  const parsed = useMemo(() => definitionSchema.safeParse({ version: 1, root }), [root]);
  const definition = parsed.success ? parsed.data : null;
  const live = useLiveCounts(definition, initial.id);
  const issues = useMemo(() => {
    const all = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path, message: i.message }));
    const server =
      live.error instanceof ApiError && live.error.field
        ? [{ path: fieldToPath(live.error.field), message: live.error.message }]
        : [];
    const saved = saveError?.field?.startsWith("definition.")
      ? [{ path: fieldToPath(saveError.field), message: saveError.message }]
      : [];
    return issuesByNode(root, [...all, ...server, ...saved]);
  }, [parsed, live.error, saveError, root]);

  const dispatch = useCallback(
    (action: BuilderAction) => {
      setRoot((current) => {
        const next = applyBuilderAction(current, action);
        if (action.type === "move" && next !== current) {
          const place = findParent(next, action.id)!;
          const node = findNode(next, action.id)!;
          setAnnouncement(
            `Moved ${describeNode(node, names)} ${MOVE_WORDS[action.move]}: position ${place.index + 1} ` +
              `of ${place.parent.children.length}.`,
          );
          setFocusId(action.id);
        }
        return next;
      });
      setSaveError(null);
    },
    [names],
  );
  useEffect(() => {
    if (focusId) document.querySelector<HTMLElement>(`[data-handle-for="${focusId}"]`)?.focus();
  }, [focusId, root]);

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over) setRoot((current) => dropNode(current, String(active.id), String(over.id)));
  };

  const save = async () => {
    if (!definition) return;
    setSaving(true);
    setSaveError(null);
    try {
      const body = { name, description, definition };
      if (onSave) {
        await onSave(body);
        setSaving(false);
        return;
      }
      const result = initial.id
        ? await apiFetch<{ segment: { id: string } }>(`/api/segments/${initial.id}`, { method: "PATCH", body })
        : await apiFetch<{ segment: { id: string } }>("/api/segments", { method: "POST", body });
      await queryClient.invalidateQueries({ queryKey: queryKeys.segments.all });
      router.push(`/segments/${result.segment.id}`);
      router.refresh();
    } catch (error) {
      setSaveError(error instanceof ApiError ? error : new ApiError(500, (error as Error).message || "Saving failed."));
      setSaving(false);
    }
  };

  const total = live.counts?.total;
  return (
    <BuilderContext.Provider
      value={{ readOnly, counts: live.counts, pending: live.pending, issues, segments: others, names, dispatch }}
    >
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-4">
          {!readOnly && (
            <Card>
              <CardContent className="grid gap-3 pt-6 md:grid-cols-2">
                <div className="grid gap-1.5">
                  <Label htmlFor="segment-name">{details.name}</Label>
                  <Input
                    id="segment-name"
                    value={name}
                    onChange={(e) => setName(e.target.value)}
                    aria-invalid={saveError?.field === "name" || undefined}
                    placeholder={details.namePlaceholder}
                  />
                </div>
                <div className="grid gap-1.5">
                  <Label htmlFor="segment-description">{details.description}</Label>
                  <Textarea
                    id="segment-description"
                    rows={1}
                    className="min-h-9"
                    value={description}
                    onChange={(e) => setDescription(e.target.value)}
                    placeholder={details.descriptionPlaceholder}
                  />
                </div>
              </CardContent>
            </Card>
          )}
          <Card>
            <CardHeader>
              <CardTitle className="text-base">Conditions</CardTitle>
            </CardHeader>
            <CardContent>
              <p id="segment-builder-move-help" className="sr-only">
                Drag to move. With the keyboard: Alt plus Arrow Up or Down moves among siblings, Alt plus Arrow Right
                moves into the group above, Alt plus Arrow Left moves out of the group.
              </p>
              <div aria-live="polite" className="sr-only">
                {announcement}
              </div>
              {/* Read-only, the controls stay legible: they show the definition rather than offer edits. */}
              <div
                className={
                  readOnly
                    ? "[&_input:disabled]:cursor-default [&_input:disabled]:opacity-100 " +
                      "[&_select:disabled]:cursor-default [&_select:disabled]:opacity-100"
                    : undefined
                }
              >
                <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
                  <GroupNode group={root} isRoot />
                </DndContext>
              </div>
            </CardContent>
          </Card>
        </div>
        <aside className="flex flex-col gap-4 xl:sticky xl:top-4 xl:self-start" aria-label="Audience">
          <Card>
            <CardContent className="flex flex-col gap-3 pt-6">
              <div>
                <p className="text-sm text-muted-foreground">Audience</p>
                <output
                  className="flex items-center gap-2 text-3xl font-semibold tabular-nums"
                  aria-label="Audience total"
                >
                  {total === undefined ? "—" : number(total)}
                  {live.pending && (
                    <Loader2 className="size-5 animate-spin text-muted-foreground" aria-label="Counting" />
                  )}
                </output>
                {definition && live.cache?.refreshing ? (
                  <AsOf cache={live.cache} />
                ) : (
                  <p className="text-xs text-muted-foreground">
                    {definition ? "profiles match right now" : "Fix the highlighted conditions to count."}
                  </p>
                )}
              </div>
              <div>
                <p className="text-sm font-medium" id={plainWordsId}>
                  In plain words
                </p>
                <p className="text-sm" role="status" aria-labelledby={plainWordsId}>
                  {describeDefinition({ version: 1, root }, names)}
                </p>
              </div>
              {saveError && !saveError.field?.startsWith("definition.") && <FormAlert message={saveError.message} />}
              {!readOnly && (
                <Button onClick={save} disabled={!definition || saving || !name.trim()}>
                  {saving && <Loader2 className="size-4 animate-spin" aria-hidden />}{" "}
                  {saveLabel ?? (initial.id ? "Save changes" : "Save segment")}
                </Button>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle className="text-base">Sample profiles</CardTitle>
            </CardHeader>
            <CardContent>
              {live.sample && live.sample.length === 0 && (
                <p className="text-sm text-muted-foreground">
                  No one matches yet. Loosen a condition to see people here.
                </p>
              )}
              {live.sample && <SampleProfileList profiles={live.sample} dimmed={live.samplePending} />}
            </CardContent>
          </Card>
        </aside>
      </div>
    </BuilderContext.Provider>
  );
}
