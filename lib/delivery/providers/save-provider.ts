import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { decryptSecrets, encryptSecrets } from "@/lib/delivery/secrets";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { AppError } from "@/lib/http/errors";
import { KINDS_FOR_CHANNEL, REQUIRED_SECRETS, saveProviderSchema, type ProviderChannel } from "./config-schema";
import { listProviders, secretsSetOf, type ProviderSettings } from "./list-providers";
import { PROVIDER_FORMS } from "./provider-forms";
import { invalidateProviderCache } from "./provider-for";

/**
 * Saves how a channel sends. A blank secret keeps the stored one — unless the kind changes, since
 * an SMTP password is no webhook secret. The audit entry records the config and which secrets
 * changed, never a secret's value.
 */
export async function saveProvider(actor: Actor, channel: ProviderChannel, body: unknown): Promise<ProviderSettings> {
  const input = saveProviderSchema.parse(body);
  if (!KINDS_FOR_CHANNEL[channel].includes(input.kind)) {
    throw new AppError(
      400,
      "invalid_input",
      `kind: ${PROVIDER_FORMS[input.kind].label} cannot carry this channel; choose one of ` +
        `${KINDS_FOR_CHANNEL[channel].join(", ")}.`,
      "kind",
    );
  }
  const workspaceId = actor.workspaceId;
  await db.$transaction(async (tx) => {
    const existing = await tx.channelProvider.findUnique({ where: { workspaceId_channel: { workspaceId, channel } } });
    let stored: Record<string, string> = {};
    if (existing?.secrets && existing.kind === input.kind) {
      try {
        stored = decryptSecrets(existing.secrets);
      } catch {
        stored = {}; // unreadable after an app key change: only what is entered now counts
      }
    }
    const given = Object.fromEntries(
      Object.entries(input.secrets as Record<string, string | undefined>)
        .filter(([, v]) => typeof v === "string" && v.trim() !== "")
        .map(([k, v]) => [k, v!.trim()]),
    );
    const secrets = { ...stored, ...given };
    for (const name of REQUIRED_SECRETS[input.kind]) {
      if (!secrets[name]) {
        const label = PROVIDER_FORMS[input.kind].fields.find((f) => f.name === name)?.label ?? name;
        throw new AppError(
          400,
          "invalid_input",
          `secrets.${name}: Enter the ${label.toLowerCase()}.`,
          `secrets.${name}`,
        );
      }
    }
    const data = {
      kind: input.kind,
      config: input.config as InputJsonValue,
      secrets: Object.keys(secrets).length > 0 ? encryptSecrets(secrets) : null,
      updatedById: actor.userId,
    };
    await tx.channelProvider.upsert({
      where: { workspaceId_channel: { workspaceId, channel } },
      create: { workspaceId, channel, ...data },
      update: data,
    });
    await recordAudit(tx, actor, {
      action: "channel_provider.saved",
      entityType: "channel_provider",
      entityId: channel,
      before: existing ? { kind: existing.kind, config: existing.config as InputJsonValue } : null,
      after: {
        kind: input.kind,
        config: input.config as InputJsonValue,
        secretsChanged: Object.keys(given),
        secretsSet: secretsSetOf(input.kind, secrets),
      },
    });
  });
  invalidateProviderCache(workspaceId, channel);
  return (await listProviders(workspaceId)).find((p) => p.channel === channel)!;
}
