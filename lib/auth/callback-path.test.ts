import { describe, expect, it } from "vitest";
import { callbackPath } from "./callback-path";
import { authOptions } from "./options";

const ORIGIN = "http://127.0.0.1:3000";

describe("the page after sign-in stays on the site", () => {
  for (const hostile of [
    "/\\127.0.0.1:8765/phish.html",
    "/%5C127.0.0.1:8765/phish.html".replace("%5C", "\\"),
    "//127.0.0.1:8765/phish.html",
    "/\t/127.0.0.1:8765/phish.html",
    "/.//127.0.0.1:8765/phish.html",
    "http://127.0.0.1:8765/phish.html",
    "javascript:alert(1)",
  ]) {
    it(`sends ${JSON.stringify(hostile)} home`, () => {
      expect(callbackPath(hostile, ORIGIN)).toBe("/");
    });
  }

  it("keeps a same-site path with its query and fragment", () => {
    expect(callbackPath("/segments/abc?tab=size#trend", ORIGIN)).toBe("/segments/abc?tab=size#trend");
  });

  it("keeps an absolute URL on the app's own origin, as a path", () => {
    expect(callbackPath(`${ORIGIN}/reports`, ORIGIN)).toBe("/reports");
  });

  it("next-auth's redirect callback applies the same rule", async () => {
    const redirect = authOptions.callbacks!.redirect!;
    expect(await redirect({ url: "/\\127.0.0.1:8765/phish.html", baseUrl: ORIGIN })).toBe(`${ORIGIN}/`);
    expect(await redirect({ url: "/reports", baseUrl: ORIGIN })).toBe(`${ORIGIN}/reports`);
  });
});
