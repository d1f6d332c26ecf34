import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("the sign-in client's IP", () => {
  it("is unknown without a declared proxy, whatever X-Forwarded-For claims", () => {
    expect(clientIp("203.0.113.7", 0)).toBeNull();
    expect(clientIp("1.2.3.4, 203.0.113.7", 0)).toBeNull();
  });

  it("is the entry the declared proxies vouch for, not what the client prepended", () => {
    // client forged "6.6.6.6"; the one proxy appended the address it saw.
    expect(clientIp("6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    // two proxies: the CDN appended the client, the load balancer the CDN.
    expect(clientIp("6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    expect(clientIp("203.0.113.7", 2)).toBe("203.0.113.7");
    expect(clientIp(null, 1)).toBeNull();
    expect(clientIp(" , ", 1)).toBeNull();
  });
});
