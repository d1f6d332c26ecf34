import type { ChannelSpec } from "@/lib/templates";

const BLOCK_FIELDS: Record<string, string> = {
  text: "text",
  src: "image URL",
  alt: "alt text",
  href: "link",
  label: "label",
  unsubscribeLabel: "unsubscribe link text",
};

/**
 * A finding's dotted field path in people's words: `buttons.1.label` → "Buttons 2: Button text",
 * `body.blocks.3.text` → "Body, block 4: text".
 */
export function fieldLabel(spec: ChannelSpec, path: string | undefined): string {
  if (!path) return "Whole template";
  const [name, index, item, blockField] = path.split(".");
  const field = spec.fields.find((f) => f.name === name);
  if (!field) return path;
  if (index === undefined) return field.label;
  if (index === "blocks")
    return (
      `${field.label}, block ` + `${Number(item) + 1}${blockField ? `: ${BLOCK_FIELDS[blockField] ?? blockField}` : ""}`
    );
  const itemLabel = field.items?.find((f) => f.name === item)?.label;
  return `${field.label} ${Number(index) + 1}${itemLabel ? `: ${itemLabel}` : ""}`;
}
