import type { ChannelSpec } from "@/lib/templates/channels";

/** A finding's dotted field path in people's words: `buttons.1.label` → "Buttons 2: Button text". */
export function fieldLabel(spec: ChannelSpec, path: string | undefined): string {
  if (!path) return "Whole template";
  const [name, index, item] = path.split(".");
  const field = spec.fields.find((f) => f.name === name);
  if (!field) return path;
  if (index === undefined) return field.label;
  const itemLabel = field.items?.find((f) => f.name === item)?.label;
  return `${field.label} ${Number(index) + 1}${itemLabel ? `: ${itemLabel}` : ""}`;
}
