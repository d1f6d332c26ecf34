"use client";

import { Plus, Trash2 } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormFieldScope, FormItem, FormMessage } from "@/components/ui/form";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { ChannelSpec, FieldSpec, Surface, Finding } from "@/lib/templates";
import { fieldLabel } from "../field-label";
import { FindingItem } from "../finding-item";
import { FieldCounter } from "./field-counter";
import { TextField } from "./text-field";
import { displayValue } from "@/lib/display-value";

type Values = Record<string, unknown>;
type Item = Record<string, string>;

const VARIANTS = { text: "line", url: "url", textarea: "multiline", json: "code", mjml: "code" } as const;

function FindingList({ findings, spec }: { findings: readonly Finding[]; spec: ChannelSpec }) {
  if (findings.length === 0) return null;
  return (
    <ul className="space-y-1">
      {findings.map((f, i) => (
        <FindingItem
          key={`${f.code}-${i}`}
          finding={f}
          field={f.field?.includes(".") ? fieldLabel(spec, f.field) : undefined}
        />
      ))}
    </ul>
  );
}

/** A field of the form with its message under it (the schema's, once the field was edited); without a path, as is. */
function FieldItem({ name, children }: { name?: string; children: ReactNode }) {
  if (!name) return children;
  return (
    <FormFieldScope name={name}>
      <FormItem>
        {children}
        <FormMessage />
      </FormItem>
    </FormFieldScope>
  );
}

/**
 * One locale's form for a channel, drawn from its spec: a control per field kind, a counter
 * against the spec's limits and the lint findings under each field. In a locale other than
 * default a field it does not define shows where it is inherited from and can be overridden;
 * one it defines can go back to inheriting (`onChange(name, undefined)`).
 */
export function ChannelFields({
  spec,
  idPrefix,
  formPath,
  values,
  onChange,
  findings,
  surfaces,
  inherited,
  rendered,
  renderBody,
}: {
  spec: ChannelSpec;
  /** Keeps ids unique when several forms are on a page (one per locale). */
  idPrefix: string;
  /** Where this locale's fields are in the form ("content.locales.de"): each field's message is shown under it. */
  formPath?: string;
  /** What this locale itself defines. */
  values: Values;
  onChange: (name: string, value: unknown) => void;
  /** This locale's findings. */
  findings: readonly Finding[];
  /** Only these surfaces' visible lengths count (in-app: the chosen layout). */
  surfaces?: readonly Surface[];
  /** For a locale other than default: each field's value as inherited and the locale it comes from. */
  inherited?: { content: Values; from: Record<string, string> };
  /** This locale's fields as the preview rendered them: counters count those where a field has Liquid. */
  rendered?: Record<string, unknown>;
  /** The e-mail body editor, for `email_body` fields. */
  renderBody?: (value: unknown, onChange: (value: unknown) => void) => ReactNode;
}) {
  const renderField = (field: FieldSpec) => {
    const id = `${idPrefix}-${field.name}`;
    const own = findings.filter((f) => f.field === field.name || f.field?.startsWith(`${field.name}.`));
    const value = values[field.name];
    if (inherited && value === undefined) {
      const from = inherited.from[field.name];
      const source = inherited.content[field.name];
      return (
        <div key={field.name} className="rounded-md border border-dashed p-3">
          <div className="flex items-center justify-between gap-2">
            <span className="text-sm font-medium">{field.label}</span>
            <Button
              type="button"
              variant="outline"
              size="sm"
              disabled={source === undefined}
              onClick={() => onChange(field.name, structuredClone(source))}
              aria-label={`Override ${field.label}`}
            >
              Override
            </Button>
          </div>
          <p className="mt-1 line-clamp-2 text-xs text-muted-foreground">
            {from ? `Inherited from ${from}` : "Not set in any locale"}
            {typeof source === "string" && source !== "" && <>: “{source}”</>}
          </p>
        </div>
      );
    }
    const reset = inherited && (
      <Button
        type="button"
        variant="link"
        size="sm"
        className="h-auto px-0"
        onClick={() => onChange(field.name, undefined)}
        aria-label={`Use inherited ${field.label}`}
      >
        Use inherited
      </Button>
    );
    const set = (v: unknown) => onChange(field.name, v);
    if (field.kind === "email_body") {
      return (
        <fieldset key={field.name} className="space-y-2">
          <div className="flex items-center justify-between">
            <legend className="text-sm font-medium">{field.label}</legend>
            {reset}
          </div>
          {renderBody?.(value, set)}
          <FindingList findings={own} spec={spec} />
        </fieldset>
      );
    }
    if (field.kind === "choice") {
      return (
        <div key={field.name} className="space-y-1.5">
          <div className="flex items-center justify-between">
            <Label htmlFor={id}>{field.label}</Label>
            {reset}
          </div>
          <NativeSelect id={id} value={displayValue(value)} onChange={(e) => set(e.target.value)} className="w-48">
            {field.options?.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </NativeSelect>
          <FindingList findings={own} spec={spec} />
        </div>
      );
    }
    if (field.kind === "list") {
      return (
        <ListField
          key={field.name}
          id={id}
          spec={spec}
          field={field}
          items={(value as Item[] | undefined) ?? []}
          onChange={set}
          findings={own}
          reset={reset}
        />
      );
    }
    const text = typeof value === "string" ? value : "";
    return (
      <TextField
        key={field.name}
        id={id}
        label={field.required ? field.label : `${field.label} (optional)`}
        value={text}
        onChange={set}
        variant={VARIANTS[field.kind]}
        invalid={own.some((f) => f.severity === "error")}
        action={reset}
        description={
          <>
            <FieldCounter
              id={`${id}-count`}
              value={text}
              spec={field}
              surfaces={surfaces}
              rendered={typeof rendered?.[field.name] === "string" ? (rendered[field.name] as string) : undefined}
            />
            <FindingList findings={own} spec={spec} />
          </>
        }
      />
    );
  };
  return (
    <div className="space-y-5">
      {spec.fields.map((field) => (
        <FieldItem key={field.name} name={formPath && `${formPath}.${field.name}`}>
          {renderField(field)}
        </FieldItem>
      ))}
    </div>
  );
}

/** Buttons and actions: label + URL rows, as many as the spec allows. */
function ListField({
  id,
  spec,
  field,
  items,
  onChange,
  findings,
  reset,
}: {
  id: string;
  spec: ChannelSpec;
  field: FieldSpec;
  items: Item[];
  onChange: (items: Item[]) => void;
  findings: readonly Finding[];
  reset: ReactNode;
}) {
  const max = field.maxItems;
  const blank = (): Item => Object.fromEntries((field.items ?? []).map((f) => [f.name, ""]));
  const update = (index: number, name: string, v: string) =>
    onChange(items.map((item, i) => (i === index ? { ...item, [name]: v } : item)));
  return (
    <fieldset className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <legend className="text-sm font-medium">
          {field.label}{" "}
          <span className="font-normal text-muted-foreground">
            ({items.length}
            {max !== undefined ? ` of at most ${max}` : ""})
          </span>
        </legend>
        {reset}
      </div>
      {items.map((item, index) => (
        <div key={index} className="grid gap-3 rounded-md border p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
          {(field.items ?? []).map((itemSpec) => {
            const path = `${field.name}.${index}.${itemSpec.name}`;
            const text = item[itemSpec.name] ?? "";
            return (
              <TextField
                key={itemSpec.name}
                id={`${id}-${index}-${itemSpec.name}`}
                label={`${itemSpec.label} ${index + 1}`}
                value={text}
                onChange={(v) => update(index, itemSpec.name, v)}
                variant={VARIANTS[itemSpec.kind as keyof typeof VARIANTS] ?? "line"}
                invalid={findings.some((f) => f.field === path && f.severity === "error")}
                description={<FieldCounter id={`${id}-${index}-${itemSpec.name}-count`} value={text} spec={itemSpec} />}
              />
            );
          })}
          <Button
            type="button"
            variant="ghost"
            size="icon"
            className="sm:mt-6"
            aria-label={`Remove ${field.label.toLowerCase()} ${index + 1}`}
            onClick={() => onChange(items.filter((_, i) => i !== index))}
          >
            <Trash2 />
          </Button>
        </div>
      ))}
      <Button
        type="button"
        variant="outline"
        size="sm"
        disabled={max !== undefined && items.length >= max}
        onClick={() => onChange([...items, blank()])}
      >
        <Plus /> Add {field.items?.[0]?.label.replace(/ text$/, "").toLowerCase() ?? "item"}
      </Button>
      <FindingList findings={findings} spec={spec} />
    </fieldset>
  );
}
