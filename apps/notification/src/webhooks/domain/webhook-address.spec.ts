import {
  AllowedNetworks,
  checkWebhookAddress,
  specialRangeOf,
  unmapped,
  type HostResolver,
  type ResolvedAddress,
} from './webhook-address';

/** A resolver that answers from a table and never touches the network; counts its lookups. */
class TableResolver implements HostResolver {
  lookups: string[] = [];
  constructor(private readonly table: Record<string, string[]>) {}
  lookup(hostname: string): Promise<ResolvedAddress[]> {
    this.lookups.push(hostname);
    const answer = this.table[hostname];
    if (!answer) return Promise.reject(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }));
    return Promise.resolve(
      answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }) as const),
    );
  }
}

const nothingAllowed = AllowedNetworks.parse('');
const loopbackAllowed = AllowedNetworks.parse('127.0.0.0/8, ::1/128');
// Public addresses appear only in the fake resolver's answers: nothing here connects or resolves.
const PUBLIC_V4 = '8.8.8.8';
const PUBLIC_V6 = '2606:4700:4700::1111';

describe('webhook addresses: public unicast over https, unless an operator allowlists a network', () => {
  const resolver = new TableResolver({
    'receiver.example': [PUBLIC_V4, PUBLIC_V6],
    'metadata.example': ['169.254.169.254'],
    'mixed.example': [PUBLIC_V4, '10.1.2.3'],
    'mapped.example': ['::ffff:127.0.0.1'],
    'localhost.example': ['127.0.0.1', '::1'],
  });

  it('accepts an https URL whose host resolves to public addresses only, and names the address to connect to', async () => {
    const d = await checkWebhookAddress('https://receiver.example/hook', nothingAllowed, resolver);
    expect(d).toMatchObject({ ok: true, address: { address: PUBLIC_V4, family: 4 } });
  });

  it.each([
    ['http://127.0.0.1:5432/', 'loopback'],
    ['https://localhost.example/', 'loopback'],
    ['https://10.0.0.1/', 'private'],
    ['https://172.16.5.4/', 'private'],
    ['https://192.168.1.1/', 'private'],
    ['https://169.254.169.254/latest/meta-data/', 'link-local'],
    ['https://metadata.example/', 'link-local'],
    ['https://100.64.0.1/', 'carrier-grade NAT'],
    ['https://100.100.100.200/', 'carrier-grade NAT'],
    ['https://224.0.0.1/', 'multicast'],
    ['https://0.0.0.0/', 'this network'],
    ['https://255.255.255.255/', 'broadcast'],
    ['https://[::1]/', 'loopback'],
    ['https://[::]/', 'unspecified'],
    ['https://[fe80::1]/', 'link-local'],
    ['https://[fd00:ec2::254]/', 'unique local'],
    ['https://[ff02::1]/', 'multicast'],
    ['https://[::ffff:127.0.0.1]/', 'loopback'],
    ['https://[::ffff:a9fe:a9fe]/', 'link-local'],
    ['https://[0:0:0:0:0:ffff:10.0.0.1]/', 'private'],
    ['https://[64:ff9b::7f00:1]/', 'NAT64'],
    ['https://[2002:7f00:1::]/', '6to4'],
    ['https://mapped.example/', 'loopback'],
    ['https://mixed.example/', 'private'],
    // Other spellings of 127.0.0.1 and 169.254.169.254: decimal, octal, hex, shortened.
    ['https://2130706433/', 'loopback'],
    ['https://0177.0.0.1/', 'loopback'],
    ['https://0x7f.0.0.1/', 'loopback'],
    ['https://0x7f000001/', 'loopback'],
    ['https://127.1/', 'loopback'],
    ['https://2852039166/', 'link-local'],
    ['https://0xa9.0xfe.0xa9.0xfe/', 'link-local'],
    ['https://0251.0376.0251.0376/', 'link-local'],
  ])('refuses %s (%s)', async (url, kind) => {
    const d = await checkWebhookAddress(url, nothingAllowed, resolver);
    expect(d.ok).toBe(false);
    expect(d.ok === false && d.kind).toBe('refused');
    expect(d.ok === false && d.reason).toContain(kind);
    expect(d.ok === false && d.reason).toContain('WEBHOOK_ALLOWED_NETWORKS');
  });

  it('judges IP literals as written, without a lookup', async () => {
    const r = new TableResolver({});
    await checkWebhookAddress('https://10.0.0.1/', nothingAllowed, r);
    await checkWebhookAddress('https://[::1]/', nothingAllowed, r);
    await checkWebhookAddress('https://2130706433/', nothingAllowed, r);
    expect(r.lookups).toEqual([]);
  });

  it('refuses plain http to a public address, and anything but http(s)', async () => {
    const http = await checkWebhookAddress('http://receiver.example/hook', nothingAllowed, resolver);
    expect(http).toMatchObject({ ok: false, kind: 'refused' });
    expect(http.ok === false && http.reason).toMatch(/must be an https URL/);
    for (const url of ['ftp://receiver.example/', 'file:///etc/passwd', 'gopher://127.0.0.1/', 'not a url']) {
      expect(await checkWebhookAddress(url, loopbackAllowed, resolver)).toMatchObject({
        ok: false,
        kind: 'refused',
      });
    }
  });

  it('lets an allowlisted network through, over http too, IPv4-mapped included', async () => {
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'https://[::1]:8443/',
      'http://[::ffff:127.0.0.1]/',
      'http://localhost.example/',
    ]) {
      const d = await checkWebhookAddress(url, loopbackAllowed, resolver);
      expect(d.ok).toBe(true);
    }
    // The allowlist opens what it names only.
    expect((await checkWebhookAddress('https://10.0.0.1/', loopbackAllowed, resolver)).ok).toBe(false);
    expect((await checkWebhookAddress('https://169.254.169.254/', loopbackAllowed, resolver)).ok).toBe(false);
  });

  it('says a host that does not resolve is unresolved (a delivery retries it; a subscription is refused)', async () => {
    const d = await checkWebhookAddress('https://nowhere.example/', nothingAllowed, resolver);
    expect(d).toMatchObject({ ok: false, kind: 'unresolved' });
    expect(d.ok === false && d.reason).toContain('ENOTFOUND');
  });

  it('reads IPv4-mapped IPv6 as the IPv4 address it carries', () => {
    expect(unmapped('::ffff:7f00:1')).toBe('127.0.0.1');
    expect(unmapped('::FFFF:169.254.169.254')).toBe('169.254.169.254');
    expect(unmapped('2001:db8::1')).toBe('2001:db8::1');
    expect(specialRangeOf(PUBLIC_V4)).toBeNull();
    expect(specialRangeOf(PUBLIC_V6)).toBeNull();
    expect(specialRangeOf('::ffff:8.8.8.8')).toBeNull();
  });

  it('parses the allowlist strictly, naming a bad entry', () => {
    expect(AllowedNetworks.parse('127.0.0.0/8,::1').entries).toEqual(['127.0.0.0/8', '::1/128']);
    expect(AllowedNetworks.parse(undefined).entries).toEqual([]);
    for (const bad of ['localhost', '127.0.0.0/33', '10.0.0.0/8/1', '::1/129', '127.0.0.1/x']) {
      expect(() => AllowedNetworks.parse(bad)).toThrow(RangeError);
    }
  });
});
