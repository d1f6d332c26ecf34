import { beforeAll, describe, expect, it } from "vitest";
import * as apiKeys from "@/app/api/api-keys/route";
import * as workspace from "@/app/api/workspace/route";
import type { Role } from "@/lib/auth/roles";
import type { Actor } from "@/lib/auth/actor";
import { createWorkspace, request } from "./support/fixtures";

let actors: Record<Role, Actor>;
beforeAll(async () => {
  ({ actors } = await createWorkspace());
});

describe("API answers are not cached", () => {
  it("marks the answer carrying a new API key, a read and an error no-store", async () => {
    const created = await apiKeys.POST(
      await request("/api/api-keys", { method: "POST", actor: actors.admin, body: { name: "Cache probe" } }),
    );
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const read = await workspace.GET(await request("/api/workspace", { actor: actors.analyst }));
    expect(read.headers.get("cache-control")).toBe("no-store");
    const refused = await apiKeys.POST(
      await request("/api/api-keys", { method: "POST", actor: actors.analyst, body: { name: "Not mine" } }),
    );
    expect(refused.status).toBe(403);
    expect(refused.headers.get("cache-control")).toBe("no-store");
  });
});
