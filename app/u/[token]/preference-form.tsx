"use client";

import { useState } from "react";
import { FormAlert } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Separator } from "@/components/ui/separator";
import type { Preferences } from "@/lib/delivery/server";
import type { PreferencesInput } from "@/lib/delivery";

type Props = { token: string; initial: Preferences };

const choicesOf = (p: Preferences) => ({
  consent: Object.fromEntries(p.channels.map((c) => [c.channel, c.subscribed])),
  topics: Object.fromEntries(p.topics.map((t) => [t.key, t.subscribed])),
});

export function PreferenceForm({ token, initial }: Props) {
  const [saved, setSaved] = useState(initial);
  const [choices, setChoices] = useState(() => choicesOf(initial));
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" | "error"; message?: string }>({
    kind: "idle",
  });

  async function submit(body: PreferencesInput) {
    setStatus({ kind: "saving" });
    try {
      const response = await fetch(`/u/${token}/preferences`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const payload = (await response.json().catch(() => null)) as {
        preferences: Preferences;
        error?: { message?: string };
      } | null;
      if (!response.ok || !payload)
        throw new Error(payload?.error?.message ?? "Your choices could not be saved. Please try again.");
      setSaved(payload.preferences);
      setChoices(choicesOf(payload.preferences));
      setStatus({
        kind: "saved",
        message:
          "unsubscribeAll" in body ? "You are unsubscribed from everything." : "Saved. Your choices apply from now on.",
      });
    } catch (error) {
      setStatus({ kind: "error", message: error instanceof Error ? error.message : String(error) });
    }
  }

  const dirty = JSON.stringify(choices) !== JSON.stringify(choicesOf(saved));
  const saving = status.kind === "saving";
  return (
    <Card>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit({ consent: choices.consent, topics: choices.topics });
        }}
      >
        <CardHeader>
          <CardTitle>
            <h1 className="text-xl">Message preferences</h1>
          </CardTitle>
          <CardDescription>
            What {saved.workspaceName} may send you
            {saved.recipient ? (
              <>
                {" "}
                at <span className="font-medium text-foreground">{saved.recipient}</span>
              </>
            ) : null}
            . Changes apply at once.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-5">
          <fieldset className="space-y-2">
            <legend className="mb-2 text-sm font-semibold">Channels</legend>
            {saved.channels.map((c) => (
              <label key={c.channel} className="flex items-center gap-3 rounded-md border px-3 py-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4 accent-primary"
                  checked={choices.consent[c.channel] ?? false}
                  onChange={(e) =>
                    setChoices((s) => ({ ...s, consent: { ...s.consent, [c.channel]: e.target.checked } }))
                  }
                />
                <span className="flex-1">{c.label}</span>
                <span className="text-xs text-muted-foreground">{choices.consent[c.channel] ? "on" : "off"}</span>
              </label>
            ))}
          </fieldset>
          {saved.topics.length > 0 ? (
            <>
              <Separator />
              <fieldset className="space-y-2">
                <legend className="mb-2 text-sm font-semibold">Topics</legend>
                {saved.topics.map((t) => (
                  <label key={t.key} className="flex items-center gap-3 rounded-md border px-3 py-2 text-sm">
                    <input
                      type="checkbox"
                      className="size-4 accent-primary"
                      checked={choices.topics[t.key] ?? true}
                      onChange={(e) =>
                        setChoices((s) => ({ ...s, topics: { ...s.topics, [t.key]: e.target.checked } }))
                      }
                    />
                    <span className="flex-1">{t.label}</span>
                    <span className="text-xs text-muted-foreground">{choices.topics[t.key] ? "on" : "off"}</span>
                  </label>
                ))}
              </fieldset>
            </>
          ) : null}
          <FormAlert message={status.kind === "error" ? status.message : undefined} />
          <p role="status" aria-live="polite" className="min-h-5 text-sm text-success">
            {status.kind === "saved" ? status.message : ""}
          </p>
        </CardContent>
        <CardFooter className="flex-wrap justify-between">
          <Button
            type="button"
            variant="outline"
            disabled={saving}
            onClick={() => void submit({ unsubscribeAll: true })}
          >
            Unsubscribe from all
          </Button>
          <Button type="submit" disabled={saving || !dirty}>
            {saving ? "Saving…" : "Save preferences"}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
