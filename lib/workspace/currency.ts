import { z } from "zod";

/**
 * The workspace's currency: every revenue figure (reports, experiment readouts) is shown in it, one
 * format everywhere. Client-safe. Tailor does not convert: events carry amounts in the shop's
 * currency, and an admin says which one that is (Settings → Workspace).
 */
export const DEFAULT_CURRENCY = "USD";

const known = () => new Set<string>(Intl.supportedValuesOf("currency"));

/** An ISO 4217 code the runtime can format, e.g. "EUR". */
export const currencySchema = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .refine(
    (code) => /^[A-Z]{3}$/.test(code) && known().has(code),
    "Pick a currency from the list (an ISO 4217 code such as EUR or USD).",
  );

export const workspaceSettingsSchema = z.object({ currency: currencySchema });
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

/** The codes a currency picker offers, with their names ("EUR — Euro"). */
export function currencyOptions(): { code: string; label: string }[] {
  const names = new Intl.DisplayNames("en", { type: "currency" });
  return [...known()].map((code) => ({ code, label: `${code} — ${names.of(code) ?? code}` }));
}

const formatters = new Map<string, { whole: Intl.NumberFormat; compact: Intl.NumberFormat }>();

/** An amount in the workspace's currency ("€1,234.50", "€1.2M"); null or not finite reads "—". */
export function formatMoney(amount: number | null | undefined, currency: string): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return "—";
  let f = formatters.get(currency);
  if (!f) {
    f = {
      whole: new Intl.NumberFormat("en", {
        style: "currency",
        currency,
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }),
      compact: new Intl.NumberFormat("en", {
        style: "currency",
        currency,
        notation: "compact",
        maximumFractionDigits: 1,
      }),
    };
    formatters.set(currency, f);
  }
  return (Math.abs(amount) >= 100_000 ? f.compact : f.whole).format(amount);
}
