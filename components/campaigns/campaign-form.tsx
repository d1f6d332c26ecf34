"use client";

import { useMutation } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { FieldError, FormAlert } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { CampaignInput, CampaignSchedule } from "@/lib/delivery";
import { TEMPLATE_CHANNELS, CHANNEL_SPECS, type TemplateChannel } from "@/lib/templates";
import { SCHEDULE_KINDS, scheduleFor } from "./schedule-kinds";

export type CampaignFormOptions = {
  segments: { id: string; name: string }[];
  personas: { id: string; name: string; bound: boolean }[];
  templates: { id: string; name: string; channel: string; published: boolean; triggerEvent: string | null }[];
  topics: { key: string; label: string }[];
};

const today = () => new Date().toISOString().slice(0, 10);

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
  const [name, setName] = useState(initial?.name ?? "");
  const [channel, setChannel] = useState<TemplateChannel>((initial?.channel as TemplateChannel) ?? "push");
  const [audience, setAudience] = useState(
    initial ? (initial.audience.kind === "all" ? "all" : `${initial.audience.kind}:${initial.audience.id}`) : "",
  );
  const [templateId, setTemplateId] = useState(initial?.templateId ?? "");
  const [schedule, setSchedule] = useState<CampaignSchedule>(initial?.schedule ?? { kind: "now" });
  const [transactional, setTransactional] = useState(initial?.transactional ?? false);
  const [topic, setTopic] = useState(initial?.topic ?? "");
  const [goalEvent, setGoalEvent] = useState(initial?.goalEvent ?? "purchase");
  const [attributionHours, setAttributionHours] = useState(String(initial?.attributionHours ?? 72));

  // Marks the form interactive once hydrated (tests wait for it before typing).
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const templates = options.templates.filter((t) => t.channel === channel);
  const body = (): CampaignInput => {
    const [kind, id] = audience.split(":");
    return {
      name,
      channel,
      audience: kind === "all" ? { kind: "all" } : ({ kind, id } as CampaignInput["audience"]),
      templateId: templateId || null,
      experimentId: initial?.experimentId ?? null,
      schedule,
      transactional,
      topic: topic || null,
      goalEvent,
      attributionHours: Number(attributionHours),
    };
  };
  const save = useMutation({
    mutationFn: () =>
      campaignId
        ? apiFetch<{ campaign: { id: string } }>(`/api/campaigns/${campaignId}`, { method: "PUT", body: body() })
        : apiFetch<{ campaign: { id: string } }>("/api/campaigns", { method: "POST", body: body() }),
    onSuccess: ({ campaign }) => {
      router.push(`/campaigns/${campaign.id}`);
      router.refresh();
    },
  });
  const error = save.error instanceof ApiError ? save.error : null;
  const fieldError = (...fields: string[]) =>
    error?.field && fields.some((f) => error.field === f || error.field!.startsWith(`${f}.`))
      ? error.message
      : undefined;
  const shownFields = ["name", "channel", "audience", "templateId", "schedule", "goalEvent", "attributionHours"];
  const kind = schedule.kind;

  return (
    <Card className="max-w-3xl">
      <CardContent className="pt-6">
        <form
          className="grid gap-6"
          data-hydrated={hydrated || undefined}
          onSubmit={(e) => (e.preventDefault(), save.mutate())}
        >
          <div className="grid max-w-md gap-1.5">
            <Label htmlFor="campaign-name">Name</Label>
            <Input
              id="campaign-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="Weekend flash sale"
              aria-invalid={Boolean(fieldError("name")) || undefined}
            />
            <FieldError message={fieldError("name")} />
          </div>

          <div className="grid gap-4 sm:grid-cols-2">
            <div className="grid gap-1.5">
              <Label htmlFor="campaign-audience">Audience</Label>
              <NativeSelect
                id="campaign-audience"
                value={audience}
                onChange={(e) => setAudience(e.target.value)}
                aria-invalid={Boolean(fieldError("audience")) || undefined}
              >
                <option value="">Pick who receives it…</option>
                <option value="all">Everyone (mass send)</option>
                {options.personas.length > 0 && (
                  <optgroup label="Personas">
                    {options.personas.map((p) => (
                      <option key={p.id} value={`persona:${p.id}`} disabled={!p.bound}>
                        {p.name}
                        {p.bound ? "" : " (no audience bound)"}
                      </option>
                    ))}
                  </optgroup>
                )}
                {options.segments.length > 0 && (
                  <optgroup label="Segments">
                    {options.segments.map((s) => (
                      <option key={s.id} value={`segment:${s.id}`}>
                        {s.name}
                      </option>
                    ))}
                  </optgroup>
                )}
              </NativeSelect>
              <FieldError message={fieldError("audience")} />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="campaign-channel">Channel</Label>
              <NativeSelect
                id="campaign-channel"
                value={channel}
                onChange={(e) => (setChannel(e.target.value as TemplateChannel), setTemplateId(""))}
              >
                {TEMPLATE_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {CHANNEL_SPECS[c].label}
                  </option>
                ))}
              </NativeSelect>
              <FieldError message={fieldError("channel")} />
            </div>
          </div>

          <div className="grid max-w-md gap-1.5">
            <Label htmlFor="campaign-template">Template</Label>
            <NativeSelect
              id="campaign-template"
              value={templateId}
              onChange={(e) => setTemplateId(e.target.value)}
              aria-invalid={Boolean(fieldError("templateId")) || undefined}
            >
              <option value="">
                {templates.length === 0 ? `No ${CHANNEL_SPECS[channel].label} templates yet` : "Pick a template…"}
              </option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                  {t.published ? "" : " (not published yet)"}
                </option>
              ))}
            </NativeSelect>
            <p className="text-xs text-muted-foreground">
              Campaigns send the published version, pinned at launch; later edits never change a running send.
            </p>
            <FieldError message={fieldError("templateId")} />
          </div>

          <fieldset className="grid gap-3">
            <legend className="mb-1 text-sm font-medium">When</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {SCHEDULE_KINDS.map((s) => (
                <label
                  key={s.kind}
                  className="flex cursor-pointer items-start gap-2 rounded-md border p-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5"
                >
                  <input
                    type="radio"
                    name="schedule"
                    className="mt-0.5 accent-primary"
                    checked={kind === s.kind}
                    onChange={() => setSchedule(scheduleFor(s.kind, today()))}
                  />
                  <span>
                    <span className="font-medium">{s.label}</span>
                    <span className="block text-xs text-muted-foreground">{s.hint}</span>
                  </span>
                </label>
              ))}
            </div>
            <ScheduleFields schedule={schedule} onChange={setSchedule} />
            <FieldError message={fieldError("schedule")} />
          </fieldset>

          <details className="rounded-md border p-3 text-sm">
            <summary className="cursor-pointer font-medium">Policy and conversion</summary>
            <div className="mt-3 grid gap-4 sm:grid-cols-2">
              <label className="flex items-start gap-2 sm:col-span-2">
                <input
                  type="checkbox"
                  className="mt-0.5 accent-primary"
                  checked={transactional}
                  onChange={(e) => setTransactional(e.target.checked)}
                />
                <span>
                  Transactional
                  <span className="block text-xs text-muted-foreground">
                    Receipts and alerts: bypasses frequency caps and quiet hours, never consent.
                  </span>
                </span>
              </label>
              <div className="grid gap-1.5">
                <Label htmlFor="campaign-topic">Topic (preference page)</Label>
                <NativeSelect id="campaign-topic" value={topic} onChange={(e) => setTopic(e.target.value)}>
                  <option value="">No topic</option>
                  {options.topics.map((t) => (
                    <option key={t.key} value={t.key}>
                      {t.label}
                    </option>
                  ))}
                </NativeSelect>
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="campaign-goal">Goal event</Label>
                <Input
                  id="campaign-goal"
                  value={goalEvent}
                  onChange={(e) => setGoalEvent(e.target.value)}
                  aria-invalid={Boolean(fieldError("goalEvent")) || undefined}
                />
                <FieldError message={fieldError("goalEvent")} />
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="campaign-attribution">Attribution window (hours)</Label>
                <Input
                  id="campaign-attribution"
                  inputMode="numeric"
                  value={attributionHours}
                  onChange={(e) => setAttributionHours(e.target.value)}
                  aria-invalid={Boolean(fieldError("attributionHours")) || undefined}
                />
                <FieldError message={fieldError("attributionHours")} />
              </div>
            </div>
          </details>

          {save.error && !fieldError(...shownFields) && <FormAlert message={save.error.message} />}
          <Button type="submit" className="w-fit" disabled={save.isPending}>
            {save.isPending && <Loader2 className="size-4 animate-spin" aria-hidden />}{" "}
            {campaignId ? "Save changes" : "Save draft"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}

function ScheduleFields({
  schedule,
  onChange,
}: {
  schedule: CampaignSchedule;
  onChange: (s: CampaignSchedule) => void;
}) {
  const field = "grid gap-1.5 text-sm";
  switch (schedule.kind) {
    case "now":
      return null;
    case "at":
      return (
        <label className={field}>
          Send at (your local time)
          <Input
            type="datetime-local"
            className="max-w-xs"
            value={toLocalInput(schedule.at)}
            onChange={(e) => onChange({ kind: "at", at: new Date(e.target.value).toISOString() })}
          />
        </label>
      );
    case "local_time":
      return (
        <div className="flex flex-wrap gap-4">
          <label className={field}>
            Date
            <Input
              type="date"
              value={schedule.date}
              onChange={(e) => onChange({ ...schedule, date: e.target.value })}
            />
          </label>
          <label className={field}>
            Time in each profile&apos;s timezone
            <Input
              type="time"
              value={schedule.time}
              onChange={(e) => onChange({ ...schedule, time: e.target.value })}
            />
          </label>
        </div>
      );
    case "best_hour":
      return (
        <div className="flex flex-wrap gap-4">
          <label className={field}>
            Date
            <Input
              type="date"
              value={schedule.date}
              onChange={(e) => onChange({ ...schedule, date: e.target.value })}
            />
          </label>
          <label className={field}>
            When a profile has no active hour yet
            <Input
              type="time"
              value={schedule.fallbackTime}
              onChange={(e) => onChange({ ...schedule, fallbackTime: e.target.value })}
            />
          </label>
        </div>
      );
    case "recurring":
      return (
        <div className="flex flex-wrap items-end gap-4">
          <label className={field}>
            Every
            <NativeSelect
              value={schedule.every}
              onChange={(e) =>
                onChange({
                  ...schedule,
                  every: e.target.value as "day" | "week",
                  weekday: e.target.value === "week" ? (schedule.weekday ?? 1) : undefined,
                })
              }
            >
              <option value="day">day</option>
              <option value="week">week</option>
            </NativeSelect>
          </label>
          {schedule.every === "week" && (
            <label className={field}>
              On
              <NativeSelect
                value={String(schedule.weekday ?? 1)}
                onChange={(e) => onChange({ ...schedule, weekday: Number(e.target.value) })}
              >
                {["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"].map((d, i) => (
                  <option key={d} value={i}>
                    {d}
                  </option>
                ))}
              </NativeSelect>
            </label>
          )}
          <label className={field}>
            At
            <Input
              type="time"
              value={schedule.time}
              onChange={(e) => onChange({ ...schedule, time: e.target.value })}
            />
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="accent-primary"
              checked={schedule.localTime}
              onChange={(e) => onChange({ ...schedule, localTime: e.target.checked })}
            />{" "}
            in each profile&apos;s timezone
          </label>
          <label className={field}>
            Until (optional)
            <Input
              type="date"
              value={schedule.until ?? ""}
              onChange={(e) => onChange({ ...schedule, until: e.target.value || undefined })}
            />
          </label>
        </div>
      );
    case "trigger": {
      const t = schedule.trigger;
      return (
        <div className="flex flex-wrap items-end gap-4">
          <label className={field}>
            Recipe
            <NativeSelect
              value={t.recipe}
              onChange={(e) =>
                onChange({
                  kind: "trigger",
                  trigger:
                    e.target.value === "abandoned_cart"
                      ? { recipe: "abandoned_cart", hours: 4 }
                      : e.target.value === "inactivity"
                        ? { recipe: "inactivity", days: 14 }
                        : { recipe: "event", event: "add_to_cart", delayMinutes: 0 },
                })
              }
            >
              <option value="abandoned_cart">Abandoned cart</option>
              <option value="inactivity">Inactivity</option>
              <option value="event">On an event</option>
            </NativeSelect>
          </label>
          {t.recipe === "abandoned_cart" && (
            <label className={field}>
              Hours without a purchase after add_to_cart
              <Input
                inputMode="numeric"
                className="w-28"
                value={t.hours}
                onChange={(e) => onChange({ kind: "trigger", trigger: { ...t, hours: Number(e.target.value) || 0 } })}
              />
            </label>
          )}
          {t.recipe === "inactivity" && (
            <label className={field}>
              Days without app_open / session_start
              <Input
                inputMode="numeric"
                className="w-28"
                value={t.days}
                onChange={(e) => onChange({ kind: "trigger", trigger: { ...t, days: Number(e.target.value) || 0 } })}
              />
            </label>
          )}
          {t.recipe === "event" && (
            <>
              <label className={field}>
                Event
                <Input
                  value={t.event}
                  onChange={(e) => onChange({ kind: "trigger", trigger: { ...t, event: e.target.value } })}
                />
              </label>
              <label className={field}>
                Delay (minutes)
                <Input
                  inputMode="numeric"
                  className="w-28"
                  value={t.delayMinutes}
                  onChange={(e) =>
                    onChange({ kind: "trigger", trigger: { ...t, delayMinutes: Number(e.target.value) || 0 } })
                  }
                />
              </label>
            </>
          )}
        </div>
      );
    }
  }
}

function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
