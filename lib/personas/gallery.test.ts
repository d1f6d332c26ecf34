import { describe, expect, it } from "vitest";
import { galleryFiltersSchema, galleryView } from "./gallery";
import type { PersonaCard } from "./list-personas";

const card = (id: string, overrides: Partial<PersonaCard> = {}): PersonaCard => ({
  id,
  name: `Persona ${id}`,
  summary: "",
  ownerEmail: "pm@example.com",
  channels: ["email"],
  parentId: null,
  segment: null,
  size: null,
  trend: [],
  freshness: "fresh",
  validatedAt: null,
  hasAvatarImage: false,
  warnings: [],
  updatedAt: "2026-01-01T00:00:00.000Z",
  archivedAt: null,
  ...overrides,
});
const cards = [
  card("a"),
  card("b", { freshness: "stale", ownerEmail: "ann@example.com", channels: ["push"] }),
  card("c", { parentId: "b", freshness: "never" }),
];

describe("galleryView", () => {
  it("counts never validated as stale and keeps sub-personas after their parent, named", () => {
    const view = galleryView(cards, galleryFiltersSchema.parse({ freshness: "stale" }));
    expect(view.cards.map((c) => [c.id, c.parentName])).toEqual([
      ["b", null],
      ["c", "Persona b"],
    ]);
    expect(view).toMatchObject({ total: 3, filtered: true });
  });

  it("filters by owner and preferred channel, and offers every owner", () => {
    const view = galleryView(cards, galleryFiltersSchema.parse({ owner: "ann@example.com", channel: "push" }));
    expect(view.cards.map((c) => c.id)).toEqual(["b"]);
    expect(view.owners).toEqual(["ann@example.com", "pm@example.com"]);
  });

  it("hides archived personas unless asked to show them, and a sub-persona still names its archived parent", () => {
    const withArchived = [
      ...cards,
      card("d", { archivedAt: "2026-02-01T00:00:00.000Z", ownerEmail: "old@example.com" }),
      card("e", { parentId: "d" }),
    ];
    const hidden = galleryView(withArchived, galleryFiltersSchema.parse({}));
    expect(hidden.cards.map((c) => [c.id, c.parentName])).toEqual([
      ["a", null],
      ["b", null],
      ["c", "Persona b"],
      ["e", "Persona d"],
    ]);
    expect(hidden).toMatchObject({ total: 4, owners: ["ann@example.com", "pm@example.com"] });
    expect(galleryView(withArchived, galleryFiltersSchema.parse({ archived: "show" })).cards.map((c) => c.id)).toEqual([
      "a",
      "b",
      "c",
      "d",
      "e",
    ]);
  });

  it("reads a hand-edited query as no filter rather than failing", () => {
    expect(galleryFiltersSchema.parse({ freshness: "old", channel: "fax", owner: ["x@example.com", "y"] })).toEqual({
      freshness: "all",
      owner: "x@example.com",
      channel: undefined,
    });
    expect(galleryView(cards, galleryFiltersSchema.parse({})).filtered).toBe(false);
  });
});
