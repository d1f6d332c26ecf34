import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { testProviderSchema, type ProviderChannel } from "./config-schema";
import { PROVIDER_TEST_CAMPAIGN, type OutgoingMessage, type SendResult } from "./provider";
import { providerFor } from "./provider-for";

const TEXT = "This is a test from Tailor's delivery settings. If you can read it, the provider works.";

/** A short message in the channel's shape. */
export function sampleRendered(channel: ProviderChannel): Record<string, unknown> {
  switch (channel) {
    case "email":
      return {
        subject: "Tailor test message",
        preheader: "Your provider settings work.",
        html: `<!doctype html><html><body><p>${TEXT}</p></body></html>`,
        text: TEXT,
      };
    case "push":
      return { title: "Tailor test message", body: TEXT };
    case "web_push":
      return { title: "Tailor test message", body: TEXT, url: "https://example.com/" };
    case "sms":
      return { body: "Tailor test message: your SMS provider works." };
    case "in_app":
      return { layout: "modal", title: "Tailor test message", body: TEXT, buttons: [{ label: "Got it", url: "" }] };
    case "messenger":
      return { text: TEXT };
    case "webhook":
      return { payload: JSON.stringify({ test: true, message: TEXT }) };
  }
}

/** The profile a test address names, when one does (the in-app inbox is per profile). */
async function profileFor(workspaceId: string, to: string): Promise<string | null> {
  const profile = await db.profile.findFirst({
    where: { workspaceId, OR: [{ externalId: to }, { email: to }, { phone: to }] },
    select: { id: true },
  });
  return profile?.id ?? null;
}

/**
 * Sends one test message to `to` through the channel's saved provider and reports what the
 * provider answered, so an admin sees a wrong password or a 401 before a campaign does.
 */
export { PROVIDER_TEST_CAMPAIGN };

export async function testProvider(
  actor: Actor,
  channel: ProviderChannel,
  body: unknown,
): Promise<{ kind: string; result: SendResult; elapsedMs: number }> {
  const { to } = testProviderSchema.parse(body);
  const workspaceId = actor.workspaceId;
  const provider = await providerFor(workspaceId, channel).catch((error: unknown) => {
    throw new AppError(
      409,
      "provider_unusable",
      `The saved ${channel} settings cannot be used: ${(error as Error).message}`,
      "kind",
    );
  });
  const profileId = await profileFor(workspaceId, to);
  if (provider.kind === "in_app" && !profileId)
    throw new AppError(
      400,
      "invalid_input",
      "to: No profile has that user id; the in-app inbox belongs to a profile.",
      "to",
    );
  let address: unknown = to;
  if (channel === "web_push") {
    try {
      address = JSON.parse(to);
    } catch {
      throw new AppError(400, "invalid_input", "to: Paste the subscription JSON (PushSubscription.toJSON()).", "to");
    }
  }
  const message: OutgoingMessage = {
    workspaceId,
    id: `test_${randomUUID()}`,
    campaignId: PROVIDER_TEST_CAMPAIGN,
    profileId: profileId ?? "",
    channel,
    to: address,
    rendered: sampleRendered(channel),
    locale: null,
    unsubscribeUrl: "",
  };
  const started = performance.now();
  const result = await provider.send(message);
  const elapsedMs = Math.round(performance.now() - started);
  await db.$transaction((tx) =>
    recordAudit(tx, actor, {
      action: "channel_provider.tested",
      entityType: "channel_provider",
      entityId: channel,
      after: {
        kind: provider.kind,
        ok: result.ok,
        ...(result.ok ? { providerId: result.providerId } : { error: result.error, transient: result.transient }),
      },
    }),
  );
  return { kind: provider.kind, result, elapsedMs };
}
