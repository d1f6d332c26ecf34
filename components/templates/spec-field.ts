import type { ChannelSpec, FieldSpec } from "@/lib/templates";

/** A channel field's spec by name: previews and editors read limits from it, never re-type them. */
export function specField(spec: ChannelSpec, name: string): FieldSpec {
  const field = spec.fields.find((f) => f.name === name);
  if (!field) throw new Error(`${spec.channel} has no field ${name}.`);
  return field;
}
