import { db } from "@/lib/db/client";
import { KINDS_FOR_CHANNEL, PROVIDER_CHANNELS, providerSecretSchemas, type ProviderChannel } from "./config-schema";
import { decryptSecrets } from "@/lib/delivery/secrets";
import type { ProviderKind } from "./provider";

/**
 * A channel's provider settings as the browser may see them: the config, and which secrets are set — never their
 * values.
 */
export type ProviderSettings = {
  channel: ProviderChannel;
  kind: ProviderKind;
  /** False: no row, the channel goes to the sandbox outbox. */
  configured: boolean;
  config: Record<string, unknown>;
  secretsSet: Record<string, boolean>;
  /** The stored secrets no longer decrypt (the app key changed): they must be entered again. */
  secretsUnreadable: boolean;
  updatedAt: string | null;
};

export function secretsSetOf(kind: ProviderKind, secrets: Record<string, string>): Record<string, boolean> {
  return Object.fromEntries(
    Object.keys(providerSecretSchemas[kind].shape).map((name) => [
      name,
      typeof secrets[name] === "string" && secrets[name] !== "",
    ]),
  );
}

export async function listProviders(workspaceId: string): Promise<ProviderSettings[]> {
  const rows = await db.channelProvider.findMany({ where: { workspaceId } });
  const byChannel = new Map(rows.map((r) => [r.channel, r]));
  return PROVIDER_CHANNELS.map((channel): ProviderSettings => {
    const row = byChannel.get(channel);
    if (!row)
      return {
        channel,
        kind: "sandbox",
        configured: false,
        config: {},
        secretsSet: {},
        secretsUnreadable: false,
        updatedAt: null,
      };
    const kind = row.kind as ProviderKind;
    let secrets: Record<string, string> = {};
    let secretsUnreadable = false;
    try {
      secrets = row.secrets ? decryptSecrets(row.secrets) : {};
    } catch {
      secretsUnreadable = true;
    }
    return {
      channel,
      kind,
      configured: true,
      config: row.config as Record<string, unknown>,
      secretsSet: secretsSetOf(kind, secrets),
      secretsUnreadable,
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

export const isProviderChannel = (channel: string): channel is ProviderChannel =>
  (PROVIDER_CHANNELS as readonly string[]).includes(channel);
export { KINDS_FOR_CHANNEL };
