"use client";

import { useFormContext } from "react-hook-form";
import { FormField } from "@/components/ui/form";
import type { FieldErrors } from "@/components/use-autosave";
import type { PersonaFields } from "@/lib/personas";
import { ListEditor } from "../list-editor";
import { Section } from "./section";

export const LISTS = [
  { key: "goals", label: "Goals", placeholder: "Buy less, buy better" },
  { key: "painPoints", label: "Pain points", placeholder: "Greenwashing" },
  { key: "motivations", label: "Motivations", placeholder: "Reducing her footprint" },
  { key: "objections", label: "Objections", placeholder: "Fast-fashion promotions" },
  {
    key: "jobsToBeDone",
    label: "Jobs to be done",
    placeholder: "When I need something, help me find the sustainable option",
  },
] as const;
type ListKey = (typeof LISTS)[number]["key"];

/** The fields without the list lines that are blank, and where each kept line sits in the draft. */
export function withoutEmptyLines(draft: PersonaFields) {
  const value = { ...draft };
  const lineIndex = {} as Record<ListKey, number[]>;
  for (const { key } of LISTS) {
    lineIndex[key] = draft[key].flatMap((line, i) => (line.trim() === "" ? [] : [i]));
    value[key] = lineIndex[key].map((i) => draft[key][i]!);
  }
  return { value, lineIndex };
}

/** Error paths of the saved lists ("goals.1") back to the line the user sees. */
export function remapLines(errors: FieldErrors, lineIndex: Record<ListKey, number[]>): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([path, message]) => {
      const [key, index, ...rest] = path.split(".");
      const lines = lineIndex[key as ListKey];
      if (!lines || index === undefined || !/^\d+$/.test(index)) return [path, message];
      return [[key, lines[Number(index)] ?? index, ...rest].join("."), message];
    }),
  );
}

/** Goals, pain points, motivations, objections and jobs to be done: one line each, empty lines left out. */
export function ListsSection({ error }: { error: (path: string) => string | undefined }) {
  const { control } = useFormContext<PersonaFields>();
  return (
    <Section title="Goals, pains and jobs" description="Short sentences, one per line, most important first.">
      {LISTS.map(({ key, label, placeholder }) => (
        <FormField
          key={key}
          control={control}
          name={key}
          render={({ field }) => (
            <ListEditor
              label={label}
              items={field.value}
              placeholder={placeholder}
              readOnly={false}
              onChange={field.onChange}
              errorFor={(i) => error(i === null ? key : `${key}.${i}`)}
            />
          )}
        />
      ))}
    </Section>
  );
}
