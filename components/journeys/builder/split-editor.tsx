"use client";

import { Plus, X } from "lucide-react";
import { ConditionTree } from "@/components/segments/condition-tree";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { JourneyNode, Split } from "@/lib/journeys";
import { FieldMessage, StepField } from "./step-field";

type SplitStep = Extract<JourneyNode, { kind: "split" }>;
type Choice = "segment" | "engagement" | "random";

const emptyCondition = (): Split => ({
  type: "condition",
  condition: {
    type: "segment",
    definition: { version: 1, root: { kind: "group", id: "root", op: "and", children: [] } },
  },
});
const choiceOf = (split: Split): Choice => (split.type === "random" ? "random" : split.condition.type);

/** A fork: yes / no on a condition (the segment builder's) or on a message opened, or random arms with a holdout. */
export function SplitEditor({
  node,
  path,
  sendSteps,
  segments,
  onChange,
  readOnly,
}: {
  node: SplitStep;
  path: string;
  sendSteps: { id: string; name: string }[];
  segments: { id: string; name: string; archived?: boolean }[];
  onChange: (node: SplitStep) => void;
  readOnly: boolean;
}) {
  const { split } = node;
  const set = (next: Split) => onChange({ ...node, split: next });
  const choose = (choice: Choice) =>
    set(
      choice === "segment"
        ? emptyCondition()
        : choice === "engagement"
          ? {
              type: "condition",
              condition: { type: "engagement", action: "opened", sendNodeId: sendSteps[0]?.id ?? "" },
            }
          : {
              type: "random",
              arms: [
                { name: "a", percent: 50 },
                { name: "b", percent: 50 },
              ],
              holdoutPercent: 0,
            },
    );
  return (
    <div className="grid gap-4">
      <StepField name={`${path}.split.type`} label="Split by">
        <NativeSelect value={choiceOf(split)} disabled={readOnly} onChange={(e) => choose(e.target.value as Choice)}>
          <option value="segment">Who they are or what they did (conditions)</option>
          <option value="engagement">Whether they opened or clicked a message</option>
          <option value="random">Random percentages (with an optional holdout)</option>
        </NativeSelect>
      </StepField>
      {split.type === "condition" && split.condition.type === "segment" && (
        <div className="grid gap-1.5">
          <span className="text-sm font-medium">Yes when they match</span>
          <ConditionTree
            definition={split.condition.definition}
            segments={segments}
            readOnly={readOnly}
            onChange={(definition) => set({ type: "condition", condition: { type: "segment", definition } })}
          />
          <FieldMessage name={`${path}.split.condition.definition`} />
        </div>
      )}
      {split.type === "condition" &&
        split.condition.type === "engagement" &&
        (() => {
          const condition = split.condition;
          return (
            <div className="flex flex-wrap items-end gap-2">
              <StepField name={`${path}.split.condition.action`} label="Yes when they">
                <NativeSelect
                  value={condition.action}
                  disabled={readOnly}
                  onChange={(e) =>
                    set({
                      type: "condition",
                      condition: { ...condition, action: e.target.value as "opened" | "clicked" },
                    })
                  }
                >
                  <option value="opened">opened</option>
                  <option value="clicked">clicked</option>
                </NativeSelect>
              </StepField>
              <StepField name={`${path}.split.condition.sendNodeId`} label="the message of step">
                <NativeSelect
                  value={condition.sendNodeId}
                  disabled={readOnly}
                  onChange={(e) => set({ type: "condition", condition: { ...condition, sendNodeId: e.target.value } })}
                >
                  <option value="">Pick a message step…</option>
                  {sendSteps.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </NativeSelect>
              </StepField>
            </div>
          );
        })()}
      {split.type === "random" && (
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">Arms (each a branch)</legend>
          {split.arms.map((arm, i) => {
            const setArm = (next: typeof arm) =>
              set({ ...split, arms: split.arms.map((a, j) => (j === i ? next : a)) });
            return (
              <div key={i} className="flex items-end gap-2">
                <StepField name={`${path}.split.arms.${i}.name`} label={`Arm ${i + 1} name`}>
                  <Input
                    className="w-32"
                    value={arm.name}
                    disabled={readOnly}
                    onChange={(e) => setArm({ ...arm, name: e.target.value })}
                  />
                </StepField>
                <StepField name={`${path}.split.arms.${i}.percent`} label={`Arm ${i + 1} %`}>
                  <Input
                    type="number"
                    min={1}
                    max={100}
                    className="w-20"
                    value={Number.isFinite(arm.percent) ? arm.percent : ""}
                    disabled={readOnly}
                    onChange={(e) => setArm({ ...arm, percent: Number(e.target.value) })}
                  />
                </StepField>
                {!readOnly && split.arms.length > 2 && (
                  <Button
                    variant="ghost"
                    size="icon"
                    aria-label={`Remove arm ${arm.name}`}
                    onClick={() => set({ ...split, arms: split.arms.filter((_, j) => j !== i) })}
                  >
                    <X className="size-4" aria-hidden />
                  </Button>
                )}
              </div>
            );
          })}
          <FieldMessage name={`${path}.split.arms`} />
          {!readOnly && split.arms.length < 5 && (
            <Button
              variant="outline"
              size="sm"
              className="justify-self-start"
              onClick={() =>
                set({
                  ...split,
                  arms: [...split.arms, { name: String.fromCharCode(97 + split.arms.length), percent: 10 }],
                })
              }
            >
              <Plus className="size-4" aria-hidden /> Add an arm
            </Button>
          )}
          <StepField
            name={`${path}.split.holdoutPercent`}
            label="Holdout %"
            hint="Held out before the arms are drawn: they exit and are the control."
          >
            <Input
              type="number"
              min={0}
              max={50}
              className="w-20"
              value={Number.isFinite(split.holdoutPercent) ? split.holdoutPercent : ""}
              disabled={readOnly}
              onChange={(e) => set({ ...split, holdoutPercent: Number(e.target.value) })}
            />
          </StepField>
        </fieldset>
      )}
    </div>
  );
}
