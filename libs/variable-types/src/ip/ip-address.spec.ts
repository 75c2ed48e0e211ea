import { isIP } from 'node:net';
import {
  hasHostBits,
  integerRangePattern,
  IPV4_PATTERN,
  IPV6_PATTERN,
  networkOf,
  parseIpAddress,
  parseIpPrefix,
  prefixPattern,
  type IpPrefix,
} from './ip-address';

const ipv4Pattern = new RegExp(`^${IPV4_PATTERN}$`, 'u');
const ipv6Pattern = new RegExp(`^${IPV6_PATTERN}$`, 'u');

function prefix(text: string): IpPrefix {
  const parsed = parseIpPrefix(text);
  if (!parsed.ok) throw new Error(`expected ${text} to parse, got ${parsed.reason}`);
  return parsed.prefix;
}

/** A small deterministic generator (mulberry32), so a failing sample can be reproduced. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('parseIpAddress', () => {
  it.each([
    ['192.0.2.1', '192.0.2.1'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
  ])('reads IPv4 %s as %s', (text, canonical) => {
    expect(parseIpAddress(text)).toEqual({ version: 4, bytes: canonical.split('.').map(Number), text: canonical });
  });

  it.each([
    ['2001:DB8::1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['::', '::'],
    ['::1', '::1'],
    ['1::', '1::'],
    ['1:0:0:0:0:0:0:0', '1::'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
    ['::2:3:4:5:6:7:8', '0:2:3:4:5:6:7:8'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:0:0:1:0:0', '2001:db8::1:0:0'],
    ['2001:db8:0:0:1:0:0:0', '2001:db8:0:0:1::'],
    ['fe80::1:2:3:4', 'fe80::1:2:3:4'],
    ['::ffff:192.0.2.1', '::ffff:192.0.2.1'],
    ['::FFFF:c000:0201', '::ffff:192.0.2.1'],
    ['::192.0.2.1', '::c000:201'],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
    ['1:2:3:4:5:6:192.0.2.1', '1:2:3:4:5:6:c000:201'],
  ])('reads IPv6 %s as %s (RFC 5952)', (text, canonical) => {
    expect(parseIpAddress(text)).toMatchObject({ version: 6, text: canonical });
  });

  it('gives IPv6 bytes in network order', () => {
    expect(parseIpAddress('2001:db8::ff01')?.bytes).toEqual([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0x01]);
    expect(parseIpAddress('::ffff:1.2.3.4')?.bytes.slice(10)).toEqual([0xff, 0xff, 1, 2, 3, 4]);
  });

  const invalid = [
    '',
    ' 192.0.2.1',
    '192.0.2.1 ',
    '192.0.2',
    '192.0.2.1.5',
    '192.0.2.',
    '256.0.0.1',
    '192.0.2.300',
    '01.2.3.4',
    '1.2.3.04',
    '1.2.3.-1',
    '1.2.3.+1',
    '0x1.2.3.4',
    '1e2.1.1.1',
    '1..2.3',
    '１.2.3.4',
    '192.0.2.1/24',
    '::1%eth0',
    '[::1]',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8::',
    '::1:2:3:4:5:6:7:8',
    '1::2::3',
    ':1::',
    '1::2:',
    ':',
    ':::',
    '12345::',
    'g::1',
    '::1.2.3',
    '1:2:3:4:5:6:7:1.2.3.4',
    '1:2:3:4:5:6::1.2.3.4',
    '::01.2.3.4',
    '1.2.3.4::',
    '1.2.3.4:1::',
    '::ffff:256.1.1.1',
    '::1.2.3.4:5',
    'localhost',
  ];

  it.each(invalid)('refuses %p', (text) => {
    expect(parseIpAddress(text)).toBeNull();
  });

  it('agrees with the JSON Schema patterns and with node:net isIP on every sample', () => {
    const samples = [...invalid.filter((text) => !text.includes('%')), '192.0.2.1', '::', '::ffff:1.2.3.4', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8'];
    for (const text of samples) {
      const parsed = parseIpAddress(text);
      expect({ text, version: parsed?.version ?? 0 }).toEqual({ text, version: isIP(text) });
      expect({ text, v4: ipv4Pattern.test(text), v6: ipv6Pattern.test(text) }).toEqual({ text, v4: parsed?.version === 4, v6: parsed?.version === 6 });
    }
  });
});

describe('the parser, the patterns and node:net on generated text', () => {
  const next = random(20240601);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];

  /** A random address written in one of the ways RFC 4291 allows: full, padded, upper case, compressed, IPv4 tail. */
  function randomIpv6Text(): { text: string; groups: number[] } {
    const groups = Array.from({ length: 8 }, () => (next() < 0.4 ? 0 : Math.floor(next() * (next() < 0.5 ? 0x10 : 0x10000))));
    let parts = groups.map((group) => {
      const hex = group.toString(16);
      const padded = next() < 0.2 ? hex.padStart(4, '0') : hex;
      return next() < 0.2 ? padded.toUpperCase() : padded;
    });
    if (next() < 0.3) parts = [...parts.slice(0, 6), [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.')];
    const last = parts.length;
    const zeroRuns: [number, number][] = [];
    for (let start = 0; start < last; start++) {
      for (let end = start + 1; end <= last && groups[end - 1] === 0 && !parts[end - 1].includes('.'); end++) zeroRuns.push([start, end]);
    }
    if (zeroRuns.length > 0 && next() < 0.8) {
      const [start, end] = pick(zeroRuns);
      return { text: `${parts.slice(0, start).join(':')}::${parts.slice(end).join(':')}`, groups };
    }
    return { text: parts.join(':'), groups };
  }

  function mutated(text: string): string {
    const alphabet = '0123456789abcdefABCDEFg:.:.';
    const at = Math.floor(next() * (text.length + 1));
    const change = next();
    if (change < 0.33) return text.slice(0, at) + pick([...alphabet]) + text.slice(at);
    if (change < 0.66) return text.slice(0, at) + text.slice(at + 1);
    return text.slice(0, at) + pick([...alphabet]) + text.slice(at + 1);
  }

  it('reads 2,000 generated IPv6 texts to their address, in the text the WHATWG URL parser also gives', () => {
    for (let sample = 0; sample < 2000; sample++) {
      const { text, groups } = randomIpv6Text();
      const parsed = parseIpAddress(text);
      expect({ text, groups: parsed && Array.from({ length: 8 }, (_, index) => (parsed.bytes[2 * index] << 8) | parsed.bytes[2 * index + 1]) }).toEqual({ text, groups });
      expect(ipv6Pattern.test(text)).toBe(true);
      expect(isIP(text)).toBe(6);
      // The URL standard compresses the first longest zero run too; it writes IPv4-mapped addresses in hex.
      if (!parsed!.text.startsWith('::ffff:') || parsed!.text.includes(':', 7)) {
        expect({ text, canonical: parsed!.text }).toEqual({ text, canonical: new URL(`http://[${text}]/`).hostname.slice(1, -1) });
      }
      // Canonical text reads back to itself.
      expect(parseIpAddress(parsed!.text)?.text).toBe(parsed!.text);
    }
  });

  it('agrees with the patterns and node:net isIP on 10,000 mutated texts, valid or not', () => {
    let valid = 0;
    for (let sample = 0; sample < 10000; sample++) {
      let text = next() < 0.5 ? randomIpv6Text().text : Array.from({ length: 4 }, () => Math.floor(next() * 256)).join('.');
      const mutations = Math.floor(next() * 3);
      for (let count = 0; count < mutations; count++) text = mutated(text);
      const parsed = parseIpAddress(text);
      if (parsed) valid++;
      expect({ text, version: parsed?.version ?? 0 }).toEqual({ text, version: isIP(text) });
      expect({ text, v4: ipv4Pattern.test(text), v6: ipv6Pattern.test(text) }).toEqual({ text, v4: parsed?.version === 4, v6: parsed?.version === 6 });
    }
    // Both kinds are well represented.
    expect(valid).toBeGreaterThan(2000);
    expect(valid).toBeLessThan(8000);
  });
});

describe('parseIpPrefix', () => {
  it.each([
    ['192.0.2.1/24', '192.0.2.1/24', 24],
    ['192.0.2.1/0', '192.0.2.1/0', 0],
    ['192.0.2.1/32', '192.0.2.1/32', 32],
    ['2001:DB8::1/64', '2001:db8::1/64', 64],
    ['2001:db8::/128', '2001:db8::/128', 128],
    ['::ffff:192.0.2.1/120', '::ffff:192.0.2.1/120', 120],
  ])('reads %s as %s', (text, canonical, prefixLength) => {
    expect(parseIpPrefix(text)).toMatchObject({ ok: true, prefix: { text: canonical, prefixLength } });
  });

  it.each([['192.0.2.1/33', 4], ['192.0.2.1/999', 4], ['2001:db8::/129', 6]])('refuses %s as a prefix length past IPv%d\'s', (text, version) => {
    expect(parseIpPrefix(text)).toEqual({ ok: false, reason: 'prefix-length', version });
  });

  it.each(['192.0.2.1', '192.0.2.1/', '/24', '192.0.2.1/024', '192.0.2.1/ 24', '192.0.2.1/+24', '192.0.2.1/24/', '192.0.2.1//24', '192.0.2.1/1000', '192.0.2.1/2a', '300.0.2.1/24', '192.0.2.1 /24', 'fe80::1%eth0/64'])(
    'refuses %p as not address/length',
    (text) => {
      expect(parseIpPrefix(text)).toEqual({ ok: false, reason: 'syntax' });
    },
  );
});

describe('host bits', () => {
  it.each([
    ['192.0.2.1/24', true, '192.0.2.0/24'],
    ['192.0.2.0/24', false, '192.0.2.0/24'],
    ['10.0.0.0/8', false, '10.0.0.0/8'],
    ['10.128.0.0/9', false, '10.128.0.0/9'],
    ['10.192.0.0/9', true, '10.128.0.0/9'],
    ['192.0.2.255/31', true, '192.0.2.254/31'],
    ['192.0.2.255/32', false, '192.0.2.255/32'],
    ['0.0.0.0/0', false, '0.0.0.0/0'],
    ['1.2.3.4/0', true, '0.0.0.0/0'],
    ['2001:db8::1/64', true, '2001:db8::/64'],
    ['2001:db8:8000::/33', false, '2001:db8:8000::/33'],
    ['2001:db8:c000::/33', true, '2001:db8:8000::/33'],
    ['::/0', false, '::/0'],
    ['::1/128', false, '::1/128'],
    ['::1/127', true, '::/127'],
  ])('%s has host bits set: %p; its network is %s', (text, set, network) => {
    expect(hasHostBits(prefix(text))).toBe(set);
    expect(networkOf(prefix(text)).text).toBe(network);
  });
});

describe('patterns', () => {
  it('matches exactly the integers of a range, without leading zeros', () => {
    const range = new RegExp(`^${integerRangePattern(8, 24)}$`, 'u');
    for (let value = 0; value <= 200; value++) expect({ value, matches: range.test(String(value)) }).toEqual({ value, matches: value >= 8 && value <= 24 });
    expect(range.test('08')).toBe(false);
    expect(range.test('')).toBe(false);
  });

  it('matches a prefix of one family within the lengths', () => {
    const v4 = new RegExp(`^${prefixPattern(4, 16, 24)}$`, 'u');
    expect(['192.0.2.0/16', '192.0.2.0/24'].every((text) => v4.test(text))).toBe(true);
    expect(['192.0.2.0/15', '192.0.2.0/25', '2001:db8::/16', '192.0.2.0', '192.0.2.0/016'].some((text) => v4.test(text))).toBe(false);
    const v6 = new RegExp(`^${prefixPattern(6, 0, 128)}$`, 'u');
    expect(['::/0', '2001:db8::/128', '::ffff:192.0.2.0/120'].every((text) => v6.test(text))).toBe(true);
    expect(['::/129', '192.0.2.0/24'].some((text) => v6.test(text))).toBe(false);
  });
});
