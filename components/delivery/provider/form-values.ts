import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldErrors, Resolver } from "react-hook-form";
import { PROVIDER_FORMS, saveProviderSchema, type ProviderKind, type SaveProviderInput } from "@/lib/delivery";
import type { ProviderSettings } from "@/lib/delivery/server";
import { displayValue } from "@/lib/display-value";

/** The provider form as typed: config fields as text (or a checkbox's boolean), secrets write-only ("" keeps). */
export type ProviderFormValues = {
  kind: ProviderKind;
  config: Record<string, string | boolean>;
  secrets: Record<string, string>;
};

/** The form's values for a kind: the stored config when the kind is the stored one, else the defaults. */
export function configValues(kind: ProviderKind, settings: ProviderSettings): ProviderFormValues["config"] {
  const stored = kind === settings.kind ? settings.config : {};
  return Object.fromEntries(
    PROVIDER_FORMS[kind].fields
      .filter((f) => f.type !== "secret")
      .map((f) => {
        const value = stored[f.name] ?? f.defaultValue ?? (f.type === "checkbox" ? false : "");
        return [f.name, typeof value === "boolean" ? value : displayValue(value)];
      }),
  );
}

/** Every secret of a kind blank: a secret is never sent back, and a blank one keeps the stored value. */
export function blankSecrets(kind: ProviderKind): ProviderFormValues["secrets"] {
  return Object.fromEntries(PROVIDER_FORMS[kind].fields.filter((f) => f.type === "secret").map((f) => [f.name, ""]));
}

export function formValuesOf(kind: ProviderKind, settings: ProviderSettings): ProviderFormValues {
  return { kind, config: configValues(kind, settings), secrets: blankSecrets(kind) };
}

/** What PUT /api/delivery/providers/<channel> is sent: numbers as numbers, an empty optional field left out. */
export function saveBody({ kind, config: values, secrets }: ProviderFormValues): SaveProviderInput {
  const config: Record<string, unknown> = {};
  for (const f of PROVIDER_FORMS[kind].fields) {
    if (f.type === "secret") continue;
    const v = values[f.name];
    if (f.type === "checkbox") config[f.name] = v === true;
    else if (f.type === "number") {
      // An empty number field is left out, so the schema's default applies; anything else is sent as typed for the
      // schema to judge.
      if (v !== "" && v !== undefined) config[f.name] = Number.isNaN(Number(v)) ? v : Number(v);
    } else if (v !== undefined && !(v === "" && f.defaultValue === undefined)) config[f.name] = v;
  }
  const given = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== ""));
  return { kind, config, secrets: given } as SaveProviderInput;
}

/** Whether the form differs from what is saved: another kind, another config value, or a secret entered. */
export function isChanged(values: ProviderFormValues, saved: ProviderFormValues): boolean {
  if (values.kind !== saved.kind) return true;
  const names = new Set([...Object.keys(values.config), ...Object.keys(saved.config)]);
  for (const name of names) if (values.config[name] !== saved.config[name]) return true;
  return Object.values(values.secrets).some((s) => s !== "");
}

const saveResolver = zodResolver(saveProviderSchema, undefined, { raw: true });

/**
 * The shared save schema (the one the API parses with) judging the body the form would send: its messages land at
 * `config.<field>` and `secrets.<field>`, the form's own paths.
 */
export const providerResolver: Resolver<ProviderFormValues> = async (values, context, options) => {
  const result = await saveResolver(saveBody(values), context, options as never);
  const errors = result.errors as FieldErrors<ProviderFormValues>;
  return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
};
