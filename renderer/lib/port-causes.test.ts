import { describe, expect, it } from 'vitest';
import { indexPortFacts } from '../../shared/port-verdict';
import { sampleEndpoint, sampleRule, sampleSnapshot } from '../../test/helpers/fake-api';
import { causesIn, factsOf, mapLayers, marksAt } from './port-causes';

describe('the port map over the shared verdict', () => {
  const facts = factsOf({
    snapshot: sampleSnapshot(),
    endpoints: [
      sampleEndpoint({ localPort: 8080 }),
      sampleEndpoint({ localPort: 8080, ipVersion: 'ipv6', localAddress: '::' }),
      sampleEndpoint({ localPort: 5353, protocol: 'udp', state: null }),
    ],
    rules: [sampleRule()],
  });
  const index = indexPortFacts(facts);

  it('hover: the doctor causes of one port that hold in the shown IP version, in the doctor order', () => {
    const causes = causesIn(index, 8080, { protocol: 'tcp', ipVersion: 'ipv4' });
    expect(causes.map((c) => c.kind)).toEqual(['excluded', 'forwarded', 'owned', 'dynamic-range']);
    expect(causesIn(index, 8080, { protocol: 'udp', ipVersion: 'ipv4' })).toEqual([]);
    // portproxy is TCP, and v4tov4 listens on IPv4 only.
    expect(causesIn(index, 8080, { protocol: 'tcp', ipVersion: 'ipv6' }).map((c) => c.kind)).toEqual([
      'excluded',
      'owned',
      'dynamic-range',
    ]);
  });

  it('hover on a protected port: protected, and no dynamic-range warning in that IP version', () => {
    const causes = causesIn(index, 50000, { protocol: 'tcp', ipVersion: 'ipv4' });
    expect(causes.map((c) => c.kind)).toEqual(['excluded']);
    // IPv6 has no exclusion at 50000: there the dynamic range still applies.
    expect(causesIn(index, 50000, { protocol: 'tcp', ipVersion: 'ipv6' }).map((c) => c.kind)).toEqual([
      'dynamic-range',
    ]);
  });

  it('precomputes layers per family, and marks exactly the range ends', () => {
    const tcp4 = mapLayers({ protocol: 'tcp', ipVersion: 'ipv4' }, facts);
    expect(tcp4.system).toEqual([{ start: 8031, end: 8130, administered: false }]);
    expect(tcp4.administered).toEqual([{ start: 50000, end: 50059, administered: true }]);
    expect(tcp4.dynamic).toEqual({ start: 1024, end: 65534 });
    expect(tcp4.listeners).toEqual([8080]);
    expect(tcp4.forwarded).toEqual([8080]);
    expect(mapLayers({ protocol: 'udp', ipVersion: 'ipv4' }, facts).listeners).toEqual([5353]);
    expect(marksAt(tcp4, 8130).has('system')).toBe(true);
    expect(marksAt(tcp4, 8131).has('system')).toBe(false);
    expect(marksAt(tcp4, 65534).has('dynamic')).toBe(true);
    expect(marksAt(tcp4, 65535).has('dynamic')).toBe(false);
  });
});
