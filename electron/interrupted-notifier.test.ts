import { beforeEach, describe, expect, it, vi } from 'vitest';

const { fake } = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('../test/fake-electron');
  return { fake: createFakeElectron() };
});
vi.mock('electron', () => fake.module);

const { notifyInterruptedChanges } = await import('./interrupted-notifier');

describe('interrupted-change notifier', () => {
  beforeEach(() => fake.reset());

  it('shows one notification for the unfinished changes; a click opens the window', () => {
    let opened = 0;
    expect(notifyInterruptedChanges({ locale: 'en-US', count: 2, open: () => (opened += 1) })).toBe(true);
    const shown = fake.state.notifications.filter((n) => n.shown);
    expect(shown.map((n) => n.options.title)).toEqual(['2 changes were interrupted']);
    expect(shown[0]!.options.body).toContain('finish or roll it back');
    shown[0]!.emit('click');
    expect(opened).toBe(1);
  });

  it('stays quiet with nothing unfinished, and speaks Korean when the system does', () => {
    expect(notifyInterruptedChanges({ locale: 'en-US', count: 0, open: () => undefined })).toBe(false);
    expect(fake.state.notifications).toEqual([]);
    notifyInterruptedChanges({ locale: 'ko-KR', count: 1, open: () => undefined });
    expect(fake.state.notifications[0]!.options.title).toBe('변경이 중간에 멈췄습니다');
  });
});
