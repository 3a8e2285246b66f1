import { describe, expect, it } from 'vitest';
import type { DockerView, WslDistro } from '../../../shared/model';
import { sampleWslStatus } from '../../../test/helpers/fake-api';
import { containersFor, distroRefusal, preferredDistro, relativeTime, wslUnavailable } from './wsl-view';

const docker: DockerView = {
  available: true,
  readAt: '2025-01-01T00:00:00.000Z',
  containers: [
    {
      id: '1',
      name: 'redis-cache',
      image: 'redis:7',
      state: 'running',
      ports: [
        { ip: '0.0.0.0', privatePort: 6379, publicPort: 6379, protocol: 'tcp' },
        { ip: '::', privatePort: 6379, publicPort: 6379, protocol: 'tcp' },
      ],
    },
    {
      id: '2',
      name: 'web',
      image: 'nginx',
      state: 'running',
      ports: [{ ip: null, privatePort: 80, publicPort: null, protocol: 'tcp' }],
    },
  ],
};
const distro = (over: Partial<WslDistro>): WslDistro => ({
  name: 'Ubuntu',
  state: 'running',
  stateText: 'Running',
  version: 2,
  isDefault: false,
  ...over,
});

describe('wsl view helpers', () => {
  it('names the container of a Docker or WSL-relay port once per mapping, nothing for other owners', () => {
    expect(containersFor({ owner: 'docker', localPort: 6379, protocol: 'tcp' }, docker)).toEqual([
      'redis-cache (6379→6379/tcp)',
    ]);
    expect(containersFor({ owner: 'wsl-relay', localPort: 6379, protocol: 'tcp' }, docker)).toHaveLength(1);
    expect(containersFor({ owner: 'process', localPort: 6379, protocol: 'tcp' }, docker)).toEqual([]);
    expect(containersFor({ owner: 'docker', localPort: 6379, protocol: 'udp' }, docker)).toEqual([]);
    expect(
      containersFor({ owner: 'docker', localPort: 6379, protocol: 'tcp' }, { ...docker, available: false }),
    ).toEqual([]);
  });

  it('says why a rule cannot follow a distro: absent, mirrored, unknown mode, stopped, WSL 1', () => {
    expect(wslUnavailable(sampleWslStatus(), null)).toBeNull();
    expect(wslUnavailable(sampleWslStatus({ available: false, note: 'not installed' }), null)).toMatchObject({
      key: 'wsl.absentReason',
    });
    expect(
      wslUnavailable(sampleWslStatus({ networking: { mode: 'mirrored', source: 'wslconfig', profile: null } }), null),
    ).toEqual({ key: 'wsl.mirroredReason' });
    expect(
      wslUnavailable(sampleWslStatus({ networking: { mode: 'unknown', profile: null, error: 'line 2' } }), null),
    ).toEqual({ key: 'wsl.unknownReason', values: { error: 'line 2' } });
    expect(distroRefusal(distro({ state: 'stopped', stateText: 'Stopped' }))?.key).toBe('wsl.stoppedReason');
    expect(distroRefusal(distro({ version: 1 }))?.key).toBe('wsl.wsl1Reason');
    expect(distroRefusal(distro({}))).toBeNull();
    expect(
      preferredDistro([distro({ name: 'Debian', state: 'stopped', isDefault: true }), distro({ name: 'Ubuntu' })]),
    ).toBe('Ubuntu');
  });

  it('says "just now" under a minute (null) and counts minutes after', () => {
    const now = Date.parse('2025-01-01T00:10:00.000Z');
    expect(relativeTime('2025-01-01T00:09:30.000Z', now, 'en')).toBeNull();
    expect(relativeTime('2025-01-01T00:05:00.000Z', now, 'en')).toBe('5 min. ago');
    expect(relativeTime('2025-01-01T00:05:00.000Z', now, 'ko')).toBe('5분 전');
  });
});
