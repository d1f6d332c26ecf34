"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CircleAlert } from "lucide-react";
import { useId, useState } from "react";
import { useForm, useWatch, type FieldPath } from "react-hook-form";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { formatUtc } from "@/components/format-time";
import { FormAlert } from "@/components/form-messages";
import { queryKeys } from "@/components/query-keys";
import { TemplateChannelIcon } from "@/components/templates/template-channel-icon";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/use-toast";
import { KINDS_FOR_CHANNEL, PROVIDER_FORMS, type ProviderKind } from "@/lib/delivery";
import type { ProviderSettings } from "@/lib/delivery/server";
import { CHANNEL_SPECS } from "@/lib/templates";
import { ConfigFields } from "./provider/config-fields";
import {
  blankSecrets,
  configValues,
  formValuesOf,
  isChanged,
  providerResolver,
  saveBody,
  type ProviderFormValues,
} from "./provider/form-values";
import { TestSendSection } from "./provider/test-send-section";

type Issue = { field: string; message: string };

/** One channel's provider: its kind and settings, validated by the shared save schema, and a test send. */
export function ProviderCard({ settings }: { settings: ProviderSettings }) {
  const channel = settings.channel;
  const queryClient = useQueryClient();
  const id = useId();
  const channelLabel = CHANNEL_SPECS[channel].label;
  const [saved, setSaved] = useState(() => formValuesOf(settings.kind, settings));
  const form = useForm<ProviderFormValues>({
    resolver: providerResolver,
    mode: "onTouched",
    reValidateMode: "onChange",
    defaultValues: saved,
  });
  const values = useWatch({ control: form.control }) as ProviderFormValues;
  const kind = values.kind;

  const save = useMutation({
    mutationFn: (values: ProviderFormValues) =>
      apiFetch<{ provider: ProviderSettings }>(`/api/delivery/providers/${channel}`, {
        method: "PUT",
        body: saveBody(values),
      }),
    onSuccess: ({ provider }) => {
      const next = formValuesOf(provider.kind, provider);
      setSaved(next);
      form.reset(next);
      toast({
        title: `${channelLabel} provider saved`,
        description: `${channelLabel} messages now go through ${PROVIDER_FORMS[provider.kind].label}.`,
        variant: "success",
      });
      void queryClient.invalidateQueries({ queryKey: queryKeys.deliveryProviders.all });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.field) {
        // Every field at fault at once (zod's issues), not only the first, each at its field.
        const issues = Array.isArray(error.details.issues)
          ? (error.details.issues as Issue[])
          : [{ field: error.field, message: error.message.replace(/^[\w.]+: /, "") }];
        for (const issue of issues) {
          const name = issue.field as FieldPath<ProviderFormValues>;
          if (!form.getFieldState(name).error) form.setError(name, { message: issue.message });
        }
      }
    },
  });

  const dirty = isChanged(values, saved);
  const formError =
    save.error && !(save.error instanceof ApiError && save.error.field && save.error.field !== "kind")
      ? save.error.message
      : undefined;

  function changeKind(next: ProviderKind) {
    form.clearErrors();
    form.setValue("config", configValues(next, settings));
    form.setValue("secrets", blankSecrets(next));
    form.setValue("kind", next);
  }

  return (
    <Card role="region" aria-labelledby={`${id}-title`}>
      <CardHeader>
        <div className="flex items-start justify-between gap-3">
          <div className="space-y-1">
            <CardTitle id={`${id}-title`} className="flex items-center gap-2">
              <span aria-hidden>
                <TemplateChannelIcon channel={channel} />
              </span>
              {channelLabel}
            </CardTitle>
            <CardDescription>{PROVIDER_FORMS[kind].description}</CardDescription>
          </div>
          {settings.configured ? (
            <Badge variant={settings.kind === "sandbox" ? "secondary" : "success"}>
              {PROVIDER_FORMS[settings.kind].label}
            </Badge>
          ) : (
            <Badge variant="outline">Sandbox (default)</Badge>
          )}
        </div>
      </CardHeader>
      <Form {...form}>
        <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))}>
          <CardContent className="space-y-4">
            {settings.secretsUnreadable && (
              <Alert variant="warning">
                <CircleAlert aria-hidden />
                <AlertTitle>The stored secrets no longer decrypt</AlertTitle>
                <AlertDescription>
                  The app key changed since they were saved. Enter them again and save.
                </AlertDescription>
              </Alert>
            )}
            <FormAlert message={formError} />
            <FormField
              control={form.control}
              name="kind"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Provider</FormLabel>
                  <FormControl>
                    <NativeSelect
                      {...field}
                      className="w-full"
                      onChange={(e) => changeKind(e.target.value as ProviderKind)}
                    >
                      {KINDS_FOR_CHANNEL[channel].map((k) => (
                        <option key={k} value={k}>
                          {PROVIDER_FORMS[k].label}
                        </option>
                      ))}
                    </NativeSelect>
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <ConfigFields
              key={kind}
              fields={PROVIDER_FORMS[kind].fields}
              isSet={(name) => kind === settings.kind && settings.secretsSet[name] === true}
            />
          </CardContent>
          <CardFooter className="flex flex-wrap items-center justify-between gap-3 border-t pt-4">
            <p className="text-xs text-muted-foreground">
              {settings.updatedAt
                ? `Saved ${formatUtc(settings.updatedAt)}`
                : "Not saved yet: messages go to the sandbox outbox."}
            </p>
            <DisabledReason reason={dirty || save.isPending ? null : "No changes to save."}>
              <Button type="submit" disabled={save.isPending || !dirty}>
                {save.isPending
                  ? "Saving…"
                  : `Save ${/^[A-Z]+$/.test(channelLabel) ? channelLabel : channelLabel.toLowerCase()} provider`}
              </Button>
            </DisabledReason>
          </CardFooter>
        </form>
      </Form>
      <TestSendSection settings={settings} unsaved={dirty} />
    </Card>
  );
}
