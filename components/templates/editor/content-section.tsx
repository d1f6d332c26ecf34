"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { FormAlert } from "@/components/form-messages";
import { Card, CardContent } from "@/components/ui/card";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { FieldErrors } from "@/components/use-autosave";
import { CHANNEL_SPECS, DEFAULT_LOCALE, resolveLocale, type EmailBody, type Finding } from "@/lib/templates";
import { ChannelFields } from "./channel-fields";
import { EDIT, type TemplateDraft } from "./draft-form";
import { EmailBlocksEditor } from "./email-blocks-editor";
import { LocaleTabs } from "./locale-tabs";

type Locales = Record<string, Record<string, unknown>>;

/**
 * The template's name, its trigger event and its content per locale, drawn from the channel's spec. A field's
 * message is at the field; one about another locale's field is listed below (at most three).
 */
export function ContentSection({
  canEdit,
  events,
  locale,
  onLocaleChange,
  findings,
  rendered,
  errors,
}: {
  canEdit: boolean;
  events: readonly string[];
  locale: string;
  onLocaleChange: (locale: string) => void;
  /** The active locale's findings. */
  findings: readonly Finding[];
  /** The active locale's fields as the preview rendered them. */
  rendered?: Record<string, unknown>;
  /** What autosave holds back, by path. */
  errors: FieldErrors;
}) {
  const form = useFormContext<TemplateDraft>();
  const content = useWatch({ control: form.control, name: "content" });
  const triggerEvent = useWatch({ control: form.control, name: "triggerEvent" });
  const spec = CHANNEL_SPECS[content.channel];
  const locales = content.locales as Locales;
  const resolved = resolveLocale(content, locale === DEFAULT_LOCALE ? null : locale);
  const setLocales = (update: (locales: Locales) => Locales) =>
    form.setValue("content.locales", update({ ...locales }) as TemplateDraft["content"]["locales"], EDIT);
  const setField = (name: string, value: unknown) =>
    setLocales((all) => {
      const next = { ...all[locale] };
      if (value === undefined) delete next[name];
      else next[name] = value;
      return { ...all, [locale]: next };
    });
  const here = `content.locales.${locale}.`;
  const elsewhere = Object.entries(errors).filter(([path]) => path.startsWith("content.") && !path.startsWith(here));

  return (
    <Card>
      <CardContent className="space-y-5 pt-6">
        <FormField
          control={form.control}
          name="name"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Template name</FormLabel>
              <FormControl>
                <Input {...field} readOnly={!canEdit} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="triggerEvent"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Sent on an event</FormLabel>
              <FormControl>
                <NativeSelect
                  {...field}
                  className="max-w-sm"
                  disabled={!canEdit}
                  value={field.value ?? ""}
                  onChange={(e) => field.onChange(e.target.value || null)}
                >
                  <option value="">No — scheduled or one-off sends</option>
                  {[...new Set([...(triggerEvent ? [triggerEvent] : []), ...events])].map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </NativeSelect>
              </FormControl>
              <FormDescription>
                {triggerEvent
                  ? `Copy may use the event's properties as {{ event.<property> }}; previews use each profile's ` +
                    `latest ${triggerEvent}.`
                  : "Choose the event for triggered messages (abandoned cart, inactivity) to use its properties " +
                    "in copy."}
              </FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <LocaleTabs
          content={content}
          active={locale}
          onActiveChange={onLocaleChange}
          readOnly={!canEdit}
          onAdd={(tag) => {
            setLocales((all) => ({ ...all, [tag]: {} }));
            onLocaleChange(tag);
          }}
          onRemove={(tag) => {
            setLocales(({ [tag]: _removed, ...rest }) => rest);
            onLocaleChange(DEFAULT_LOCALE);
          }}
        />
        {/* A native fieldset disables every control inside for roles that only read. */}
        <fieldset disabled={!canEdit} className="min-w-0">
          <ChannelFields
            key={locale}
            spec={spec}
            idPrefix={`${content.channel}-${locale}`}
            formPath={`content.locales.${locale}`}
            values={locales[locale] ?? {}}
            onChange={setField}
            findings={findings}
            surfaces={resolved.channel === "in_app" ? [resolved.content.layout] : undefined}
            inherited={locale === DEFAULT_LOCALE ? undefined : { content: resolved.content, from: resolved.from }}
            rendered={rendered}
            renderBody={(value, onChange) => (
              <EmailBlocksEditor idPrefix={`email-${locale}-body`} value={value as EmailBody} onChange={onChange} />
            )}
          />
        </fieldset>
        {elsewhere.slice(0, 3).map(([path, message]) => (
          <FormAlert key={path} message={`${path.replace(/^content\.locales\./, "")}: ${message}`} />
        ))}
      </CardContent>
    </Card>
  );
}
