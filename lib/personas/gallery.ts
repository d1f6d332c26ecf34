import { z } from "zod";
import { CHANNELS } from "@/lib/profiles/channels";
import type { PersonaCard } from "./list-personas";

export const GALLERY_FRESHNESS = ["all", "stale", "fresh"] as const;

// The gallery's URL query: a link keeps the filters; anything unreadable falls back to "no filter"
// rather than an error page, since these links get hand-edited and shared.
const oneValue = (value: unknown): unknown => (Array.isArray(value) ? (value as unknown[])[0] : value);
export const galleryFiltersSchema = z.object({
  freshness: z.preprocess(oneValue, z.enum(GALLERY_FRESHNESS)).catch("all"),
  owner: z.preprocess(oneValue, z.string().trim().min(1).max(200).optional()).catch(undefined),
  channel: z.preprocess(oneValue, z.enum(CHANNELS).optional()).catch(undefined),
  archived: z.preprocess(oneValue, z.literal("show").optional()).catch(undefined),
  /** Cards (the default) or one row per persona. */
  layout: z.preprocess(oneValue, z.literal("table").optional()).catch(undefined),
});
export type GalleryFilters = z.infer<typeof galleryFiltersSchema>;

export type GalleryCard = PersonaCard & { parentName: string | null };
export type GalleryView = { cards: GalleryCard[]; owners: string[]; total: number; filtered: boolean };

/**
 * The cards the filters keep, still in listPersonas' order (each parent followed by its
 * sub-personas), and the owners to offer in the filter. "Stale" includes never validated:
 * every list treats a persona nobody validated as stale. Archived personas count only when shown;
 * a sub-persona still names its archived parent.
 */
export function galleryView(everyone: readonly PersonaCard[], filters: GalleryFilters): GalleryView {
  const names = new Map(everyone.map((card) => [card.id, card.name]));
  const all = filters.archived ? everyone : everyone.filter((card) => card.archivedAt === null);
  const keep = (card: PersonaCard) =>
    (filters.freshness === "all" || (filters.freshness === "fresh") === (card.freshness === "fresh")) &&
    (!filters.owner || card.ownerEmail === filters.owner) &&
    (!filters.channel || card.channels.includes(filters.channel));
  return {
    cards: all
      .filter(keep)
      .map((card) => ({ ...card, parentName: card.parentId ? (names.get(card.parentId) ?? null) : null })),
    owners: [...new Set(all.map((card) => card.ownerEmail))].sort(),
    total: all.length,
    filtered: filters.freshness !== "all" || Boolean(filters.owner) || Boolean(filters.channel),
  };
}
