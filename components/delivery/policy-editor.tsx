"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type FieldPath } from "react-hook-form";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { FormAlert } from "@/components/form-messages";
import { formatUtc } from "@/components/format-time";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { Form } from "@/components/ui/form";
import { toast } from "@/components/ui/use-toast";
import { policySchema, type WorkspacePolicy } from "@/lib/delivery";
import { PolicyCapsEditor } from "./policy-caps-editor";
import { PolicyQuietHoursSection } from "./policy-quiet-hours-section";
import { PolicyTopicsEditor } from "./policy-topics-editor";

type Props = { initial: WorkspacePolicy; saved: boolean; updatedAt: string | null; timeZones: string[] };
type Saved = { policy: WorkspacePolicy; saved: boolean; updatedAt: string | null };

/** The send policy: caps, quiet hours and topics, validated by the shared policy schema, saved with one button. */
export function PolicyEditor({ initial, saved: initiallySaved, updatedAt: initialUpdatedAt, timeZones }: Props) {
  const [stored, setStored] = useState<Saved>({ policy: initial, saved: initiallySaved, updatedAt: initialUpdatedAt });
  const [formError, setFormError] = useState<string>();
  const form = useForm<WorkspacePolicy>({
    resolver: zodResolver(policySchema),
    mode: "onTouched",
    reValidateMode: "onChange",
    defaultValues: initial,
  });
  const { isDirty, isSubmitting } = form.formState;

  async function save(policy: WorkspacePolicy) {
    setFormError(undefined);
    try {
      const result = await apiFetch<Saved>("/api/delivery/policy", { method: "PUT", body: policy });
      setStored(result);
      form.reset(result.policy);
      toast({
        title: "Policy saved",
        description: "It applies to the next message every campaign sends.",
        variant: "success",
      });
    } catch (error) {
      if (error instanceof ApiError && error.field)
        form.setError(error.field as FieldPath<WorkspacePolicy>, { message: error.message.replace(/^[^:]+: /, "") });
      setFormError(error instanceof Error ? error.message : String(error));
    }
  }
  const notDirty =
    stored.saved && stored.updatedAt
      ? `No changes since it was saved ${formatUtc(stored.updatedAt)}.`
      : "These are the defaults: change a setting to save your own.";

  return (
    <Form {...form}>
      <form
        className="space-y-6"
        noValidate
        onSubmit={form.handleSubmit(save, () =>
          setFormError("Some fields need fixing before the policy can be saved."),
        )}
      >
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Frequency caps</h2>
            </CardTitle>
            <CardDescription>
              Counted over the last N × 24 hours of messages sent to the profile. A message over a cap is skipped with
              the reason “Frequency cap reached”.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <PolicyCapsEditor />
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
          <CardContent>
            <PolicyQuietHoursSection timeZones={timeZones} />
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
            <PolicyTopicsEditor />
          </CardContent>
        </Card>

        <FormAlert message={formError} />
        <div className="flex items-center gap-3">
          <DisabledReason reason={isDirty ? null : notDirty}>
            <Button type="submit" disabled={isSubmitting || !isDirty}>
              {isSubmitting ? "Saving…" : "Save policy"}
            </Button>
          </DisabledReason>
          {isDirty && <span className="text-sm text-muted-foreground">Unsaved changes.</span>}
        </div>
      </form>
    </Form>
  );
}
