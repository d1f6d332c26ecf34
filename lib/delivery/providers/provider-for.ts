import { db } from "@/lib/db/client";
import { decryptSecrets } from "@/lib/delivery/secrets";
import { buildProvider } from "./build-provider";
import { PROVIDER_KINDS, type Provider, type ProviderKind } from "./provider";
import { sandboxProvider } from "./sandbox";

/*
 * Providers are built once per workspace and channel and kept briefly: a worker sending thousands
 * of messages a second must not read and decrypt the settings for each. Saving settings drops the
 * entry in this process; other processes (a separate `npm run worker`) see the change within the
 * cache's lifetime.
 */
export const PROVIDER_CACHE_MS = 15_000;

type Entry = { provider: Promise<Provider>; until: number };
const globalForProviders = globalThis as unknown as { tailorProviders?: Map<string, Entry> };
const cache = (globalForProviders.tailorProviders ??= new Map<string, Entry>());

async function loadProvider(workspaceId: string, channel: string): Promise<Provider> {
  const row = await db.channelProvider.findUnique({ where: { workspaceId_channel: { workspaceId, channel } } });
  // No settings: the sandbox outbox, the demo default.
  if (!row) return sandboxProvider();
  if (!(PROVIDER_KINDS as readonly string[]).includes(row.kind))
    throw new Error(`The ${channel} provider kind "${row.kind}" is not one Tailor knows.`);
  return buildProvider(row.kind as ProviderKind, row.config, row.secrets ? decryptSecrets(row.secrets) : {});
}

/** The provider a workspace sends a channel through (sandbox when none is configured). */
export function providerFor(workspaceId: string, channel: string, now = Date.now()): Promise<Provider> {
  const key = `${workspaceId}\u0000${channel}`;
  const hit = cache.get(key);
  if (hit && hit.until > now) return hit.provider;
  if (hit) void hit.provider.then((p) => p.close?.()).catch(() => {});
  const provider = loadProvider(workspaceId, channel);
  cache.set(key, { provider, until: now + PROVIDER_CACHE_MS });
  // A failed load is not cached: the next send tries again.
  provider.catch(() => {
    if (cache.get(key)?.provider === provider) cache.delete(key);
  });
  return provider;
}

/** Forget the cached provider(s) of a workspace (after its settings change). */
export function invalidateProviderCache(workspaceId: string, channel?: string): void {
  for (const [key, entry] of cache) {
    const [ws, ch] = key.split("\u0000");
    if (ws === workspaceId && (channel === undefined || ch === channel)) {
      cache.delete(key);
      void entry.provider.then((p) => p.close?.()).catch(() => {});
    }
  }
}
