import type { z } from "zod";
import type { campaignInputSchema } from "@/lib/delivery";

/** What the campaign form holds: the shared campaign schema's input (its defaults not yet applied). */
export type CampaignFormValues = z.input<typeof campaignInputSchema>;

export type CampaignFormOptions = {
  segments: { id: string; name: string }[];
  personas: { id: string; name: string; bound: boolean }[];
  templates: { id: string; name: string; channel: string; published: boolean; triggerEvent: string | null }[];
  topics: { key: string; label: string }[];
};
