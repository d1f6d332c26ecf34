import { describe, expect, it } from "vitest";
import { crossSiteRefusal, dashboardOrigins } from "./same-origin";

const ORIGINS = ["http://localhost:3000"];
const request = (method: string, headers: Record<string, string> = {}) => ({ method, headers: new Headers(headers) });
const json = { "content-type": "application/json", "content-length": "2" };

describe("cross-site guard of the dashboard API", () => {
  it("lets reads through from anywhere", () => {
    expect(crossSiteRefusal(request("GET", { "sec-fetch-site": "cross-site" }), ORIGINS)).toBeNull();
  });

  it("refuses a mutation the browser marks as from another site, even a sibling subdomain", () => {
    for (const site of ["cross-site", "same-site"])
      expect(crossSiteRefusal(request("POST", { ...json, "sec-fetch-site": site }), ORIGINS)?.status).toBe(403);
    expect(crossSiteRefusal(request("DELETE", { "sec-fetch-site": "same-origin" }), ORIGINS)).toBeNull();
  });

  it("falls back to Origin when Sec-Fetch-Site is missing", () => {
    expect(crossSiteRefusal(request("PUT", { ...json, origin: "http://evil.localhost" }), ORIGINS)?.code).toBe(
      "cross_site",
    );
    expect(crossSiteRefusal(request("PUT", { ...json, origin: "http://localhost:3000" }), ORIGINS)).toBeNull();
    // No browser headers at all: a script or server, which no web page can steer.
    expect(crossSiteRefusal(request("PUT", json), ORIGINS)).toBeNull();
  });

  it("refuses the bodies a page elsewhere can send without a preflight, naming the header", () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      expect(
        crossSiteRefusal(
          request("POST", { "content-type": type, "content-length": "9", "sec-fetch-site": "same-origin" }),
          ORIGINS,
        ),
      ).toMatchObject({ status: 415, field: "content-type" });
    }
    expect(crossSiteRefusal(request("POST", { "content-length": "9" }), ORIGINS)?.status).toBe(415);
    expect(
      crossSiteRefusal(
        request("PUT", { "content-type": "image/png", "content-length": "9", "sec-fetch-site": "same-origin" }),
        ORIGINS,
      ),
    ).toBeNull();
    expect(crossSiteRefusal(request("POST", { "sec-fetch-site": "same-origin" }), ORIGINS)).toBeNull();
  });

  it("accepts NEXTAUTH_URL's origin beside the request's own", () => {
    expect(dashboardOrigins("http://10.0.0.5:3000", "https://tailor.example.com/app")).toEqual([
      "http://10.0.0.5:3000",
      "https://tailor.example.com",
    ]);
    expect(dashboardOrigins("http://localhost:3000", "not a url")).toEqual(["http://localhost:3000"]);
  });
});
