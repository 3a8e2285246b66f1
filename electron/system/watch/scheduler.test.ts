import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWatchScheduler } from './scheduler';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const setup = (options: { visible?: boolean; checkMs?: number } = {}) => {
  let visible = options.visible ?? false;
  let running = 0;
  let overlapped = false;
  const check = vi.fn(async () => {
    running++;
    if (running > 1) overlapped = true;
    // An instant check stays instant: even a 0 ms timer would add 1 ms per cycle under fake timers.
    if (options.checkMs) await new Promise((resolve) => setTimeout(resolve, options.checkMs));
    running--;
  });
  const scheduler = createWatchScheduler({ check, isWindowVisible: () => visible });
  return {
    scheduler,
    check,
    setVisible: (value: boolean) => {
      visible = value;
    },
    overlapped: () => overlapped,
  };
};

describe('watch scheduler', () => {
  it('checks at start, then once a minute while the window is hidden', async () => {
    const { scheduler, check } = setup();
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(check).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(check).toHaveBeenCalledTimes(7);
    scheduler.stop();
  });

  it('every 15 s while the window is visible, back to a minute once hidden', async () => {
    const { scheduler, check, setVisible } = setup({ visible: true });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(check).toHaveBeenCalledTimes(5); // 0, 15, 30, 45, 60 s
    setVisible(false);
    await vi.advanceTimersByTimeAsync(15_000); // the timer set while visible still fires once
    expect(check).toHaveBeenCalledTimes(6);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(check).toHaveBeenCalledTimes(6);
    await vi.advanceTimersByTimeAsync(1000);
    expect(check).toHaveBeenCalledTimes(7);
    scheduler.stop();
  });

  it('times the next check from the end of a slow one, so checks never overlap', async () => {
    const { scheduler, check, overlapped } = setup({ visible: true, checkMs: 20_000 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(34_999); // 20 s check + 15 s pause
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(check).toHaveBeenCalledTimes(2);
    scheduler.poke(); // during the check: one more right after it, not a second one in parallel
    scheduler.poke();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(check).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(20_000 + 15_000);
    expect(check).toHaveBeenCalledTimes(4);
    expect(overlapped()).toBe(false);
    scheduler.stop();
  });

  it('poke checks now (window shown) and restarts the interval', async () => {
    const { scheduler, check, setVisible } = setup();
    scheduler.start();
    await vi.advanceTimersByTimeAsync(30_000);
    setVisible(true);
    scheduler.poke();
    await vi.advanceTimersByTimeAsync(0);
    expect(check).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(check).toHaveBeenCalledTimes(3);
    scheduler.stop();
  });

  it('stop cancels the pending check and one in flight schedules nothing; poke after stop does nothing', async () => {
    const { scheduler, check } = setup({ checkMs: 1000 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(500);
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(check).toHaveBeenCalledTimes(1);
    scheduler.poke();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(check).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a failing check keeps the schedule', async () => {
    const check = vi.fn(async () => {
      throw new Error('boom');
    });
    const scheduler = createWatchScheduler({ check, isWindowVisible: () => false });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(check).toHaveBeenCalledTimes(3);
    scheduler.stop();
  });

  it('uses the injected timers and intervals', async () => {
    const timers: { callback: () => void; ms: number }[] = [];
    const check = vi.fn(async () => undefined);
    const scheduler = createWatchScheduler({
      check,
      isWindowVisible: () => false,
      hiddenIntervalMs: 5000,
      setTimeout: (callback, ms) => timers.push({ callback, ms }),
      clearTimeout: () => undefined,
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(check).toHaveBeenCalledTimes(1);
    expect(timers.map((t) => t.ms)).toEqual([5000]);
    timers[0]!.callback();
    await vi.advanceTimersByTimeAsync(0);
    expect(check).toHaveBeenCalledTimes(2);
    scheduler.stop();
  });
});
