import { describe, expect, it } from 'vitest';
import type { RecoveryReport, UnfinishedChange } from '../../shared/model';
import { err, ok } from '../../shared/result';
import { createAppStore } from './create-app-store';
import { createFakeApi, sampleInfo, sampleUnfinishedChange } from '../../test/helpers/fake-api';

const change = sampleUnfinishedChange();
const rulesChange: UnfinishedChange = {
  ...change,
  id: '20250102T030405Z-rules1',
  operation: 'edit-rule',
  intent: { kind: 'rules', before: [], target: [], firewall: { before: [], want: [], release: [] } },
  current: { kind: 'rules', rules: [] },
};
const unresolved: RecoveryReport = {
  outcome: 'not-applied',
  steps: [{ step: 'add-exclusion', ok: false }],
  resolved: false,
  message: 'still there',
};

const count = (api: ReturnType<typeof createFakeApi>, method: string) =>
  api.calls.filter((c) => c.method === method).length;

describe('recovery slice', () => {
  it('lists interrupted changes at start', async () => {
    const api = createFakeApi({ listUnfinishedChanges: ok([change]) });
    const store = createAppStore(api);
    expect(store.getState().unfinished).toBeNull();
    store.getState().start();
    await expect.poll(() => store.getState().unfinished).toEqual([change]);
  });

  it('shows a notice when the journal cannot be read', async () => {
    const api = createFakeApi({ listUnfinishedChanges: err('command-failed', 'Could not read the change journal.') });
    const store = createAppStore(api);
    await store.getState().loadUnfinishedChanges();
    expect(store.getState().notices.map((n) => n.source)).toContain('journal');
    expect(store.getState().unfinished).toBeNull();
  });

  it('resolves with the chosen action, then re-reads the journal and the snapshot', async () => {
    const api = createFakeApi({ listUnfinishedChanges: ok([change]) });
    const store = createAppStore(api);
    await store.getState().loadSystemInfo();
    await store.getState().loadUnfinishedChanges();
    api.answers.listUnfinishedChanges = ok([]);
    const snapshotsBefore = count(api, 'getSnapshot');
    await store.getState().resolveUnfinishedChange(change.id, 'finish');
    expect(api.calls.filter((c) => c.method === 'resolveUnfinishedChange').map((c) => c.args)).toEqual([
      [{ id: change.id, action: 'finish' }],
    ]);
    expect(store.getState().unfinished).toEqual([]);
    expect(store.getState().recoveries).toEqual({});
    expect(store.getState().recovered).toEqual([
      {
        change,
        action: 'finish',
        report: { outcome: 'applied', steps: [], resolved: true, message: 'The interrupted change was finished.' },
      },
    ]);
    expect(count(api, 'getSnapshot')).toBe(snapshotsBefore + 1);
    store.getState().dismissRecovered(change.id);
    expect(store.getState().recovered).toEqual([]);
  });

  it('re-reads the rules (when loaded) after resolving a rules change', async () => {
    const api = createFakeApi({ listUnfinishedChanges: ok([rulesChange]) });
    const store = createAppStore(api);
    await store.getState().loadSystemInfo();
    await store.getState().loadRules();
    await store.getState().loadUnfinishedChanges();
    const before = count(api, 'listRules');
    await store.getState().resolveUnfinishedChange(rulesChange.id, 'roll-back');
    expect(count(api, 'listRules')).toBe(before + 1);
    expect(store.getState().recovered[0]?.action).toBe('roll-back');
  });

  it('keeps the change with its answer when it was not resolved', async () => {
    const api = createFakeApi({ listUnfinishedChanges: ok([change]), resolveUnfinishedChange: ok(unresolved) });
    const store = createAppStore(api);
    await store.getState().loadSystemInfo();
    await store.getState().loadUnfinishedChanges();
    await store.getState().resolveUnfinishedChange(change.id, 'roll-back');
    expect(store.getState().unfinished).toEqual([change]);
    expect(store.getState().recoveries[change.id]).toEqual({ status: 'done', action: 'roll-back', report: unresolved });
    expect(store.getState().recovered).toEqual([]);
  });

  it('keeps the error of a failed call', async () => {
    const api = createFakeApi({
      listUnfinishedChanges: ok([change]),
      resolveUnfinishedChange: err('not-found', 'gone'),
    });
    const store = createAppStore(api);
    await store.getState().loadSystemInfo();
    await store.getState().loadUnfinishedChanges();
    await store.getState().resolveUnfinishedChange(change.id, 'finish');
    expect(store.getState().recoveries[change.id]).toMatchObject({ status: 'failed', error: { code: 'not-found' } });
  });

  it('sends nothing unelevated, and nothing while another change runs', async () => {
    const api = createFakeApi({ getSystemInfo: ok(sampleInfo(false)), listUnfinishedChanges: ok([change]) });
    const store = createAppStore(api);
    await store.getState().loadSystemInfo();
    await store.getState().loadUnfinishedChanges();
    await store.getState().resolveUnfinishedChange(change.id, 'finish');
    expect(store.getState().recoveries[change.id]).toMatchObject({ status: 'failed', error: { code: 'not-elevated' } });

    const elevated = createFakeApi({ listUnfinishedChanges: ok([change]) });
    const busy = createAppStore(elevated);
    await busy.getState().loadSystemInfo();
    busy.setState((s) => ({ operations: { ...s.operations, restart: { status: 'running' } } }));
    await busy.getState().resolveUnfinishedChange(change.id, 'finish');
    expect(busy.getState().recoveries[change.id]).toMatchObject({ status: 'failed', error: { code: 'refused' } });
    expect(api.calls.some((c) => c.method === 'resolveUnfinishedChange')).toBe(false);
    expect(elevated.calls.some((c) => c.method === 'resolveUnfinishedChange')).toBe(false);
  });

  it('never resolves by itself: start only lists', async () => {
    const api = createFakeApi({ listUnfinishedChanges: ok([change]) });
    const store = createAppStore(api);
    store.getState().start();
    await expect.poll(() => store.getState().unfinished).toEqual([change]);
    expect(api.calls.some((c) => c.method === 'resolveUnfinishedChange')).toBe(false);
  });
});
