import type { Channel } from "@/lib/profiles/channels";

/** One rendered message on its way to a provider. */
export type OutgoingMessage = {
  workspaceId: string;
  /** Message.id: also the idempotency key every provider passes on (header, metadata). */
  id: string;
  campaignId: string;
  profileId: string;
  channel: Channel | "webhook";
  /** The channel address: e-mail, phone, push token, web push subscription (JSON), chat id, user id. */
  to: unknown;
  /** The rendered fields (lib/templates renderContent), links already rewritten to tracked ones. */
  rendered: Record<string, unknown>;
  locale: string | null;
  /** E-mail: the List-Unsubscribe target (a /u/<token> URL). */
  unsubscribeUrl: string;
  /** The template and the published version rendered: the sandbox outbox stores them (its columns are required). */
  templateId?: string;
  versionId?: string;
};

/**
 * What a send came to. `transient` failures are retried with backoff (network errors, 429, 5xx);
 * the others are final (a bad address, a 4xx that will not change).
 */
export type SendResult = { ok: true; providerId: string } | { ok: false; transient: boolean; error: string };

/** A configured provider for one workspace and channel (lib/delivery/providers/index.ts builds it). */
export interface Provider {
  readonly kind: ProviderKind;
  send(message: OutgoingMessage): Promise<SendResult>;
  /**
   * Providers that store into Tailor's own database (sandbox, in-app) take a whole batch in one
   * statement: the worker calls this instead of send() per message. Results in input order.
   */
  sendMany?(messages: readonly OutgoingMessage[]): Promise<SendResult[]>;
  /** Releases pooled connections (SMTP) when the configuration changes; optional. */
  close?(): Promise<void>;
}

/** The campaign id of the settings page's test sends, so the outbox and reports tell them from real sends. */
export const PROVIDER_TEST_CAMPAIGN = "provider-test";

export const PROVIDER_KINDS = [
  "sandbox",
  "smtp",
  "web_push",
  "sms_http",
  "messenger_bot",
  "webhook",
  "in_app",
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
