import { BlockList, isIP } from "node:net";

// Where a workspace's outbound calls (webhooks, providers, push endpoints) may not go unless an
// admin allows the host: loopback, private, carrier-grade NAT, link-local (cloud metadata lives at
// 169.254.169.254 and fd00:ec2::254), unspecified, multicast and reserved ranges.
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const) {
  INTERNAL.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  INTERNAL.addSubnet(network, prefix, "ipv6");
}

/** Whether an IP address is internal (IPv4-mapped IPv6 addresses are judged as the IPv4 they carry). */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return INTERNAL.check(mapped[1]!, "ipv4");
  const family = isIP(address);
  if (family === 0) return true; // not an address: refuse rather than guess
  return INTERNAL.check(address, family === 4 ? "ipv4" : "ipv6");
}

const normalHost = (host: string) =>
  host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");

/**
 * Hosts an admin opened to internal addresses: the provider's own list, plus
 * TAILOR_OUTBOUND_ALLOW_HOSTS (comma-separated; for tests and single-host setups whose receivers
 * run on the same machine).
 */
export function isAllowedHost(host: string, allowHosts: readonly string[] = []): boolean {
  const fromEnv = (process.env.TAILOR_OUTBOUND_ALLOW_HOSTS ?? "").split(",");
  const wanted = normalHost(host);
  return [...allowHosts, ...fromEnv].some((allowed) => allowed.trim() !== "" && normalHost(allowed) === wanted);
}
