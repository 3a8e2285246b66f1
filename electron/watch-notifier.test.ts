import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WatchedPort } from '../shared/model';

const { fake } = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('../test/fake-electron');
  return { fake: createFakeElectron() };
});
vi.mock('electron', () => fake.module);

const { createWatchNotifier } = await import('./watch-notifier');
const at = '2026-11-23T00:00:00.000Z';

describe('watch notifier', () => {
  beforeEach(() => fake.reset());

  it('notifies for each port that became reserved or taken, and a click opens the doctor on it', () => {
    const opened: WatchedPort[] = [];
    const notify = createWatchNotifier({ locale: 'en-US', openDoctor: (t) => opened.push(t) });
    notify([
      {
        port: 8065,
        protocol: 'tcp',
        status: 'reserved',
        reason: 'Inside 8031–8130, reserved by WinNAT/Hyper-V',
        checkedAt: at,
      },
      { port: 3000, protocol: 'tcp', status: 'taken', reason: 'node.exe (PID 4242)', checkedAt: at },
      { port: 5432, protocol: 'tcp', status: 'free', checkedAt: at },
    ]);
    const shown = fake.state.notifications.filter((n) => n.shown);
    expect(shown.map((n) => n.options.title)).toEqual(['Port 8065 is now reserved', 'Port 3000 is now in use']);
    expect(shown[0]!.options.body).toContain('8031–8130');
    shown[0]!.emit('click');
    expect(opened).toEqual([{ port: 8065, protocol: 'tcp' }]);
  });

  it('speaks Korean when the system does', () => {
    createWatchNotifier({ locale: 'ko-KR', openDoctor: () => undefined })([
      { port: 8065, protocol: 'tcp', status: 'reserved', checkedAt: at },
    ]);
    expect(fake.state.notifications[0]!.options.title).toBe('8065번 포트가 예약되었습니다');
  });
});
