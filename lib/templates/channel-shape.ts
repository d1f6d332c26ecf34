import type { ChannelSpec, FieldSpec } from "@/lib/templates/channels/spec";

// "Image URL" → "image URL", "JSON payload" stays: only a capital followed by lowercase is a sentence capital.
const inSentence = (label: string) =>
  /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;

const list = (labels: string[]) =>
  labels.length <= 1 ? labels.join("") : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;

const withLimit = (f: FieldSpec) =>
  f.maxLength ? `${f.label} (up to ${f.maxLength.toLocaleString("en")} characters)` : f.label;

/**
 * One line on what a channel's message is made of, read from its spec so the channel picker never
 * drifts from the editor: "Subject and body; optional from name, preheader and plain-text part."
 */
export function channelShape(spec: ChannelSpec): string {
  const required = spec.fields.filter((f) => f.required);
  const optional = spec.fields.filter((f) => !f.required);
  // A single required field is the whole message: its limit is the most useful thing to say.
  const head =
    required.length === 1
      ? withLimit(required[0]!)
      : list(required.map((f, i) => (i === 0 ? f.label : inSentence(f.label))));
  return optional.length > 0 ? `${head}; optional ${list(optional.map((f) => inSentence(f.label)))}.` : `${head}.`;
}
