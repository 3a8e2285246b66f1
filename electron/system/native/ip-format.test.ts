import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIpv4At, formatIpv6At } from './ip-format';

const v6 = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex.replace(/[^0-9a-f]/gi, ''), 'hex'));

describe('formatIpv4At', () => {
  it('reads four bytes in network order at the offset', () => {
    expect(formatIpv4At(Uint8Array.from([9, 192, 168, 1, 10]), 1)).toBe('192.168.1.10');
    expect(formatIpv4At(Uint8Array.from([0, 0, 0, 0]), 0)).toBe('0.0.0.0');
  });
});

describe('formatIpv6At (as netstat prints addresses)', () => {
  it.each([
    ['0000 0000 0000 0000 0000 0000 0000 0000', 0, '::'],
    ['0000 0000 0000 0000 0000 0000 0000 0001', 0, '::1'],
    ['fe80 0000 0000 0000 1c2d 3e4f 5a6b 7c8d', 12, 'fe80::1c2d:3e4f:5a6b:7c8d%12'],
    ['2001 0db8 0000 0001 0000 0000 0000 0001', 0, '2001:db8:0:1::1'],
    ['2001 0db8 0000 0001 0001 0001 0001 0001', 0, '2001:db8:0:1:1:1:1:1'], // one zero word stays
    ['2001 0000 0000 0001 0000 0000 0001 0001', 0, '2001::1:0:0:1:1'], // a tie: the first run
    ['2001 0000 0001 0000 0000 0000 0001 0000', 0, '2001:0:1::1:0'], // the longest run wins
    ['fd00 0000 0000 0000 0000 0000 0000 0000', 0, 'fd00::'],
    ['ABCD EF01 0000 0000 0000 0000 0000 0000', 0, 'abcd:ef01::'],
    ['0000 0000 0000 0000 0000 ffff c0a8 0105', 0, '::ffff:192.168.1.5'], // IPv4-mapped
    ['0000 0000 0000 0000 ffff 0000 0102 0304', 0, '::ffff:0:1.2.3.4'], // IPv4-translated
    ['0000 0000 0000 0000 0000 0000 0102 0304', 0, '::1.2.3.4'], // IPv4-compatible
    ['0000 0000 0000 0000 0000 0000 0000 0102', 0, '::102'], // upper IPv4 half zero: hex
    ['0000 0000 0000 0000 0000 ffff 0000 0001', 0, '::ffff:0:1'], // mapped with a zero upper half: hex
    ['fe80 0000 0000 0000 0000 5efe 0a00 0001', 7, 'fe80::5efe:10.0.0.1%7'], // ISATAP
    ['2001 0db8 0000 0000 0200 5efe 0a00 0001', 0, '2001:db8::200:5efe:10.0.0.1'], // ISATAP, global id
  ])('%s %%%d → %s', (hex, scope, expected) => {
    expect(formatIpv6At(v6(hex), 0, scope)).toBe(expected);
  });

  it('reads at an offset', () => {
    const bytes = new Uint8Array(20);
    bytes[4 + 15] = 1;
    expect(formatIpv6At(bytes, 4, 0)).toBe('::1');
  });

  it('prints a scope id as an unsigned decimal', () => {
    expect(formatIpv6At(v6('fe80 0000 0000 0000 0000 0000 0000 0001'), 0, 0xffff_ffff)).toBe('fe80::1%4294967295');
  });

  it('compresses like RFC 5952 (the WHATWG URL host serializer) whenever no IPv4 tail applies', () => {
    const word = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff }));
    fc.assert(
      fc.property(fc.array(word, { minLength: 8, maxLength: 8 }), (words) => {
        const [w0, w1, w2, w3, w4, w5] = words;
        fc.pre(!(w0 === 0 && w1 === 0 && w2 === 0 && w3 === 0)); // IPv4-compatible/-mapped/-translated forms
        fc.pre(w5 !== 0x5efe); // ISATAP
        void w4;
        const bytes = Buffer.alloc(16);
        words.forEach((value, index) => bytes.writeUInt16BE(value, index * 2));
        const url = new URL(`http://[${words.map((value) => value.toString(16)).join(':')}]/`);
        expect(formatIpv6At(bytes, 0, 0)).toBe(url.hostname.slice(1, -1));
      }),
    );
  });
});
