"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, CircleAlert } from "lucide-react";
import { useId, useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { formatUtc } from "@/components/format-time";
import { FieldError, FormAlert } from "@/components/form-messages";
import { TemplateChannelIcon } from "@/components/templates/template-channel-icon";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/use-toast";
import { KINDS_FOR_CHANNEL, PROVIDER_FORMS, type ProviderField } from "@/lib/delivery";
import type { ProviderSettings } from "@/lib/delivery/server";
import type { ProviderKind, SendResult } from "@/lib/delivery";
import { CHANNEL_SPECS } from "@/lib/templates";
import { SecretField } from "./secret-field";
import { displayValue } from "@/lib/display-value";
import { queryKeys } from "@/components/query-keys";

type Values = Record<string, string | boolean>;

/** The form's values for a kind: the stored config when the kind is the stored one, else the defaults. */
function initialValues(kind: ProviderKind, settings: ProviderSettings): Values {
  const stored = kind === settings.kind ? settings.config : {};
  return Object.fromEntries(
    PROVIDER_FORMS[kind].fields
      .filter((f) => f.type !== "secret")
      .map((f) => {
        const value = stored[f.name] ?? f.defaultValue ?? (f.type === "checkbox" ? false : "");
        return [f.name, typeof value === "boolean" ? value : displayValue(value)];
      }),
  );
}

function configOf(kind: ProviderKind, values: Values) {
  const config: Record<string, unknown> = {};
  for (const f of PROVIDER_FORMS[kind].fields) {
    if (f.type === "secret") continue;
    const v = values[f.name];
    if (f.type === "checkbox") config[f.name] = v === true;
    else if (f.type === "number") {
      // An empty number field is left out, so the schema's default applies; anything else is sent as typed for the
      // server to judge.
      if (v !== "" && v !== undefined) config[f.name] = Number.isNaN(Number(v)) ? v : Number(v);
    } else if (v !== undefined && !(v === "" && f.defaultValue === undefined)) config[f.name] = v;
  }
  return config;
}

export function ProviderCard({ settings }: { settings: ProviderSettings }) {
  const channel = settings.channel;
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ProviderKind>(settings.kind);
  const [values, setValues] = useState<Values>(() => initialValues(settings.kind, settings));
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [testTo, setTestTo] = useState("");
  const [testResult, setTestResult] = useState<{ kind: string; result: SendResult; elapsedMs: number } | null>(null);
  const id = useId();
  const form = PROVIDER_FORMS[kind];
  const channelLabel = CHANNEL_SPECS[channel].label;

  const save = useMutation({
    mutationFn: () =>
      apiFetch<{ provider: ProviderSettings }>(`/api/delivery/providers/${channel}`, {
        method: "PUT",
        body: { kind, config: configOf(kind, values), secrets },
      }),
    onMutate: () => setFieldErrors({}),
    onSuccess: ({ provider }) => {
      setSecrets({});
      setTestResult(null);
      toast({
        title: `${channelLabel} provider saved`,
        description: `${channelLabel} messages now go through ${PROVIDER_FORMS[provider.kind].label}.`,
        variant: "success",
      });
      void queryClient.invalidateQueries({ queryKey: queryKeys.deliveryProviders.all });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.field) {
        // Every field at fault at once (zod's issues), not only the first.
        const issues = Array.isArray(error.details.issues)
          ? (error.details.issues as { field: string; message: string }[])
          : [{ field: error.field, message: error.message.replace(/^[\w.]+: /, "") }];
        const errors: Record<string, string> = {};
        for (const issue of issues) errors[issue.field.replace(/^(config|secrets)\./, "")] ??= issue.message;
        setFieldErrors(errors);
      }
    },
  });
  const test = useMutation({
    mutationFn: () =>
      apiFetch<{ kind: string; result: SendResult; elapsedMs: number }>(`/api/delivery/providers/${channel}/test`, {
        method: "POST",
        body: { to: testTo },
      }),
    onMutate: () => setTestResult(null),
    onSuccess: setTestResult,
  });

  const dirty =
    kind !== settings.kind ||
    JSON.stringify(values) !== JSON.stringify(initialValues(settings.kind, settings)) ||
    Object.values(secrets).some((s) => s !== "");
  const formError =
    save.error && !(save.error instanceof ApiError && save.error.field && save.error.field !== "kind")
      ? save.error.message
      : undefined;

  const testBlocker = dirty
    ? "Save first: a test goes through the saved settings."
    : testTo.trim() === ""
      ? "Enter an address to send the test to."
      : null;

  function changeKind(next: ProviderKind) {
    setKind(next);
    setValues(initialValues(next, settings));
    setSecrets({});
    setFieldErrors({});
  }

  const input = (f: ProviderField) => {
    const fieldId = `${id}-${f.name}`;
    const error = fieldErrors[f.name];
    if (f.type === "secret") {
      return (
        <SecretField
          key={f.name}
          id={fieldId}
          label={f.label}
          help={f.help}
          isSet={kind === settings.kind && settings.secretsSet[f.name] === true}
          value={secrets[f.name] ?? ""}
          onChange={(v) => setSecrets((s) => ({ ...s, [f.name]: v }))}
          error={error}
        />
      );
    }
    if (f.type === "checkbox") {
      return (
        <div key={f.name} className="flex items-start gap-2 sm:col-span-2">
          <input
            id={fieldId}
            type="checkbox"
            className="mt-1 size-4 accent-primary"
            checked={values[f.name] === true}
            onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.checked }))}
          />
          <div>
            <Label htmlFor={fieldId}>{f.label}</Label>
            {f.help && <p className="text-xs text-muted-foreground">{f.help}</p>}
          </div>
        </div>
      );
    }
    return (
      <div key={f.name} className="space-y-1.5">
        <Label htmlFor={fieldId}>{f.label}</Label>
        {f.type === "select" ? (
          <NativeSelect
            id={fieldId}
            className="w-full"
            value={String(values[f.name] ?? "")}
            onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
          >
            {f.options!.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </NativeSelect>
        ) : (
          <Input
            id={fieldId}
            type={f.type === "number" ? "number" : f.type === "email" ? "email" : f.type === "url" ? "url" : "text"}
            inputMode={f.type === "number" ? "numeric" : undefined}
            placeholder={f.placeholder}
            value={String(values[f.name] ?? "")}
            aria-invalid={!!error}
            aria-describedby={f.help ? `${fieldId}-help` : undefined}
            onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
          />
        )}
        {f.help && (
          <p id={`${fieldId}-help`} className="text-xs text-muted-foreground">
            {f.help}
          </p>
        )}
        <FieldError message={error} />
      </div>
    );
  };

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
            <CardDescription>{form.description}</CardDescription>
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
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <CardContent className="space-y-4">
          {settings.secretsUnreadable && (
            <Alert variant="warning">
              <CircleAlert aria-hidden />
              <AlertTitle>The stored secrets no longer decrypt</AlertTitle>
              <AlertDescription>The app key changed since they were saved. Enter them again and save.</AlertDescription>
            </Alert>
          )}
          <FormAlert message={formError} />
          <div className="space-y-1.5">
            <Label htmlFor={`${id}-kind`}>Provider</Label>
            <NativeSelect
              id={`${id}-kind`}
              className="w-full"
              value={kind}
              onChange={(e) => changeKind(e.target.value as ProviderKind)}
              aria-invalid={!!fieldErrors.kind}
            >
              {KINDS_FOR_CHANNEL[channel].map((k) => (
                <option key={k} value={k}>
                  {PROVIDER_FORMS[k].label}
                </option>
              ))}
            </NativeSelect>
            <FieldError message={fieldErrors.kind} />
          </div>
          {form.fields.length > 0 && <div className="grid gap-4 sm:grid-cols-2">{form.fields.map(input)}</div>}
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
      <CardContent className="space-y-3 border-t pt-4">
        <form
          noValidate
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            test.mutate();
          }}
        >
          <div className="min-w-56 flex-1 space-y-1.5">
            <Label htmlFor={`${id}-test-to`}>Send a test to</Label>
            <Input
              id={`${id}-test-to`}
              placeholder={PROVIDER_FORMS[settings.kind].addressHint}
              value={testTo}
              onChange={(e) => setTestTo(e.target.value)}
            />
          </div>
          <DisabledReason reason={testBlocker}>
            <Button type="submit" variant="outline" disabled={test.isPending || testBlocker !== null}>
              {test.isPending ? "Sending…" : "Send test"}
            </Button>
          </DisabledReason>
        </form>
        {test.error && <FormAlert message={test.error.message} />}
        {testResult && (
          <Alert variant={testResult.result.ok ? "default" : "destructive"} role="status">
            {testResult.result.ok ? <CheckCircle2 aria-hidden className="text-success" /> : <CircleAlert aria-hidden />}
            <AlertTitle>
              {testResult.result.ok
                ? "Accepted by the provider"
                : testResult.result.transient
                  ? "Failed — would be retried"
                  : "Refused — would not be retried"}
            </AlertTitle>
            <AlertDescription>
              {testResult.result.ok ? (
                <p>
                  {PROVIDER_FORMS[testResult.kind as ProviderKind]?.label ?? testResult.kind} answered in{" "}
                  {testResult.elapsedMs.toLocaleString("en")} ms; provider id{" "}
                  <code className="font-mono text-xs break-all">{testResult.result.providerId}</code>.
                </p>
              ) : (
                <p className="break-words">{testResult.result.error}</p>
              )}
            </AlertDescription>
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
