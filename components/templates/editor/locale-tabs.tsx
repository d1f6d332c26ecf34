"use client";

import { Check, CornerDownRight, Plus, X } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { CHANNEL_SPECS, completenessMatrix, DEFAULT_LOCALE, canonicalLocale, LOCALE_TAG } from "@/lib/templates";
import type { TemplateContent } from "@/lib/templates";

/** Why a typed tag cannot be added, or null when it can. */
function problem(tag: string, existing: readonly string[]): string | null {
  if (tag === "") return "Type a locale tag, like de or de-AT.";
  if (!LOCALE_TAG.test(tag)) {
    const canonical = canonicalLocale(tag);
    return canonical && LOCALE_TAG.test(canonical)
      ? `Write it as ${canonical}.`
      : `“${tag}” is not a BCP-47 tag: use a language, then optionally a script and region (de, ` +
          `de-AT, zh-Hant-TW, es-419).`;
  }
  if (existing.some((k) => k.toLowerCase() === tag.toLowerCase())) return `${tag} is already there.`;
  return null;
}

/**
 * The locales of a template: a tab each (default first), adding a locale by its BCP-47 tag, and
 * the completeness matrix — per locale and field, defined there or inherited and from where.
 */
export function LocaleTabs({
  content,
  active,
  onActiveChange,
  onAdd,
  onRemove,
  readOnly = false,
}: {
  content: TemplateContent;
  active: string;
  onActiveChange: (locale: string) => void;
  onAdd: (locale: string) => void;
  onRemove: (locale: string) => void;
  /** Reading roles switch between locales but do not add or remove them. */
  readOnly?: boolean;
}) {
  const id = useId();
  const [tag, setTag] = useState("");
  const [error, setError] = useState<string | null>(null);
  const rows = completenessMatrix(content);
  const fields = CHANNEL_SPECS[content.channel].fields;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = tag.trim();
    const why = problem(trimmed, Object.keys(content.locales));
    setError(why);
    if (why) return;
    onAdd(trimmed);
    setTag("");
  };
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <Tabs value={active} onValueChange={onActiveChange}>
          <TabsList aria-label="Locales">
            {rows.map((row) => (
              <TabsTrigger key={row.locale} value={row.locale} switchesView>
                {row.locale === DEFAULT_LOCALE ? "Default" : row.locale}
              </TabsTrigger>
            ))}
          </TabsList>
        </Tabs>
        {!readOnly && active !== DEFAULT_LOCALE && (
          <Button type="button" variant="ghost" size="sm" onClick={() => onRemove(active)}>
            <X /> Remove {active}
          </Button>
        )}
        {!readOnly && (
          <form onSubmit={submit} className="ml-auto flex items-start gap-2" noValidate>
            <div className="space-y-1">
              <Label htmlFor={`${id}-tag`} className="sr-only">
                New locale tag
              </Label>
              <Input
                id={`${id}-tag`}
                value={tag}
                onChange={(e) => {
                  setTag(e.target.value);
                  setError(null);
                }}
                placeholder="de-AT"
                className="h-8 w-32"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
              />
              {error && (
                <p id={`${id}-error`} className="max-w-64 text-xs text-destructive">
                  {error}
                </p>
              )}
            </div>
            <Button type="submit" variant="outline" size="sm">
              <Plus /> Add locale
            </Button>
          </form>
        )}
      </div>
      <Table aria-label="Locale completeness">
        <TableCaption className="mt-2 text-left text-xs">
          A locale defines a field or inherits it from a shorter locale, then default.
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Locale</TableHead>
            {fields.map((f) => (
              <TableHead key={f.name}>{f.label}</TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.locale}>
              <TableHead scope="row" className="font-medium text-foreground">
                {row.locale === DEFAULT_LOCALE ? "Default" : row.locale}
              </TableHead>
              {fields.map((f) => {
                const cell = row.fields[f.name]!;
                return (
                  <TableCell key={f.name} className="text-xs whitespace-nowrap">
                    {cell.defined ? (
                      <span className="inline-flex items-center gap-1 font-medium">
                        <Check className="size-3.5 text-success" aria-hidden /> Defined
                      </span>
                    ) : cell.from ? (
                      <span className="inline-flex items-center gap-1 text-muted-foreground">
                        <CornerDownRight className="size-3.5" aria-hidden /> From{" "}
                        {cell.from === DEFAULT_LOCALE ? "default" : cell.from}
                      </span>
                    ) : (
                      <span className="text-muted-foreground">Not set</span>
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
