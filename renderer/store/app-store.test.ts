import { describe, expect, it } from 'vitest';
import { err, ok } from '../../shared/result';
import { createAppStore } from './create-app-store';
import { createFakeApi, sampleInfo, sampleRecord, sampleReport, sampleSnapshot } from '../../test/helpers/fake-api';
import { changeBlock } from './selectors';

const elevatedStore = async (api = createFakeApi()) => {
  const store = createAppStore(api);
  await store.getState().loadSystemInfo();
  return { api, store };
};

const methods = (api: ReturnType<typeof createFakeApi>) => api.calls.map((c) => c.method);

describe('ranges slice: refresh', () => {
  it('stores the snapshot on success', async () => {
    const api = createFakeApi();
    const store = createAppStore(api);
    await store.getState().refresh();
    const state = store.getState();
    expect(state.snapshot?.excluded[0]?.ranges).toHaveLength(2);
    expect(state.snapshotError).toBeNull();
    expect(state.refreshing).toBe(false);
    expect(state.notices).toEqual([]);
  });

  it('keeps the error and shows a notice on failure, and clears both on the next success', async () => {
    const api = createFakeApi({ getSnapshot: err('command-failed', 'netsh failed') });
    const store = createAppStore(api);
    await store.getState().refresh();
    expect(store.getState().snapshot).toBeNull();
    expect(store.getState().snapshotError?.code).toBe('command-failed');
    expect(store.getState().notices.map((n) => n.source)).toEqual(['refresh']);

    api.answers.getSnapshot = ok(sampleSnapshot());
    await store.getState().refresh();
    expect(store.getState().snapshotError).toBeNull();
    expect(store.getState().notices).toEqual([]);
  });

  it('never throws when the bridge rejects', async () => {
    const api = createFakeApi({ getSnapshot: () => Promise.reject(new Error('socket closed')) });
    const store = createAppStore(api);
    await expect(store.getState().refresh()).resolves.toBeUndefined();
    expect(store.getState().snapshotError).toMatchObject({ code: 'internal', message: 'socket closed' });
  });

  it('shares one read between overlapping refreshes', async () => {
    const api = createFakeApi();
    const store = createAppStore(api);
    await Promise.all([store.getState().refresh(), store.getState().refresh()]);
    expect(methods(api).filter((m) => m === 'getSnapshot')).toHaveLength(1);
  });
});

describe('ranges slice: changes', () => {
  const added = sampleSnapshot({
    excluded: [{ protocol: 'tcp', ipVersion: 'ipv4', ranges: [{ start: 8065, end: 8065, administered: true }] }],
  });

  it('protectPort replaces the snapshot with the report snapshot and records the outcome', async () => {
    const api = createFakeApi({ addExclusion: ok(sampleReport(added)) });
    const { store } = await elevatedStore(api);
    await store.getState().refresh();
    await store.getState().protectPort({ protocol: 'tcp', ipVersion: 'ipv4', startPort: '8065', numberOfPorts: '1' });
    const state = store.getState();
    expect(state.snapshot).toBe(added);
    expect(state.operations.protect).toMatchObject({ status: 'done', report: { outcome: 'applied' } });
    expect(api.calls.find((c) => c.method === 'addExclusion')?.args).toEqual([
      { protocol: 'tcp', ipVersion: 'ipv4', startPort: '8065', numberOfPorts: '1' },
    ]);
  });

  it('appends nothing twice: a record pushed during a change and listed again stays one record', async () => {
    const record = sampleRecord(7, 'op-3');
    const api = createFakeApi({
      addExclusion: async () => {
        api.emitActivity(record);
        return ok(sampleReport(added));
      },
      listActivity: ok([record]),
    });
    const { store } = await elevatedStore(api);
    const stop = store.getState().start();
    await store.getState().protectPort({ protocol: 'tcp', ipVersion: 'ipv4', startPort: 8065, numberOfPorts: 1 });
    api.emitActivity(record);
    await store.getState().loadActivity();
    expect(store.getState().records.map((r) => r.id)).toEqual([7]);
    stop();
  });

  it('shows a failed change and reads again when main failed mid-change (the state is unknown)', async () => {
    const api = createFakeApi({ restartWinnat: err('internal', 'a bug after the stop') });
    const { store } = await elevatedStore(api);
    await store.getState().restartWinnat();
    expect(store.getState().operations.restart).toMatchObject({ status: 'failed', error: { code: 'internal' } });
    expect(methods(api)).toContain('getSnapshot');
  });

  it('shows a failed read-before-change without reading again (nothing ran)', async () => {
    const api = createFakeApi({ restartWinnat: err('command-failed', 'sc query failed') });
    const { store } = await elevatedStore(api);
    await store.getState().restartWinnat();
    expect(store.getState().operations.restart).toMatchObject({ status: 'failed', error: { code: 'command-failed' } });
    expect(methods(api)).not.toContain('getSnapshot');
  });

  it('refuses invalid input without calling the api', async () => {
    const { api, store } = await elevatedStore();
    await store.getState().protectPort({ protocol: 'tcp', ipVersion: 'ipv4', startPort: '08065', numberOfPorts: '1' });
    expect(store.getState().operations.protect).toMatchObject({
      status: 'failed',
      error: { code: 'invalid-input', field: 'startPort', detail: 'port-format' },
    });
    await store.getState().resetDynamicRange({ families: [] });
    expect(store.getState().operations.reset).toMatchObject({ status: 'failed', error: { code: 'invalid-input' } });
    expect(methods(api)).toEqual(['getSystemInfo']);
  });

  it('deleteExclusion and resetDynamicRange pass their input through and store the report', async () => {
    const { api, store } = await elevatedStore();
    await store.getState().deleteExclusion({ protocol: 'tcp', ipVersion: 'ipv4', start: 50000, end: 50059 });
    await store.getState().resetDynamicRange({ families: [{ protocol: 'tcp', ipVersion: 'ipv4' }] });
    expect(methods(api)).toEqual(['getSystemInfo', 'deleteExclusion', 'resetDynamicRange']);
    expect(store.getState().operations.delete.status).toBe('done');
    expect(store.getState().operations.reset.status).toBe('done');
  });
});

describe('unelevated', () => {
  it('every change refuses without calling the api', async () => {
    const api = createFakeApi({ getSystemInfo: ok(sampleInfo(false)) });
    const store = createAppStore(api);
    await store.getState().loadSystemInfo();
    const s = store.getState();
    await s.protectPort({ protocol: 'tcp', ipVersion: 'ipv4', startPort: 8065, numberOfPorts: 1 });
    await s.deleteExclusion({ protocol: 'tcp', ipVersion: 'ipv4', start: 50000, end: 50059 });
    await s.resetDynamicRange({ families: [{ protocol: 'tcp', ipVersion: 'ipv4' }] });
    await s.restartWinnat();
    expect(methods(api)).toEqual(['getSystemInfo']);
    for (const kind of ['protect', 'delete', 'reset', 'restart'] as const) {
      expect(store.getState().operations[kind]).toMatchObject({ status: 'failed', error: { code: 'not-elevated' } });
    }
    expect(changeBlock(store.getState())).toBe('not-elevated');
  });

  it('refuses while elevation is still unknown', async () => {
    const api = createFakeApi();
    const store = createAppStore(api);
    await store.getState().restartWinnat();
    expect(methods(api)).toEqual([]);
    expect(changeBlock(store.getState())).toBe('checking');
  });

  it('relaunchElevated calls the api and shows its error', async () => {
    const api = createFakeApi({ relaunchElevated: err('internal', 'UAC declined') });
    const store = createAppStore(api);
    await store.getState().relaunchElevated();
    expect(methods(api)).toEqual(['relaunchElevated']);
    expect(store.getState().notices).toMatchObject([{ source: 'relaunch', error: { message: 'UAC declined' } }]);
    expect(store.getState().relaunching).toBe(false);
  });
});

describe('events and lifecycle', () => {
  it('start reads everything, appends pushed activity, and unsubscribes', async () => {
    const api = createFakeApi({ listActivity: ok([sampleRecord(1)]) });
    const store = createAppStore(api);
    const stop = store.getState().start();
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    // listUnfinishedChanges: interrupted changes from the journal are offered at every start (recovery-slice).
    expect(methods(api).sort()).toEqual(['getSnapshot', 'getSystemInfo', 'listActivity', 'listUnfinishedChanges']);
    api.emitActivity(sampleRecord(2));
    api.emitActivity(sampleRecord(2));
    expect(store.getState().records.map((r) => r.id)).toEqual([1, 2]);
    stop();
    expect(api.listenerCount()).toBe(0);
    api.emitActivity(sampleRecord(3));
    expect(store.getState().records).toHaveLength(2);
  });

  it('survives a missing bridge: start does not throw and the read shows an error', async () => {
    const store = createAppStore({} as never);
    expect(() => store.getState().start()).not.toThrow();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().snapshotError?.code).toBe('internal');
  });

  it('the tray command opens the restart confirmation', () => {
    const api = createFakeApi();
    const store = createAppStore(api);
    const stop = store.getState().start();
    api.emitTray('restart-winnat');
    expect(store.getState().dialog).toEqual({ kind: 'restart' });
    expect(methods(api)).not.toContain('restartWinnat');
    stop();
  });

  it('opening a dialog clears the previous outcome of its change', async () => {
    const { store } = await elevatedStore();
    await store.getState().restartWinnat();
    expect(store.getState().operations.restart.status).toBe('done');
    store.getState().openDialog({ kind: 'restart' });
    expect(store.getState().operations.restart.status).toBe('idle');
  });

  it('reports busy while a change runs', async () => {
    let release: () => void = () => {};
    const api = createFakeApi({
      restartWinnat: () => new Promise((resolve) => (release = () => resolve(ok(sampleReport(sampleSnapshot()))))),
    });
    const { store } = await elevatedStore(api);
    const running = store.getState().restartWinnat();
    expect(changeBlock(store.getState())).toBe('busy');
    release();
    await running;
    expect(changeBlock(store.getState())).toBeNull();
  });
});
