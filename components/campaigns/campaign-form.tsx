"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useForm, type FieldPath } from "react-hook-form";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { FormAlert } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { campaignInputSchema, type CampaignInput } from "@/lib/delivery";
import { BasicsSection } from "./editor/basics-section";
import { PolicySection } from "./editor/policy-section";
import { ScheduleSection } from "./editor/schedule-section";
import type { CampaignFormOptions, CampaignFormValues } from "./editor/types";

export type { CampaignFormOptions } from "./editor/types";

/** Fields the form shows: a server error about one of them goes to the field, any other above the button. */
const FIELDS = ["name", "channel", "audience", "templateId", "schedule", "topic", "goalEvent", "attributionHours"];

/** The campaign definition: audience, channel and template, schedule, policy options. Creates a draft or saves one. */
export function CampaignForm({
  options,
  campaignId,
  initial,
}: {
  options: CampaignFormOptions;
  campaignId?: string;
  initial?: CampaignInput;
}) {
  const router = useRouter();
  const form = useForm<CampaignFormValues, unknown, CampaignInput>({
    resolver: zodResolver(campaignInputSchema),
    mode: "onTouched",
    reValidateMode: "onChange",
    defaultValues: initial ?? {
      name: "",
      channel: "push",
      audience: undefined,
      templateId: null,
      experimentId: null,
      schedule: { kind: "now" },
      transactional: false,
      topic: null,
      goalEvent: "purchase",
      attributionHours: 72,
    },
  });
  const save = useMutation({
    mutationFn: (body: CampaignInput) =>
      campaignId
        ? apiFetch<{ campaign: { id: string } }>(`/api/campaigns/${campaignId}`, { method: "PUT", body })
        : apiFetch<{ campaign: { id: string } }>("/api/campaigns", { method: "POST", body }),
    onSuccess: ({ campaign }) => {
      router.push(`/campaigns/${campaign.id}`);
      router.refresh();
    },
    onError: (error) => {
      const field = error instanceof ApiError ? error.field : undefined;
      if (field && FIELDS.includes(field.split(".")[0]!)) {
        form.setError(field as FieldPath<CampaignFormValues>, { message: error.message }, { shouldFocus: true });
      }
    },
  });
  const fieldError = save.error instanceof ApiError && FIELDS.includes(save.error.field?.split(".")[0] ?? "");

  return (
    <Card className="max-w-3xl">
      <CardContent className="pt-6">
        <Form {...form}>
          <form className="grid gap-6" noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))}>
            <BasicsSection options={options} />
            <ScheduleSection />
            <PolicySection options={options} />
            {save.error && !fieldError && <FormAlert message={save.error.message} />}
            <Button type="submit" className="w-fit" disabled={save.isPending}>
              {save.isPending && <Loader2 className="size-4 animate-spin" aria-hidden />}{" "}
              {save.isPending ? "Saving…" : campaignId ? "Save changes" : "Save draft"}
            </Button>
          </form>
        </Form>
      </CardContent>
    </Card>
  );
}
