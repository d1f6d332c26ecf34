import { asRecord } from "@/lib/db/json-object";

/** The first-class profile columns an identify call can fill, from traits or the SDK's context. */
export type ProfileFields = {
  email: string | null;
  phone: string | null;
  locale: string | null;
  timezone: string | null;
  country: string | null;
  city: string | null;
  platform: string | null;
};

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim().slice(0, 200) : null);

// PostgreSQL would reject an unknown zone inside the ingest statement; drop it here instead.
function validTimezone(value: unknown): string | null {
  const zone = text(value);
  if (!zone) return null;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return null;
  }
}

export function profileFields(traits: Record<string, unknown>, context: Record<string, unknown>): ProfileFields {
  const address = asRecord(traits.address);
  const os = asRecord(context.os);
  const device = asRecord(context.device);
  return {
    email: text(traits.email)?.toLowerCase() ?? null,
    phone: text(traits.phone),
    locale: text(traits.locale) ?? text(context.locale),
    timezone: validTimezone(traits.timezone) ?? validTimezone(context.timezone),
    country: text(traits.country) ?? text(address.country),
    city: text(traits.city) ?? text(address.city),
    platform: text(traits.platform) ?? text(os.name) ?? text(device.type),
  };
}

/** Consent per channel from `traits.consent` ({ email: true, sms: false, … }); other values are ignored. */
export function consentOf(traits: Record<string, unknown>): Record<string, boolean> {
  return Object.fromEntries(
    Object.entries(asRecord(traits.consent)).filter(([, value]) => typeof value === "boolean"),
  ) as Record<string, boolean>;
}
