import { describe, expect, it } from 'vitest';
import { err, ok } from '../../shared/result';
import { createAppStore } from './create-app-store';
import { createFakeApi, sampleInfo } from '../../test/helpers/fake-api';

describe('autostart slice', () => {
  it('loads the state and enables through the api', async () => {
    const api = createFakeApi();
    const store = createAppStore(api);
    await store.getState().loadSystemInfo();
    await store.getState().loadAutostart();
    expect(store.getState().autostart).toEqual({ enabled: false, taskName: 'Portwarden' });
    expect(await store.getState().setAutostart(true)).toBe(true);
    expect(api.calls.filter((c) => c.method === 'setAutostart').map((c) => c.args)).toEqual([[{ enabled: true }]]);
    expect(store.getState().autostart?.enabled).toBe(true);
    expect(store.getState().autostartSaving).toBe(false);
  });

  it('sends nothing unelevated', async () => {
    const api = createFakeApi({ getSystemInfo: ok(sampleInfo(false)) });
    const store = createAppStore(api);
    await store.getState().loadSystemInfo();
    expect(await store.getState().setAutostart(true)).toBe(false);
    expect(api.calls.some((c) => c.method === 'setAutostart')).toBe(false);
    expect(store.getState().autostartError?.code).toBe('not-elevated');
  });

  it('keeps the error and re-reads the real state when the change fails', async () => {
    const api = createFakeApi({ setAutostart: err('refused', 'dev run') });
    const store = createAppStore(api);
    await store.getState().loadSystemInfo();
    expect(await store.getState().setAutostart(true)).toBe(false);
    expect(store.getState().autostartError?.code).toBe('refused');
    expect(store.getState().autostart).toEqual({ enabled: false, taskName: 'Portwarden' });
  });

  it('shows a change that ran but did not land as not applied, with the task as read back', async () => {
    const report = {
      outcome: 'not-applied',
      autostart: { enabled: false, taskName: 'Portwarden' },
      message: 'The Start with Windows task was not created as intended.',
      detail: 'exit 1: ERROR: Access is denied.',
    } as const;
    const api = createFakeApi({ setAutostart: ok(report) });
    const store = createAppStore(api);
    await store.getState().loadSystemInfo();
    expect(await store.getState().setAutostart(true)).toBe(false);
    expect(store.getState().autostartReport).toEqual(report);
    expect(store.getState().autostartError).toBeNull();
    expect(store.getState().autostart).toEqual({ enabled: false, taskName: 'Portwarden' });
    expect(api.calls.some((c) => c.method === 'getAutostart')).toBe(false);
  });

  it('reads the task again when the change could not be read back (outcome unknown), and clears it on success', async () => {
    const api = createFakeApi({
      setAutostart: ok({ outcome: 'unknown', autostart: null, message: 'could not be read back', detail: 'timed out' }),
    });
    const store = createAppStore(api);
    await store.getState().loadSystemInfo();
    expect(await store.getState().setAutostart(true)).toBe(false);
    expect(store.getState().autostartReport?.outcome).toBe('unknown');
    expect(api.calls.filter((c) => c.method === 'getAutostart')).toHaveLength(1);
    api.answers.setAutostart = ok({ outcome: 'applied', autostart: { enabled: true, taskName: 'Portwarden' } });
    expect(await store.getState().setAutostart(true)).toBe(true);
    expect(store.getState().autostartReport).toBeNull();
    expect(store.getState().autostart?.enabled).toBe(true);
  });

  it('over-the-shoulder elevation: refuses to turn it on without calling the api; turning off still goes through', async () => {
    const overTheShoulder = { elevatedAs: 'admin', desktopUser: 'DEVBOX\\dev' };
    const api = createFakeApi({
      getAutostart: ok({ enabled: true, taskName: 'Portwarden', overTheShoulder }),
      setAutostart: ok({ outcome: 'applied', autostart: { enabled: false, taskName: 'Portwarden', overTheShoulder } }),
    });
    const store = createAppStore(api);
    await store.getState().loadSystemInfo();
    await store.getState().loadAutostart();
    expect(store.getState().autostart?.overTheShoulder).toEqual(overTheShoulder);
    expect(await store.getState().setAutostart(true)).toBe(false);
    expect(api.calls.some((c) => c.method === 'setAutostart')).toBe(false);
    expect(store.getState().autostartError).toMatchObject({ code: 'refused', message: expect.stringMatching(/admin/) });
    expect(await store.getState().setAutostart(false)).toBe(true);
    expect(api.calls.filter((c) => c.method === 'setAutostart').map((c) => c.args)).toEqual([[{ enabled: false }]]);
    expect(store.getState().autostart).toEqual({ enabled: false, taskName: 'Portwarden', overTheShoulder });
    expect(store.getState().autostartError).toBeNull();
  });
});
