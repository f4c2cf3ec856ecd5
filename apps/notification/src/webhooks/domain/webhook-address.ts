// Where a webhook may go (docs/security.md#webhooks). The decision is made on the addresses a
// resolver returns, and the caller connects to the address that was checked (no second lookup an
// attacker's DNS could answer differently).
import { BlockList, isIP } from 'node:net';

/** One resolved address of a host. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has (getaddrinfo in the service, a fake in unit tests). */
export interface HostResolver {
  lookup(hostname: string): Promise<ResolvedAddress[]>;
}

/** A webhook URL may be called, at this checked address. */
export interface AddressAllowed {
  ok: true;
  url: URL;
  /** The address to connect to: the first of those the host resolved to, all of which passed. */
  address: ResolvedAddress;
}

/** A webhook URL may not be called; `reason` says why in a sentence fit for a 400 or a delivery's error. */
export interface AddressRefused {
  ok: false;
  /** `refused`: never (until the URL or the allowlist changes). `unresolved`: DNS gave no answer now. */
  kind: 'refused' | 'unresolved';
  reason: string;
}

export type AddressDecision = AddressAllowed | AddressRefused;

interface Range {
  name: string;
  net: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

/** Networks a webhook may not reach unless allowlisted, each with the name a refusal gives. */
const SPECIAL_RANGES: readonly Range[] = [
  { name: 'a "this network" address', net: '0.0.0.0', prefix: 8, family: 'ipv4' },
  { name: 'a private address', net: '10.0.0.0', prefix: 8, family: 'ipv4' },
  { name: 'a carrier-grade NAT (CGNAT) address', net: '100.64.0.0', prefix: 10, family: 'ipv4' },
  { name: 'a loopback address', net: '127.0.0.0', prefix: 8, family: 'ipv4' },
  { name: 'a link-local address (cloud instance metadata)', net: '169.254.0.0', prefix: 16, family: 'ipv4' },
  { name: 'a private address', net: '172.16.0.0', prefix: 12, family: 'ipv4' },
  { name: 'an IETF protocol address', net: '192.0.0.0', prefix: 24, family: 'ipv4' },
  { name: 'a documentation address', net: '192.0.2.0', prefix: 24, family: 'ipv4' },
  { name: 'a 6to4 relay address', net: '192.88.99.0', prefix: 24, family: 'ipv4' },
  { name: 'a private address', net: '192.168.0.0', prefix: 16, family: 'ipv4' },
  { name: 'a benchmarking address', net: '198.18.0.0', prefix: 15, family: 'ipv4' },
  { name: 'a documentation address', net: '198.51.100.0', prefix: 24, family: 'ipv4' },
  { name: 'a documentation address', net: '203.0.113.0', prefix: 24, family: 'ipv4' },
  { name: 'a multicast address', net: '224.0.0.0', prefix: 4, family: 'ipv4' },
  { name: 'a reserved or broadcast address', net: '240.0.0.0', prefix: 4, family: 'ipv4' },
  // ::/96 holds the unspecified address, ::1 (loopback) and the deprecated IPv4-compatible form.
  { name: 'a loopback, unspecified or IPv4-compatible address', net: '::', prefix: 96, family: 'ipv6' },
  { name: 'a NAT64 address', net: '64:ff9b::', prefix: 96, family: 'ipv6' },
  { name: 'a NAT64 address', net: '64:ff9b:1::', prefix: 48, family: 'ipv6' },
  { name: 'a discard-only address', net: '100::', prefix: 64, family: 'ipv6' },
  { name: 'a Teredo address', net: '2001::', prefix: 32, family: 'ipv6' },
  { name: 'a documentation address', net: '2001:db8::', prefix: 32, family: 'ipv6' },
  { name: 'a 6to4 address', net: '2002::', prefix: 16, family: 'ipv6' },
  // fc00::/7 also holds fd00:ec2::254, the IPv6 instance metadata address of one cloud.
  { name: 'a private (unique local) address', net: 'fc00::', prefix: 7, family: 'ipv6' },
  { name: 'a link-local address', net: 'fe80::', prefix: 10, family: 'ipv6' },
  { name: 'a site-local address', net: 'fec0::', prefix: 10, family: 'ipv6' },
  { name: 'a multicast address', net: 'ff00::', prefix: 8, family: 'ipv6' },
];

const special = SPECIAL_RANGES.map((r) => {
  const list = new BlockList();
  list.addSubnet(r.net, r.prefix, r.family);
  return { name: r.name, list };
});

const MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;
const MAPPED_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i;

/** The IPv4 address an IPv4-mapped IPv6 address carries (`::ffff:7f00:1` → `127.0.0.1`), else the address. */
export function unmapped(address: string): string {
  const dotted = MAPPED.exec(address);
  if (dotted) return dotted[1];
  const hex = MAPPED_HEX.exec(address);
  if (!hex) return address;
  const hi = parseInt(hex[1], 16);
  const lo = parseInt(hex[2], 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

function familyOf(address: string): 'ipv4' | 'ipv6' | null {
  const v = isIP(address);
  return v === 4 ? 'ipv4' : v === 6 ? 'ipv6' : null;
}

/** What kind of special address this is (`a loopback address`…), or null for a public unicast one. */
export function specialRangeOf(address: string): string | null {
  const ip = unmapped(address);
  const family = familyOf(ip);
  if (family === null) return 'not an IP address';
  for (const r of special) if (r.list.check(ip, family)) return r.name;
  return null;
}

/** Networks an operator allows webhooks to reach although they are special (and over plain http). */
export class AllowedNetworks {
  private readonly list = new BlockList();
  readonly entries: readonly string[];

  private constructor(entries: string[]) {
    this.entries = entries;
    for (const e of entries) {
      const [net, prefix] = e.split('/');
      const family = familyOf(net)!;
      this.list.addSubnet(net, Number(prefix), family);
    }
  }

  /**
   * Parses `127.0.0.0/8,::1/128` (a bare address is one host). Throws a RangeError naming the
   * first entry that is not an address or CIDR block.
   */
  static parse(text: string | undefined): AllowedNetworks {
    const entries: string[] = [];
    for (const raw of (text ?? '').split(',')) {
      const entry = raw.trim();
      if (entry === '') continue;
      const [net, prefix, ...rest] = entry.split('/');
      const family = familyOf(net);
      const bits = prefix === undefined ? (family === 'ipv4' ? 32 : 128) : Number(prefix);
      const max = family === 'ipv4' ? 32 : 128;
      if (family === null || rest.length > 0 || !/^\d{1,3}$/.test(String(bits)) || bits > max) {
        throw new RangeError(`"${entry}" is not an IP address or CIDR block (e.g. 127.0.0.0/8, ::1/128)`);
      }
      entries.push(`${net}/${bits}`);
    }
    return new AllowedNetworks(entries);
  }

  /** Whether the address (IPv4-mapped IPv6 read as its IPv4) is in an allowlisted network. */
  allows(address: string): boolean {
    const ip = unmapped(address);
    const family = familyOf(ip);
    return family !== null && this.entries.length > 0 && this.list.check(ip, family);
  }
}

/**
 * Decides whether a webhook may be sent to `rawUrl`, and to which address. Only `https:` (and
 * `http:` to allowlisted networks); an IP literal is judged as written, a name on every address
 * the resolver gives (all must pass: a name with one private address among public ones is
 * refused). Never connects anywhere.
 */
export async function checkWebhookAddress(
  rawUrl: string,
  allowed: AllowedNetworks,
  resolver: HostResolver,
): Promise<AddressDecision> {
  const refused = (reason: string): AddressRefused => ({ ok: false, kind: 'refused', reason });
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return refused('is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refused('must be an https URL');
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  let addresses: ResolvedAddress[];
  const literal = isIP(host);
  if (literal !== 0) {
    addresses = [{ address: host, family: literal as 4 | 6 }];
  } else {
    try {
      addresses = await resolver.lookup(host);
    } catch (e) {
      const code = (e as { code?: string }).code ?? 'no answer';
      return { ok: false, kind: 'unresolved', reason: `host ${host} could not be resolved (${code})` };
    }
    if (addresses.length === 0) {
      return { ok: false, kind: 'unresolved', reason: `host ${host} has no address` };
    }
  }
  let everyAllowlisted = true;
  for (const { address } of addresses) {
    if (allowed.allows(address)) continue;
    everyAllowlisted = false;
    const range = specialRangeOf(address);
    if (range !== null) {
      const via = literal !== 0 ? '' : ` (${host} resolves to ${address})`;
      return refused(
        `must not point at ${range}${via}; an operator may allowlist its network in WEBHOOK_ALLOWED_NETWORKS`,
      );
    }
  }
  if (url.protocol === 'http:' && !everyAllowlisted) {
    return refused('must be an https URL (plain http only to networks in WEBHOOK_ALLOWED_NETWORKS)');
  }
  return { ok: true, url, address: addresses[0] };
}
