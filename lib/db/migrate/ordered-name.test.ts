import { describe, expect, it } from "vitest";
import { orderedMigrationName } from "./ordered-name";

describe("migration names", () => {
  it("keeps the engine's stamp when it is after every existing migration", () => {
    expect(orderedMigrationName("20261201134521_note", ["20261201134520_things"])).toBe("20261201134521_note");
  });

  it("stamps a migration made in the same second one second after the latest, so it sorts after it", () => {
    expect(orderedMigrationName("20261201134520_note", ["20261201134520_things"])).toBe("20261201134521_note");
    expect(orderedMigrationName("20261231235959_b", ["20261231235959_a"])).toBe("20270101000000_b");
  });

  it("moves past a latest migration stamped in the future", () => {
    expect(orderedMigrationName("20261201120000_late", ["20261201130000_early", "migration_lock.toml"])).toBe(
      "20261201130001_late",
    );
  });
});
