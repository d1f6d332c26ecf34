"use client";

import { DndContext, PointerSensor, pointerWithin, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Eye, Rocket, Target } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { useForm, type FieldPath } from "react-hook-form";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { SaveStatus } from "@/components/save-status";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { Form } from "@/components/ui/form";
import { toast } from "@/components/ui/use-toast";
import { fieldErrors, useAutosave } from "@/components/use-autosave";
import {
  insertBetween,
  journeyDefinitionSchema,
  moveStep,
  moveStepTo,
  newStep,
  nodesById,
  removeNode,
  replaceStep,
  validateJourney,
  type AddableStepKind,
  type JourneyDefinition,
  type JourneyDefinitionInput,
  type JourneyIssue,
  type JourneyNode,
} from "@/lib/journeys";
import { describeExit, type TemplateNames } from "../describe-node";
import { FlowSteps } from "../flow-steps";
import { AddStepMenu } from "./add-step-menu";
import { ChangesPanel } from "./changes-panel";
import { JourneySettings } from "./journey-settings";
import { PublishDialog } from "./publish-dialog";
import type { PickableTemplate } from "./send-editor";
import { StepCard } from "./step-card";
import { StepPanel } from "./step-panel";

const JOURNEY = "journey";

/** Issues about the same field said once: the schema's, the graph rules' and the server's overlap. */
const unique = (issues: JourneyIssue[]) =>
  issues.filter((issue, i) => issues.findIndex((o) => o.field === issue.field && o.message === issue.message) === i);

/**
 * The journey builder: the flow drawn as on the journey page with a "+" on every edge, the selected
 * step's editor beside it, the draft saved as you type (PUT …/draft) and published on confirmation.
 * What would stop publishing is shown on the steps and listed; the server's verdict (422) too.
 */
export function JourneyBuilder({
  journeyId,
  initial,
  published,
  templates,
  templateNames,
  segments,
}: {
  journeyId: string;
  initial: JourneyDefinition;
  published: { version: number; definition: JourneyDefinition } | null;
  /** Published, unarchived templates: what a send step may pick. */
  templates: PickableTemplate[];
  templateNames: TemplateNames;
  segments: { id: string; name: string; archived?: boolean }[];
}) {
  const router = useRouter();
  // The one schema: the form's resolver checks everything again when Publish is pressed.
  const form = useForm<JourneyDefinitionInput, unknown, JourneyDefinition>({
    resolver: zodResolver(journeyDefinitionSchema),
    mode: "onTouched",
    reValidateMode: "onChange",
    defaultValues: initial,
  });
  const [definition, setDefinition] = useState(initial);
  const [selected, setSelected] = useState<string>(initial.nodes[0]?.id ?? JOURNEY);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [serverIssues, setServerIssues] = useState<JourneyIssue[]>([]);
  const [publishError, setPublishError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const update = (next: JourneyDefinition) => {
    setDefinition(next);
    // The server's refusal was about the definition before this edit.
    setServerIssues([]);
    setPublishError(null);
    for (const key of ["nodes", "goal", "exitCriteria"] as const) form.setValue(key, next[key]);
  };

  const draft = useMemo(() => ({ definition }), [definition]);
  const { state, errors: saveErrors } = useAutosave(draft, {
    validate: (value) => fieldErrors(journeyDefinitionSchema.safeParse(value.definition).error, ["definition"]),
    save: (changes) => apiFetch(`/api/journeys/${journeyId}/draft`, { method: "PUT", body: changes.definition }),
  });
  // The schema's verdict on the definition as it stands (autosave judges only what changed since it saved),
  // with a field the server refused to save.
  const errors = useMemo(() => {
    const refused = Object.entries(saveErrors).filter(([path]) => !path.startsWith("definition"));
    return { ...fieldErrors(journeyDefinitionSchema.safeParse(definition).error), ...Object.fromEntries(refused) };
  }, [definition, saveErrors]);
  // It shows at the fields (as the template editor's autosave does) and clears as soon as the value is fixed.
  useEffect(() => {
    form.clearErrors();
    for (const [path, message] of Object.entries(errors))
      form.setError(path as FieldPath<JourneyDefinitionInput>, { type: "validate", message });
  }, [errors, form]);

  const issues = useMemo(() => {
    const schema = Object.entries(errors).map(([field, message]): JourneyIssue => {
      const index = /^nodes\.(\d+)/.exec(field)?.[1];
      return { nodeId: index === undefined ? undefined : definition.nodes[Number(index)]?.id, field, message };
    });
    const graph = validateJourney(definition, { publishedTemplateIds: templates.map((t) => t.id) });
    return unique([...serverIssues, ...schema, ...graph]);
  }, [errors, definition, templates, serverIssues]);

  const nodes = nodesById(definition);
  const names = (node: JourneyNode) => node.label ?? node.id;

  useEffect(() => {
    if (focusId) document.querySelector<HTMLElement>(`[data-step-id="${focusId}"]`)?.focus();
  }, [focusId, definition]);

  const add = (from: JourneyNode, exit: string, kind: AddableStepKind) => {
    const step = newStep(definition, kind);
    update(insertBetween(definition, from.id, exit, step));
    setSelected(step.id);
    setFocusId(step.id);
  };

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));
  const drop = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const moved = moveStepTo(definition, String(active.id), String(over.id));
    if (moved) update(moved);
    else
      toast({
        title: "Not moved",
        description: "A step moves within its straight run of steps: not past a split, the entry or an exit.",
      });
  };

  const publish = useMutation({
    mutationFn: () =>
      apiFetch<{ published: { version: number } }>(`/api/journeys/${journeyId}/publish`, {
        method: "POST",
        body: { definition },
      }),
    onMutate: () => setPublishError(null),
    onSuccess: ({ published: result }) => {
      setConfirming(false);
      toast({ title: `Published version ${result.version}`, description: "New entries use it from now on." });
      router.refresh();
    },
    onError: (error) => {
      setConfirming(false);
      setPublishError(error.message);
      if (error instanceof ApiError && Array.isArray(error.details.issues))
        setServerIssues(error.details.issues as JourneyIssue[]);
    },
  });
  const blocker =
    state.status === "pending" || state.status === "saving" ? "Publishing waits for the draft to save." : null;

  const index = definition.nodes.findIndex((node) => node.id === selected);
  const node = definition.nodes[index];
  const sendSteps = definition.nodes.filter((n) => n.kind === "send").map((n) => ({ id: n.id, name: names(n) }));

  return (
    <Form {...form}>
      <div className="sticky top-0 z-10 -mx-1 mb-4 flex flex-wrap items-center justify-between gap-3 bg-background/95 px-1 py-2 backdrop-blur">
        <div className="flex flex-wrap items-center gap-3">
          <SaveStatus state={state} />
          <span className="text-sm text-muted-foreground">
            Draft · {published ? `published v${published.version}` : "never published"}
          </span>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="ghost" size="sm" asChild>
            <Link href={`/journeys/${journeyId}`}>
              <Eye className="size-4" aria-hidden /> View journey
            </Link>
          </Button>
          <Button variant="outline" size="sm" aria-pressed={selected === JOURNEY} onClick={() => setSelected(JOURNEY)}>
            <Target className="size-4" aria-hidden /> Goal and exit criteria
          </Button>
          <DisabledReason reason={blocker}>
            <Button
              size="sm"
              disabled={blocker !== null || publish.isPending}
              // The form's resolver runs first, so every field message shows before the confirmation.
              onClick={() =>
                void form.handleSubmit(
                  () => setConfirming(true),
                  () => setConfirming(true),
                )()
              }
            >
              <Rocket className="size-4" aria-hidden /> Publish
            </Button>
          </DisabledReason>
        </div>
      </div>
      {publishError && (
        <Alert variant="destructive" role="alert" className="mb-4">
          <AlertTitle>Not published</AlertTitle>
          <AlertDescription>{publishError}</AlertDescription>
        </Alert>
      )}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] 2xl:grid-cols-[minmax(0,1fr)_26rem]">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Steps</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            {/* Padded so the selected step's ring is not cut off by the region that scrolls wide splits. */}
            <div className="overflow-x-auto p-1" role="region" aria-label="Journey flow">
              <DndContext sensors={sensors} collisionDetection={pointerWithin} onDragEnd={drop}>
                <FlowSteps
                  definition={definition}
                  step={(n) => (
                    <StepCard
                      node={n}
                      nodes={nodes}
                      templates={templateNames}
                      selected={n.id === selected}
                      issueCount={issues.filter((issue) => issue.nodeId === n.id).length}
                      onSelect={() => setSelected(n.id)}
                    />
                  )}
                  addAt={(n, exit) => (
                    <AddStepMenu
                      where={
                        n.kind === "split" || (n.kind === "wait" && n.wait.type === "event")
                          ? `on branch ${describeExit(n, exit)} of ${names(n)}`
                          : `after ${names(n)}`
                      }
                      onAdd={(kind) => add(n, exit, kind)}
                    />
                  )}
                />
              </DndContext>
            </div>
          </CardContent>
        </Card>
        <aside className="grid gap-4 lg:sticky lg:top-16" aria-label="Step editor">
          <Card>
            <CardContent className="pt-6">
              {node ? (
                <StepPanel
                  key={node.id}
                  node={node}
                  index={index}
                  issues={issues.filter((issue) => issue.nodeId === node.id)}
                  options={{ templates, segments, sendSteps }}
                  canMove={{
                    up: moveStep(definition, node.id, "up") !== null,
                    down: moveStep(definition, node.id, "down") !== null,
                  }}
                  onChange={(next) => update(replaceStep(definition, next))}
                  onMove={(direction) => {
                    update(moveStep(definition, node.id, direction)!);
                    setFocusId(node.id);
                  }}
                  onRemove={() => {
                    update(removeNode(definition, node.id));
                    setSelected(definition.nodes[0]!.id);
                    setFocusId(definition.nodes[0]!.id);
                  }}
                />
              ) : (
                <JourneySettings
                  goal={definition.goal}
                  exitCriteria={definition.exitCriteria}
                  segments={segments}
                  readOnly={false}
                  onChange={(patch) => update({ ...definition, ...patch })}
                />
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle className="text-base">
                <h2>{issues.length === 0 ? "Ready to publish" : `To fix before publishing (${issues.length})`}</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              {issues.length === 0 ? (
                <p className="text-sm text-muted-foreground">Every step is connected and complete.</p>
              ) : (
                <ul className="grid gap-1.5 text-sm" aria-label="To fix before publishing">
                  {issues.map((issue, i) => {
                    const at = issue.nodeId ? nodes.get(issue.nodeId) : undefined;
                    return (
                      <li key={i}>
                        {at ? (
                          <button
                            type="button"
                            className="text-left underline-offset-2 hover:underline"
                            onClick={() => {
                              setSelected(at.id);
                              setFocusId(at.id);
                            }}
                          >
                            <span className="font-medium">{names(at)}:</span> {issue.message}
                          </button>
                        ) : (
                          issue.message
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle className="text-base">
                <h2>{published ? `Changes since v${published.version}` : "Changes"}</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              <ChangesPanel published={published} draft={definition} />
            </CardContent>
          </Card>
        </aside>
      </div>
      <PublishDialog
        open={confirming}
        onOpenChange={setConfirming}
        current={published?.version ?? null}
        definition={definition}
        issueCount={issues.length}
        pending={publish.isPending}
        onPublish={() => publish.mutate()}
      />
    </Form>
  );
}
