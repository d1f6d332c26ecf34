"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { CheckCircle2, CircleAlert } from "lucide-react";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { apiFetch } from "@/components/api-fetch";
import { FormAlert } from "@/components/form-messages";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CardContent } from "@/components/ui/card";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import {
  PROVIDER_FORMS,
  testProviderSchema,
  type ProviderKind,
  type SendResult,
  type TestProviderInput,
} from "@/lib/delivery";
import type { ProviderSettings } from "@/lib/delivery/server";

type TestResult = { kind: string; result: SendResult; elapsedMs: number };

/** One message through the saved provider, to an address typed here; the provider's answer below. */
export function TestSendSection({
  settings: { channel, kind: savedKind, updatedAt },
  unsaved,
}: {
  settings: ProviderSettings;
  unsaved: boolean;
}) {
  // A result is for the settings it went through: a save hides it.
  const [shown, setShown] = useState<(TestResult & { savedAt: string | null }) | null>(null);
  const testResult = shown && shown.savedAt === updatedAt ? shown : null;
  const form = useForm<TestProviderInput>({
    resolver: zodResolver(testProviderSchema),
    mode: "onTouched",
    reValidateMode: "onChange",
    defaultValues: { to: "" },
  });
  const to = useWatch({ control: form.control, name: "to" });
  const test = useMutation({
    mutationFn: (body: TestProviderInput) =>
      apiFetch<TestResult>(`/api/delivery/providers/${channel}/test`, { method: "POST", body }),
    onMutate: () => setShown(null),
    onSuccess: (result) => setShown({ ...result, savedAt: updatedAt }),
  });
  const empty = to.trim() === "";
  // The message at the field says what is missing once the field was left; the reason says it before.
  const testBlocker = unsaved
    ? "Save first: a test goes through the saved settings."
    : empty && !form.getFieldState("to", form.formState).error
      ? "Enter an address to send the test to."
      : null;

  return (
    <CardContent className="space-y-3 border-t pt-4">
      <Form {...form}>
        <form
          noValidate
          className="flex flex-wrap items-end gap-2"
          onSubmit={form.handleSubmit((body) => test.mutate(body))}
        >
          <FormField
            control={form.control}
            name="to"
            render={({ field }) => (
              <FormItem className="min-w-56 flex-1">
                <FormLabel>Send a test to</FormLabel>
                <FormControl>
                  <Input {...field} placeholder={PROVIDER_FORMS[savedKind].addressHint} />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
          <DisabledReason reason={testBlocker}>
            <Button type="submit" variant="outline" disabled={test.isPending || unsaved || empty}>
              {test.isPending ? "Sending…" : "Send test"}
            </Button>
          </DisabledReason>
        </form>
      </Form>
      {test.error && <FormAlert message={test.error.message} />}
      {testResult && <TestResultAlert testResult={testResult} />}
    </CardContent>
  );
}

function TestResultAlert({ testResult }: { testResult: TestResult }) {
  const { result } = testResult;
  return (
    <Alert variant={result.ok ? "default" : "destructive"} role="status">
      {result.ok ? <CheckCircle2 aria-hidden className="text-success" /> : <CircleAlert aria-hidden />}
      <AlertTitle>
        {result.ok
          ? "Accepted by the provider"
          : result.transient
            ? "Failed — would be retried"
            : "Refused — would not be retried"}
      </AlertTitle>
      <AlertDescription>
        {result.ok ? (
          <p>
            {PROVIDER_FORMS[testResult.kind as ProviderKind]?.label ?? testResult.kind} answered in{" "}
            {testResult.elapsedMs.toLocaleString("en")} ms; provider id{" "}
            <code className="font-mono text-xs break-all">{result.providerId}</code>.
          </p>
        ) : (
          <p className="break-words">{result.error}</p>
        )}
      </AlertDescription>
    </Alert>
  );
}
