import { CHANNEL_INFO, type Channel } from "@/lib/profiles/channels";

type AddressFields = { email: string | null; phone: string | null; externalId: string | null; traits: unknown };

/**
 * Whether a profile has an address on a channel, as lib/profiles/channels defines it (the same
 * rule as the segment builder's reachability, lib/segments/compile.ts): a non-empty string, or for
 * web push any JSON value but null.
 */
export function hasChannelAddress(profile: AddressFields, channel: Channel): boolean {
  const address = CHANNEL_INFO[channel].address;
  if ("column" in address) {
    const value = profile[address.column];
    return typeof value === "string" && value !== "";
  }
  const traits =
    profile.traits && typeof profile.traits === "object" ? (profile.traits as Record<string, unknown>) : {};
  const value = traits[address.trait];
  if (address.anyJson) return value !== undefined && value !== null;
  return typeof value === "string" && value !== "";
}
