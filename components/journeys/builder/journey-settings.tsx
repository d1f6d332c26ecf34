"use client";

import { Plus, X } from "lucide-react";
import { ConditionTree } from "@/components/segments/condition-tree";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ExitCriterion, Goal } from "@/lib/journeys";
import { EventPicker } from "./event-picker";
import { FieldMessage, StepField } from "./step-field";

const emptySegment = () => ({
  type: "segment" as const,
  definition: { version: 1 as const, root: { kind: "group" as const, id: "root", op: "and" as const, children: [] } },
});

/** The journey's goal (counts a conversion and exits) and its exit criteria (leave early when met). */
export function JourneySettings({
  goal,
  exitCriteria,
  segments,
  onChange,
  readOnly,
}: {
  goal: Goal | undefined;
  exitCriteria: ExitCriterion[];
  segments: { id: string; name: string; archived?: boolean }[];
  onChange: (patch: { goal?: Goal | undefined; exitCriteria?: ExitCriterion[] }) => void;
  readOnly: boolean;
}) {
  const setCriterion = (i: number, next: ExitCriterion | null) =>
    onChange({
      exitCriteria: next ? exitCriteria.map((c, j) => (j === i ? next : c)) : exitCriteria.filter((_, j) => j !== i),
    });
  return (
    <div className="grid gap-6">
      <section className="grid gap-3" aria-label="Goal">
        <h3 className="text-sm font-semibold">Goal</h3>
        <p className="text-xs text-muted-foreground">
          Reaching it counts a conversion and takes the person out of the journey.
        </p>
        {goal ? (
          <>
            <EventPicker
              name="goal"
              label="Goal event"
              value={goal}
              readOnly={readOnly}
              onChange={(event) => onChange({ goal: { ...goal, ...event } })}
            />
            <StepField name="goal.windowDays" label="Within days of entering">
              <Input
                type="number"
                min={1}
                className="w-24"
                value={Number.isFinite(goal.windowDays) ? goal.windowDays : ""}
                disabled={readOnly}
                onChange={(e) => onChange({ goal: { ...goal, windowDays: Number(e.target.value) } })}
              />
            </StepField>
            {!readOnly && (
              <Button
                variant="outline"
                size="sm"
                className="justify-self-start"
                onClick={() => onChange({ goal: undefined })}
              >
                Remove the goal
              </Button>
            )}
          </>
        ) : (
          !readOnly && (
            <Button
              variant="outline"
              size="sm"
              className="justify-self-start"
              onClick={() => onChange({ goal: { event: "purchase", where: [], windowDays: 7 } })}
            >
              <Plus className="size-4" aria-hidden /> Add a goal
            </Button>
          )
        )}
      </section>
      <section className="grid gap-3" aria-label="Exit criteria">
        <h3 className="text-sm font-semibold">Exit criteria</h3>
        <p className="text-xs text-muted-foreground">People leave the journey as soon as one of these is met.</p>
        {exitCriteria.map((criterion, i) => (
          <div key={i} className="grid gap-2 rounded-md border p-3">
            <div className="flex items-center justify-between gap-2">
              <span className="text-sm font-medium">
                {criterion.type === "event" ? "When they do" : "When they match"}
              </span>
              {!readOnly && (
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={`Remove exit criterion ${i + 1}`}
                  onClick={() => setCriterion(i, null)}
                >
                  <X className="size-4" aria-hidden />
                </Button>
              )}
            </div>
            {criterion.type === "event" ? (
              <EventPicker
                name={`exitCriteria.${i}`}
                label={`Exit event ${i + 1}`}
                value={criterion}
                readOnly={readOnly}
                onChange={(event) => setCriterion(i, { ...criterion, ...event })}
              />
            ) : (
              <>
                <ConditionTree
                  definition={criterion.definition}
                  segments={segments}
                  readOnly={readOnly}
                  onChange={(definition) => setCriterion(i, { type: "segment", definition })}
                />
                <FieldMessage name={`exitCriteria.${i}.definition`} />
              </>
            )}
          </div>
        ))}
        {!readOnly && exitCriteria.length < 10 && (
          <div className="flex flex-wrap gap-2">
            <Button
              variant="outline"
              size="sm"
              onClick={() => onChange({ exitCriteria: [...exitCriteria, { type: "event", event: "", where: [] }] })}
            >
              <Plus className="size-4" aria-hidden /> Exit on an event
            </Button>
            <Button
              variant="outline"
              size="sm"
              onClick={() => onChange({ exitCriteria: [...exitCriteria, emptySegment()] })}
            >
              <Plus className="size-4" aria-hidden /> Exit on conditions
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}
