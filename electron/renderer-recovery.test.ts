import { describe, expect, it } from 'vitest';
import {
  RECREATE_LIMIT,
  RECREATE_WINDOW_MS,
  SANDBOX_FAILURE_MESSAGE,
  decideRecovery,
  initialRecoveryState,
  type RecoveryEvent,
  type RecoveryState,
} from './renderer-recovery';

/** Feeds events in order (each at its own time) and returns every decision and the final state. */
const run = (events: ReadonlyArray<readonly [number, RecoveryEvent]>, state: RecoveryState = initialRecoveryState) => {
  const actions: string[] = [];
  const decisions = [];
  for (const [at, event] of events) {
    const step = decideRecovery(state, event, at);
    state = step.state;
    actions.push(step.decision.action);
    decisions.push(step.decision);
  }
  return { actions, decisions, state };
};

const loaded = [0, { type: 'loaded' }] as const;
const gone = (at: number, reason = 'crashed') => [at, { type: 'renderer-gone', reason }] as const;

describe('renderer recovery: after the first load', () => {
  it('recreates a crashed renderer up to the limit, then gives up with a log line', () => {
    const { actions, decisions } = run([loaded, gone(1_000), gone(2_000), gone(3_000), gone(4_000)]);
    expect(actions).toEqual(['none', 'recreate', 'recreate', 'recreate', 'give-up']);
    expect(decisions.at(-1)).toMatchObject({ log: expect.stringContaining(`${RECREATE_LIMIT + 1} times in a minute`) });
  });

  it('counts only the last minute: spaced-out crashes are recreated forever', () => {
    const events = [loaded, ...Array.from({ length: 10 }, (_, i) => gone((i + 1) * (RECREATE_WINDOW_MS / 2 + 1)))];
    expect(run(events).actions.slice(1)).toEqual(Array(10).fill('recreate'));
  });

  it('recreates a window that stayed unresponsive, under the same limit', () => {
    const hung = (at: number) => [at, { type: 'hung' }] as const;
    const { actions, decisions } = run([loaded, hung(1), gone(2), hung(3), hung(4)]);
    expect(actions).toEqual(['none', 'recreate', 'recreate', 'recreate', 'give-up']);
    expect(decisions[1]).toMatchObject({ log: expect.stringContaining('unresponsive for 10 s') });
  });

  it.each(['launch-failed', 'integrity-failure', 'oom', 'killed'])('treats %s as a crash to recover from', (reason) => {
    expect(run([loaded, gone(1, reason)]).actions).toEqual(['none', 'recreate']);
  });
});

describe('renderer recovery: before any page loaded (the sandbox cannot start)', () => {
  it.each(['launch-failed', 'crashed', 'integrity-failure'])('%s: explains once, never retries', (reason) => {
    const { actions, decisions, state } = run([gone(1, reason), gone(2, reason)]);
    expect(actions).toEqual(['sandbox-failure', 'sandbox-failure']);
    expect(decisions.map((d) => ('notify' in d ? d.notify : null))).toEqual([true, false]);
    expect(state.recreations).toEqual([]);
  });

  it('a renderer killed (not failing) before the first load is simply recreated', () => {
    expect(run([gone(1, 'killed')]).actions).toEqual(['recreate']);
  });

  it("a 'Tab' child that failed to launch counts as the renderer", () => {
    const { actions } = run([[1, { type: 'child-gone', processType: 'Tab', reason: 'launch-failed' }]]);
    expect(actions).toEqual(['sandbox-failure']);
  });

  it('the message is honest: sandbox stays on, concrete steps, no switch that weakens anything', () => {
    expect(SANDBOX_FAILURE_MESSAGE).toMatch(/sandbox/);
    expect(SANDBOX_FAILURE_MESSAGE).toMatch(/never turns the sandbox off/);
    expect(SANDBOX_FAILURE_MESSAGE).toMatch(/Windows updates/);
    expect(SANDBOX_FAILURE_MESSAGE).toMatch(/security or endpoint-protection software/);
    expect(SANDBOX_FAILURE_MESSAGE).toMatch(/tray/);
    // Mentioned only as what Portwarden refuses to do; no switch is offered as a workaround.
    expect(SANDBOX_FAILURE_MESSAGE.match(/--[a-z-]+/g)).toEqual(['--no-sandbox']);
    expect(SANDBOX_FAILURE_MESSAGE).not.toMatch(/disable-gpu|in-process-gpu|disable-features/);
  });
});

describe('renderer recovery: other child processes', () => {
  it('GPU and utility processes are only logged, however often they go', () => {
    const gpu = (at: number) => [at, { type: 'child-gone', processType: 'GPU', reason: 'crashed' }] as const;
    const utility = [
      5,
      { type: 'child-gone', processType: 'Utility', reason: 'crashed', name: 'Network Service' },
    ] as const;
    const { actions, decisions, state } = run([gpu(1), gpu(2), gpu(3), gpu(4), utility]);
    expect(actions).toEqual(['log', 'log', 'log', 'log', 'log']);
    expect(decisions.at(-1)).toMatchObject({ log: 'Portwarden: Utility (Network Service) process gone (crashed)' });
    expect(state).toEqual(initialRecoveryState);
  });

  it('a GPU launch failure is not mistaken for the renderer sandbox', () => {
    const { actions } = run([[1, { type: 'child-gone', processType: 'GPU', reason: 'launch-failed' }]]);
    expect(actions).toEqual(['log']);
  });
});
