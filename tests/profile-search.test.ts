import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listProfiles, PROFILE_COUNT_CAP } from "@/lib/profiles/list-profiles";
import { profileListQuerySchema } from "@/lib/profiles/schema";
import { ingestCalls } from "@/lib/profiles/ingest/ingest-calls";
import { createIngestWorkspace } from "./support/ingest-fixtures";

let workspaceId: string;
const at = (day: number) => new Date(Date.UTC(2026, 10, day, 12)).toISOString();
let n = 0;
const mid = () => `search-${n++}`;

beforeAll(async () => {
  ({ workspaceId } = await createIngestWorkspace());
  await ingestCalls(workspaceId, [
    {
      type: "identify",
      userId: "ada",
      traits: { email: "Ada.Lovelace@Example.com", plan: "Gold" },
      timestamp: at(3),
      messageId: mid(),
    },
    { type: "identify", userId: "adam", traits: { email: "adam@example.com" }, timestamp: at(5), messageId: mid() },
    {
      type: "identify",
      userId: "ben",
      traits: { email: "ben@example.com", plan: "silver", age: 42, topics: ["Deals", "new"] },
      timestamp: at(1),
      messageId: mid(),
    },
    { type: "track", userId: "ada", event: "page_view", timestamp: at(3), messageId: mid() },
    { type: "track", userId: "adam", event: "page_view", timestamp: at(5), messageId: mid() },
    { type: "track", userId: "ben", event: "page_view", timestamp: at(1), messageId: mid() },
    { type: "track", anonymousId: "anon-7", event: "page_view", timestamp: at(4), messageId: mid() },
    // Only identified (not customer activity): never seen, so it sorts last.
    { type: "identify", userId: "zoe", traits: { email: "a_b%c@example.com" }, messageId: mid() },
  ]);
});

const search = async (q: string | undefined, extra: Record<string, string> = {}) =>
  (await listProfiles(workspaceId, profileListQuerySchema.parse({ q, ...extra }))).profiles.map(
    (p) => p.externalId ?? "(anonymous)",
  );

describe("profile search", () => {
  it("finds profiles by e-mail prefix, ignoring case", async () => {
    expect((await search("ADA")).sort()).toEqual(["ada", "adam"]);
    expect(await search("ada.l")).toEqual(["ada"]);
  });

  it("treats % and _ in the search as plain characters", async () => {
    expect(await search("a_b%")).toEqual(["zoe"]);
    expect(await search("a%")).toEqual([]);
  });

  it("finds a profile by the sender's id, an anonymous id and a trait value", async () => {
    expect(await search("ben")).toEqual(["ben"]);
    expect(await search("anon-7")).toEqual(["(anonymous)"]);
    expect(await search("gold")).toEqual(["ada"]);
    expect(await search("42")).toEqual(["ben"]);
    expect(await search("deals")).toEqual(["ben"]);
    expect(await search('say "hi" \\')).toEqual([]);
  });

  it("finds a profile by Tailor's own id", async () => {
    const [ben] = (await listProfiles(workspaceId, profileListQuerySchema.parse({ q: "ben" }))).profiles;
    expect(await search(ben!.id)).toEqual(["ben"]);
  });

  it("lists by last seen, newest first, never-seen profiles last", async () => {
    expect(await search(undefined)).toEqual(["adam", "(anonymous)", "ada", "ben", "zoe"]);
    expect(await search(undefined, { dir: "asc" })).toEqual(["zoe", "ben", "ada", "(anonymous)", "adam"]);
  });

  it("counts matches exactly up to 10,000 and says 'more than' past that, yet pages beyond it", async () => {
    const { workspaceId: big } = await createIngestWorkspace();
    await db.$executeRaw`INSERT INTO "Profile" ("workspaceId", "id", "externalId", "updatedAt") SELECT ${big}, 'p-' || n, 'user-' || n, now() FROM generate_series(1, ${PROFILE_COUNT_CAP + 50}::int) n`;
    const list = (extra: Record<string, string>) => listProfiles(big, profileListQuerySchema.parse(extra));
    expect(await list({})).toMatchObject({ total: PROFILE_COUNT_CAP, totalIsExact: false });
    expect(await list({ q: "user-10007" })).toMatchObject({ total: 1, totalIsExact: true });
    // A page past the cap is counted past it too, so its own rows are there.
    const far = await list({ page: "101", pageSize: "100" });
    expect(far.profiles).toHaveLength(50);
    expect(far).toMatchObject({ total: PROFILE_COUNT_CAP + 50, totalIsExact: true });
  });
});
