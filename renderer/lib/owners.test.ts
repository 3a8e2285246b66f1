import { describe, expect, it } from 'vitest';
import { sampleEndpoint } from '../../test/helpers/fake-api';
import { closeRefusal, endpointMatches, endpointsOfProcess, killRefusal, lookupCandidates, ownersCsv } from './owners';

describe('owners helpers', () => {
  const node = sampleEndpoint({ localPort: 8080, services: ['MyService'] });

  it('filters by whole port or PID, and by process or service text', () => {
    expect(endpointMatches(node, '8080')).toBe(true);
    expect(endpointMatches(node, '80')).toBe(false);
    expect(endpointMatches(node, '4242')).toBe(true);
    expect(endpointMatches(node, 'NODE')).toBe(true);
    expect(endpointMatches(node, 'node.exe:8080')).toBe(true);
    expect(endpointMatches(node, 'myserv')).toBe(true);
    expect(endpointMatches(node, '  ')).toBe(true);
  });

  it('finds a process by its path and user (native layer) and a connection by its remote name', () => {
    const withDetails = sampleEndpoint({ path: 'C:\\Tools\\node.exe', user: 'DEVBOX\\dev' });
    expect(endpointMatches(withDetails, 'c:\\tools')).toBe(true);
    expect(endpointMatches(withDetails, 'devbox\\')).toBe(true);
    expect(endpointMatches(node, 'c:\\tools')).toBe(false);
    expect(endpointMatches(node, 'github', 'lb-140-82-112-4-iad.github.com')).toBe(true);
  });

  it('says why a connection cannot be closed: IPv6 first, then the state, then the native layer', () => {
    const established = sampleEndpoint({
      state: 'ESTABLISHED',
      remoteAddress: '140.82.112.4',
      remotePort: 443,
    });
    expect(closeRefusal(established, true)).toBeNull();
    expect(closeRefusal(established, false)).toBe('no-native');
    expect(closeRefusal({ ...established, ipVersion: 'ipv6', localAddress: '::1' }, true)).toBe('ipv6');
    expect(closeRefusal({ ...established, state: 'TIME_WAIT' }, true)).toBe('not-established');
    expect(closeRefusal(sampleEndpoint(), true)).toBe('not-established');
    expect(closeRefusal({ ...established, pid: null, image: null }, true)).toBe('no-process');
  });

  it('lists every endpoint of a process and the remote addresses worth a lookup, each once', () => {
    const a = sampleEndpoint({ pid: 7, localPort: 1 });
    const b = sampleEndpoint({ pid: 7, localPort: 2, state: 'ESTABLISHED', remoteAddress: '10.0.0.1', remotePort: 9 });
    const c = sampleEndpoint({ pid: 8, localPort: 3, state: 'ESTABLISHED', remoteAddress: '10.0.0.1', remotePort: 8 });
    const d = sampleEndpoint({ pid: 8, localPort: 4, state: 'ESTABLISHED', remoteAddress: '10.0.0.2', remotePort: 8 });
    const listener = sampleEndpoint({ remoteAddress: '0.0.0.0', remotePort: 0 });
    expect(endpointsOfProcess([a, b, c], 7)).toEqual([a, b]);
    expect(endpointsOfProcess([a, b, c], null)).toEqual([]);
    expect(lookupCandidates([listener, b, c, d], new Map(), new Set(), 10)).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(lookupCandidates([b, d], new Map([['10.0.0.1', null]]), new Set(), 10)).toEqual(['10.0.0.2']);
    expect(lookupCandidates([b, d], new Map(), new Set(['10.0.0.2']), 10)).toEqual(['10.0.0.1']);
    expect(lookupCandidates([b, d], new Map(), new Set(), 1)).toEqual(['10.0.0.1']);
  });

  it('refuses what the main process refuses', () => {
    expect(killRefusal({ pid: 4, image: 'System' })).toBe('system');
    expect(killRefusal({ pid: 0, image: 'System Idle Process' })).toBe('system');
    expect(killRefusal({ pid: 612, image: 'lsass.exe' })).toBe('critical');
    expect(killRefusal({ pid: 612, image: 'node.exe' })).toBeNull();
    expect(killRefusal({ pid: null, image: null })).toBe('no-process');
  });

  it('writes CSV with a header and quotes what needs it', () => {
    const csv = ownersCsv(
      [sampleEndpoint({ services: ['a', 'b'], image: 'my, "app".exe' })],
      ['Protocol', 'x'],
      () => 'why',
    );
    expect(csv.split('\r\n')).toEqual([
      'Protocol,x',
      'TCP,0.0.0.0,3000,,LISTENING,4242,"my, ""app"".exe",,,a b,why',
      '',
    ]);
  });
});
