import { describe, expect, it } from 'vitest';
import { sampleEndpoint } from '../../test/helpers/fake-api';
import { endpointMatches, killRefusal, ownersCsv } from './owners';

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
    expect(csv.split('\r\n')).toEqual(['Protocol,x', 'TCP,0.0.0.0,3000,,LISTENING,4242,"my, ""app"".exe",a b,why', '']);
  });
});
