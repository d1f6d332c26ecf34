"use client";

import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { JourneyNode, Wait } from "@/lib/journeys";
import { DurationInput } from "./duration-input";
import { EventPicker } from "./event-picker";
import { StepField } from "./step-field";

type WaitStep = Extract<JourneyNode, { kind: "wait" }>;

const STARTERS: Record<Wait["type"], Wait> = {
  duration: { type: "duration", minutes: 60 },
  local_time: { type: "local_time", at: "09:00" },
  best_hour: { type: "best_hour" },
  event: { type: "event", event: "", where: [], timeoutMinutes: 1440 },
};

/** A pause: a duration, until a time of day or the person's best hour, or until an event (two exits). */
export function WaitEditor({
  node,
  path,
  onChange,
  readOnly,
}: {
  node: WaitStep;
  path: string;
  onChange: (node: WaitStep) => void;
  readOnly: boolean;
}) {
  const { wait } = node;
  const set = (next: Wait) => onChange({ ...node, wait: next });
  return (
    <div className="grid gap-4">
      <StepField name={`${path}.wait.type`} label="Wait until">
        <NativeSelect
          value={wait.type}
          disabled={readOnly}
          onChange={(e) => set(STARTERS[e.target.value as Wait["type"]])}
        >
          <option value="duration">Some time has passed</option>
          <option value="local_time">A time of day in their timezone</option>
          <option value="best_hour">Their best hour</option>
          <option value="event">They do something (or time runs out)</option>
        </NativeSelect>
      </StepField>
      {wait.type === "duration" && (
        <StepField name={`${path}.wait.minutes`} label="How long">
          <DurationInput label="How long" minutes={wait.minutes} onChange={(minutes) => set({ ...wait, minutes })} />
        </StepField>
      )}
      {wait.type === "local_time" && (
        <StepField name={`${path}.wait.at`} label="Time of day" hint="The next time their clock shows it.">
          <Input
            type="time"
            className="w-32"
            value={wait.at}
            disabled={readOnly}
            onChange={(e) => set({ ...wait, at: e.target.value })}
          />
        </StepField>
      )}
      {wait.type === "best_hour" && (
        <p className="text-sm text-muted-foreground">
          The hour they are usually active, in their timezone (10:00 for someone with no history yet).
        </p>
      )}
      {wait.type === "event" && (
        <>
          <EventPicker
            name={`${path}.wait`}
            label="Event to wait for"
            value={wait}
            readOnly={readOnly}
            onChange={(event) => set({ ...wait, ...event })}
          />
          <StepField
            name={`${path}.wait.timeoutMinutes`}
            label="Give up after"
            hint="Two exits: one for those who did it, one for those who timed out."
          >
            <DurationInput
              label="Give up after"
              minutes={wait.timeoutMinutes}
              onChange={(timeoutMinutes) => set({ ...wait, timeoutMinutes })}
            />
          </StepField>
        </>
      )}
    </div>
  );
}
