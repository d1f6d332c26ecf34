"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { CampaignAudience } from "@/lib/delivery";
import { CHANNEL_SPECS, TEMPLATE_CHANNELS, type TemplateChannel } from "@/lib/templates";
import type { CampaignFormOptions, CampaignFormValues } from "./types";

const audienceValue = (audience: CampaignAudience | undefined) =>
  !audience ? "" : audience.kind === "all" ? "all" : `${audience.kind}:${audience.id}`;

function audienceFrom(value: string): CampaignAudience | undefined {
  if (value === "all") return { kind: "all" };
  const [kind, id] = value.split(":");
  return kind === "segment" || kind === "persona" ? { kind, id: id ?? "" } : undefined;
}

/** Name, audience, channel and template. */
export function BasicsSection({ options }: { options: CampaignFormOptions }) {
  const form = useFormContext<CampaignFormValues>();
  const channel: TemplateChannel = useWatch({ control: form.control, name: "channel" });
  const templates = options.templates.filter((t) => t.channel === channel);
  return (
    <>
      <FormField
        control={form.control}
        name="name"
        render={({ field }) => (
          <FormItem className="max-w-md">
            <FormLabel>Name</FormLabel>
            <FormControl>
              <Input placeholder="Weekend flash sale" {...field} />
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          control={form.control}
          name="audience"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Audience</FormLabel>
              <FormControl>
                <NativeSelect
                  value={audienceValue(field.value)}
                  onChange={(e) => field.onChange(audienceFrom(e.target.value))}
                  onBlur={field.onBlur}
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
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="channel"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Channel</FormLabel>
              <FormControl>
                <NativeSelect
                  value={field.value}
                  onBlur={field.onBlur}
                  onChange={(e) => {
                    field.onChange(e.target.value);
                    form.setValue("templateId", null);
                  }}
                >
                  {TEMPLATE_CHANNELS.map((c) => (
                    <option key={c} value={c}>
                      {CHANNEL_SPECS[c].label}
                    </option>
                  ))}
                </NativeSelect>
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
      </div>
      <FormField
        control={form.control}
        name="templateId"
        render={({ field }) => (
          <FormItem className="max-w-md">
            <FormLabel>Template</FormLabel>
            <FormControl>
              <NativeSelect
                value={field.value ?? ""}
                onChange={(e) => field.onChange(e.target.value || null)}
                onBlur={field.onBlur}
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
            </FormControl>
            <FormDescription>
              Campaigns send the published version, pinned at launch; later edits never change a running send.
            </FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
    </>
  );
}
