import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import type { VariableCatalog } from "./check-variables";
import { profileContextOptions, profileLiquidContext, type ProfileRow } from "./profile-context";
import type { LiquidContext } from "./render";

/**
 * Test messages and previews are never delivered, so their unsubscribe link goes nowhere: the
 * reserved .invalid domain cannot resolve. Delivery fills in each recipient's real link.
 */
export const PREVIEW_UNSUBSCRIBE_URL = "https://unsubscribe.invalid/preview";

const PROFILE_SELECT = {
  id: true,
  email: true,
  phone: true,
  locale: true,
  timezone: true,
  country: true,
  city: true,
  platform: true,
  traits: true,
  ordersCount: true,
  ltv: true,
  aov: true,
  lastPurchaseAt: true,
  firstSeenAt: true,
  lastSeenAt: true,
  favouriteCategory: true,
  activeHour: true,
} as const;

// "No profile": what a recipient Tailor knows nothing about sees (every catalog trait empty).
const NOBODY: ProfileRow = {
  email: null,
  phone: null,
  locale: null,
  timezone: null,
  country: null,
  city: null,
  platform: null,
  traits: {},
  ordersCount: 0,
  ltv: 0,
  aov: null,
  lastPurchaseAt: null,
  firstSeenAt: null,
  lastSeenAt: null,
  favouriteCategory: null,
  activeHour: null,
};

export type Recipient = { id: string; email: string | null; locale: string | null } | null;

/**
 * The Liquid context of one real profile (or of nobody): catalog traits it lacks are null, so
 * they print their default; flagged (sensitive or inferred) keys are withheld even when it has them.
 */
export async function recipientContext(
  workspaceId: string,
  profileId: string | undefined,
  catalog: VariableCatalog,
  triggerEvent: string | null = null,
): Promise<{ recipient: Recipient; context: LiquidContext }> {
  let row: ProfileRow = NOBODY;
  let recipient: Recipient = null;
  if (profileId) {
    const found = await db.profile.findUnique({
      where: { workspaceId_id: { workspaceId, id: profileId } },
      select: PROFILE_SELECT,
    });
    if (!found) throw new AppError(404, "not_found", "That profile was not found.", "profileId");
    row = found;
    recipient = { id: found.id, email: found.email, locale: found.locale };
  }
  const profile = profileLiquidContext(row, profileContextOptions(catalog));
  // A triggered send is rendered with the event that triggered it: here, the profile's latest one of
  // that name. A profile that never did it gets no properties, so event.* without a default shows up broken.
  const event =
    triggerEvent && profileId
      ? ((
          await db.event.findFirst({
            where: { workspaceId, profileId, name: triggerEvent },
            orderBy: { occurredAt: "desc" },
            select: { properties: true },
          })
        )?.properties as Record<string, unknown> | undefined)
      : undefined;
  return {
    recipient,
    context: { profile, unsubscribe_url: PREVIEW_UNSUBSCRIBE_URL, ...(triggerEvent ? { event: event ?? {} } : {}) },
  };
}
