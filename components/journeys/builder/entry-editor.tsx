"use client";

import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { JourneyNode } from "@/lib/journeys";
import { EventPicker } from "./event-picker";
import { StepField } from "./step-field";

type Entry = Extract<JourneyNode, { kind: "entry" }>;

/** What starts the journey: an event with property filters, and whether a person may enter again. */
export function EntryEditor({
  node,
  path,
  onChange,
  readOnly,
}: {
  node: Entry;
  path: string;
  onChange: (node: Entry) => void;
  readOnly: boolean;
}) {
  const { trigger, reentry } = node;
  return (
    <div className="grid gap-4">
      {trigger.type === "event" ? (
        <EventPicker
          name={`${path}.trigger`}
          label="Entry event"
          value={trigger}
          readOnly={readOnly}
          onChange={(event) => onChange({ ...node, trigger: { ...trigger, ...event } })}
        />
      ) : (
        // Only event triggers are run by the engine yet (docs/journeys.md); other triggers come from the API.
        <p className="text-sm text-muted-foreground">
          This journey enters people on a {trigger.type}, set through the API; the builder edits event entries.
        </p>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <StepField name={`${path}.reentry.type`} label="Re-entry">
          <NativeSelect
            value={reentry.type}
            disabled={readOnly}
            onChange={(e) =>
              onChange({ ...node, reentry: e.target.value === "once" ? { type: "once" } : { type: "after", days: 7 } })
            }
          >
            <option value="once">Once per person</option>
            <option value="after">Again after some days</option>
          </NativeSelect>
        </StepField>
        {reentry.type === "after" && (
          <StepField name={`${path}.reentry.days`} label="Days before entering again">
            <Input
              type="number"
              min={1}
              className="w-24"
              value={Number.isFinite(reentry.days) ? reentry.days : ""}
              disabled={readOnly}
              onChange={(e) => onChange({ ...node, reentry: { type: "after", days: Number(e.target.value) } })}
            />
          </StepField>
        )}
      </div>
      <p className="text-xs text-muted-foreground">
        Someone enters when the event is ingested (at most an hour old), passes the filters and{" "}
        {reentry.type === "once" ? "has never entered before" : "has left an earlier run begun that many days ago"}.
      </p>
    </div>
  );
}
