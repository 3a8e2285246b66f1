import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressKind } from './addresses';
import { HOSTILE_ADDRESSES, HOSTILE_PORTS } from '../test/helpers/hostile-inputs';
import { deriveProxyType } from './proxy-rules';
import { addExclusionSchema, portSchema, proxyRuleInputSchema } from './validate';

const rule = (overrides: Record<string, unknown> = {}) => ({
  listenAddress: '0.0.0.0',
  listenPort: '8080',
  connectAddress: '172.28.241.140',
  connectPort: '80',
  ...overrides,
});

describe('ports', () => {
  it.each(HOSTILE_PORTS.map((p) => [JSON.stringify(p) ?? String(p), p]))('rejects %s', (_label, value) => {
    expect(portSchema.safeParse(value).success).toBe(false);
  });

  it('accepts every canonical port 1..65535 as text and as an integer (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 65535 }), (port) => {
        expect(portSchema.parse(String(port))).toBe(port);
        expect(portSchema.parse(port)).toBe(port);
      }),
    );
  });

  it('accepts a string only when it is the canonical decimal of a port (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), (text) => {
        const parsed = portSchema.safeParse(text);
        const canonical = /^[1-9][0-9]{0,4}$/.test(text) && Number(text) <= 65535;
        expect(parsed.success).toBe(canonical);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('addresses', () => {
  it('has at least 50 hostile strings in the corpus', () => {
    expect(HOSTILE_ADDRESSES.length).toBeGreaterThanOrEqual(50);
  });

  it.each(HOSTILE_ADDRESSES.map((a) => [JSON.stringify(a), a]))(
    'rejects %s as a connect and listen address',
    (_label, text) => {
      expect(proxyRuleInputSchema.safeParse(rule({ connectAddress: text })).success).toBe(false);
      expect(proxyRuleInputSchema.safeParse(rule({ listenAddress: text })).success).toBe(false);
    },
  );

  it.each([
    ['192.168.1.10', 'ipv4'],
    ['0.0.0.0', 'ipv4'],
    ['::', 'ipv6'],
    ['::1', 'ipv6'],
    ['fe80::1', 'ipv6'],
    ['::ffff:192.168.1.1', 'ipv6'],
    ['localhost', 'hostname'],
    ['devbox.lan', 'hostname'],
    ['wsl-host', 'hostname'],
    ['xn--bcher-kva.ch', 'hostname'],
  ])('classifies %s as %s', (text, kind) => {
    expect(addressKind(text)).toBe(kind);
  });

  it('never accepts an address containing a space, =, /, quote or control character (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.constantFrom(' ', '=', '/', '"', "'", '\r', '\n', '\t', '\u0000', '&', '|'),
        (base, bad) => {
          const text = `${base.slice(0, 10)}${bad}${base.slice(10)}`;
          expect(addressKind(text)).toBeNull();
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('round-trips every IPv4 literal built from octets (property)', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(addressKind(ip)).toBe('ipv4');
      }),
    );
  });

  it('accepts generated IPv6 literals as ipv6 (property)', () => {
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        expect(addressKind(ip)).toBe('ipv6');
      }),
    );
  });
});

describe('rule type', () => {
  it.each([
    ['0.0.0.0', '172.28.241.140', 'v4tov4'],
    ['127.0.0.1', '::1', 'v4tov6'],
    ['::', '172.28.241.140', 'v6tov4'],
    ['::', 'fe80::2', 'v6tov6'],
    ['0.0.0.0', 'devbox.lan', 'v4tov4'],
    ['::', 'devbox.lan', 'v6tov6'],
    ['localhost', '::1', 'v6tov6'],
    ['*', '10.0.0.5', 'v4tov4'],
  ])('derives %s -> %s as %s', (listen, connect, type) => {
    expect(deriveProxyType(listen, connect)).toBe(type);
    expect(proxyRuleInputSchema.parse(rule({ listenAddress: listen, connectAddress: connect })).type).toBe(type);
  });

  it('rejects a type that contradicts the literals, naming the type field', () => {
    const parsed = proxyRuleInputSchema.safeParse(rule({ type: 'v6tov6' }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['type']);
    expect(parsed.error?.issues[0]?.message).toBe('type-mismatch');
  });

  it('names the offending field with a translatable key', () => {
    const parsed = proxyRuleInputSchema.safeParse(rule({ connectPort: '080' }));
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['connectPort', 'port-format']]);
  });

  it('rejects unknown keys (no prototype tricks)', () => {
    const parsed = proxyRuleInputSchema.safeParse(
      JSON.parse(
        '{"listenAddress":"0.0.0.0","listenPort":"1","connectAddress":"1.2.3.4","connectPort":"1","__proto__":{"x":1}}',
      ),
    );
    expect(parsed.success).toBe(false);
  });
});

describe('excluded range input', () => {
  it('keeps start + count within 65535 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 1, max: 65535 }), (start, count) => {
        const parsed = addExclusionSchema.safeParse({
          protocol: 'tcp',
          ipVersion: 'ipv4',
          startPort: start,
          numberOfPorts: count,
        });
        expect(parsed.success).toBe(start + count - 1 <= 65535);
      }),
    );
  });
});
