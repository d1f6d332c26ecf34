"use client";

import { useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { FieldError, FormAlert } from "@/components/form-messages";
import { formatUtc } from "@/components/format-time";
import { fieldErrors, type FieldErrors } from "@/components/use-autosave";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/use-toast";
import { policySchema, type WorkspacePolicy } from "@/lib/delivery";
import { PolicyCapsEditor } from "./policy-caps-editor";
import { PolicyTopicsEditor } from "./policy-topics-editor";

type Props = { initial: WorkspacePolicy; saved: boolean; updatedAt: string | null; timeZones: string[] };
type Saved = { policy: WorkspacePolicy; saved: boolean; updatedAt: string | null };

export function PolicyEditor({ initial, saved: initiallySaved, updatedAt: initialUpdatedAt, timeZones }: Props) {
  const [policy, setPolicy] = useState(initial);
  const [stored, setStored] = useState<Saved>({ policy: initial, saved: initiallySaved, updatedAt: initialUpdatedAt });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const q = policy.quietHours;
  const setQuiet = (patch: Partial<WorkspacePolicy["quietHours"]>) =>
    setPolicy((p) => ({ ...p, quietHours: { ...p.quietHours, ...patch } }));
  const dirty = JSON.stringify(policy) !== JSON.stringify(stored.policy);

  async function save() {
    setFormError(undefined);
    const parsed = policySchema.safeParse(policy);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      setFormError("Some fields need fixing before the policy can be saved.");
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const result = await apiFetch<Saved>("/api/delivery/policy", { method: "PUT", body: parsed.data });
      setStored(result);
      setPolicy(result.policy);
      toast({
        title: "Policy saved",
        description: "It applies to the next message every campaign sends.",
        variant: "success",
      });
    } catch (error) {
      if (error instanceof ApiError && error.field) setErrors({ [error.field]: error.message.replace(/^[^:]+: /, "") });
      setFormError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="space-y-6"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Frequency caps</h2>
          </CardTitle>
          <CardDescription>
            Counted over the last N × 24 hours of messages sent to the profile. A message over a cap is skipped with the
            reason “Frequency cap reached”.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <PolicyCapsEditor
            caps={policy.caps}
            errors={errors}
            onChange={(caps) => setPolicy((p) => ({ ...p, caps }))}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Quiet hours</h2>
          </CardTitle>
          <CardDescription>
            In each profile's own timezone (the default below when it has none). A window may cross midnight, e.g.
            21:00–08:00.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4 accent-primary"
              checked={q.enabled}
              onChange={(e) => setQuiet({ enabled: e.target.checked })}
            />
            Keep quiet hours
          </label>
          <div className="flex flex-wrap items-start gap-4">
            <div className="space-y-1.5">
              <Label htmlFor="quiet-start">From</Label>
              <Input
                id="quiet-start"
                type="time"
                className="w-32"
                disabled={!q.enabled}
                aria-invalid={!!errors["quietHours.start"]}
                value={q.start}
                onChange={(e) => setQuiet({ start: e.target.value })}
              />
              <FieldError message={errors["quietHours.start"]} />
            </div>
            <div className="space-y-1.5">
              <Label htmlFor="quiet-end">Until</Label>
              <Input
                id="quiet-end"
                type="time"
                className="w-32"
                disabled={!q.enabled}
                aria-invalid={!!errors["quietHours.end"]}
                value={q.end}
                onChange={(e) => setQuiet({ end: e.target.value })}
              />
              <FieldError message={errors["quietHours.end"]} />
            </div>
            <fieldset className="space-y-1.5" disabled={!q.enabled}>
              <legend className="mb-1.5 text-sm font-medium">A message due in quiet hours is</legend>
              <div className="flex gap-4 text-sm">
                <label className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="quiet-action"
                    className="accent-primary"
                    checked={q.action === "defer"}
                    onChange={() => setQuiet({ action: "defer" })}
                  />
                  deferred until they end
                </label>
                <label className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="quiet-action"
                    className="accent-primary"
                    checked={q.action === "skip"}
                    onChange={() => setQuiet({ action: "skip" })}
                  />
                  skipped
                </label>
              </div>
            </fieldset>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="default-timezone">Default timezone</Label>
            <NativeSelect
              id="default-timezone"
              className="h-9 w-72"
              aria-invalid={!!errors.defaultTimezone}
              value={policy.defaultTimezone}
              onChange={(e) => setPolicy((p) => ({ ...p, defaultTimezone: e.target.value }))}
            >
              {timeZones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </NativeSelect>
            <p className="text-xs text-muted-foreground">
              For profiles whose timezone is unknown; also the local time of “at a time in each profile's timezone”
              sends for them.
            </p>
            <FieldError message={errors.defaultTimezone} />
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Topics</h2>
          </CardTitle>
          <CardDescription>
            What the preference page (the unsubscribe link) offers besides channels. A campaign belongs to at most one
            topic.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <PolicyTopicsEditor
            topics={policy.topics}
            errors={errors}
            onChange={(topics) => setPolicy((p) => ({ ...p, topics }))}
          />
        </CardContent>
      </Card>

      <FormAlert message={formError} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={saving || !dirty}>
          {saving ? "Saving…" : "Save policy"}
        </Button>
        <span className="text-sm text-muted-foreground">
          {dirty
            ? "Unsaved changes."
            : stored.saved && stored.updatedAt
              ? `Saved ${formatUtc(stored.updatedAt)}.`
              : "These are the defaults: nothing saved yet."}
        </span>
      </div>
    </form>
  );
}
