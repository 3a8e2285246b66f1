import { describe, expect, it } from 'vitest';
import type { WslSyncReport } from '../../shared/model';
import { err, ok } from '../../shared/result';
import {
  createFakeApi,
  sampleInfo,
  sampleRule,
  sampleRuleReport,
  sampleRulesView,
  sampleWslStatus,
} from '../../test/helpers/fake-api';
import { createAppStore } from './create-app-store';

const methods = (api: ReturnType<typeof createFakeApi>) => api.calls.map((c) => c.method);

const elevatedStore = async (api = createFakeApi()) => {
  const store = createAppStore(api);
  await store.getState().loadSystemInfo();
  api.calls.length = 0;
  return { api, store };
};

const INPUT = {
  distro: 'Ubuntu',
  listenAddress: '0.0.0.0',
  listenPort: '8080',
  connectPort: '80',
  firewall: true,
  replaceExisting: false,
};

const movedRules = sampleRulesView([sampleRule({ listenPort: 8080, connectAddress: '172.20.5.9', connectPort: 80 })]);
const syncReport = (overrides: Partial<WslSyncReport> = {}): WslSyncReport => ({
  outcome: 'applied',
  steps: [],
  moved: [{ listenKey: 'v4tov4|0.0.0.0|8080', distro: 'Ubuntu', from: '172.20.1.2', to: '172.20.5.9' }],
  rules: movedRules,
  status: sampleWslStatus(),
  ...overrides,
});

describe('wsl slice', () => {
  it('adds a rule to a distro through addWslRule, then reads the status and checks the saved rule', async () => {
    const saved = sampleRulesView([sampleRule({ listenPort: 8080, connectAddress: '172.20.1.2', connectPort: 80 })]);
    const { api, store } = await elevatedStore(
      createFakeApi({
        addWslRule: ok(sampleRuleReport(saved)),
        getWslStatus: ok(
          sampleWslStatus({
            distros: [
              {
                name: 'Ubuntu',
                state: 'running',
                stateText: 'Running',
                version: 2,
                isDefault: true,
                address: '172.20.1.2',
              },
            ],
          }),
        ),
      }),
    );
    await store.getState().loadWslStatus();
    await store.getState().addWslRule(INPUT);
    expect(methods(api)).toEqual(['getWslStatus', 'addWslRule', 'getWslStatus', 'checkRules']);
    expect(api.calls[1]!.args[0]).toEqual(INPUT);
    expect(store.getState().operations['add-rule'].status).toBe('done');
    expect(store.getState().rulesView).toEqual(saved);
  });

  it('refuses a distro name wsl.exe would not take, naming the field, without calling the api', async () => {
    const { api, store } = await elevatedStore();
    await store.getState().addWslRule({ ...INPUT, distro: '-d calc' });
    expect(methods(api)).toEqual([]);
    const operation = store.getState().operations['add-rule'];
    expect(operation.status === 'failed' && operation.error).toMatchObject({ code: 'invalid-input', field: 'distro' });
  });

  it('refuses while unelevated without calling the api', async () => {
    const api = createFakeApi({ getSystemInfo: ok(sampleInfo(false)) });
    const store = createAppStore(api);
    await store.getState().loadSystemInfo();
    api.calls.length = 0;
    await store.getState().addWslRule(INPUT);
    await store.getState().resyncWslRules();
    expect(methods(api)).toEqual([]);
  });

  it('turns a conflict into the replace question instead of an error', async () => {
    const { store } = await elevatedStore(
      createFakeApi({ addWslRule: err('conflict', 'A rule already listens on 0.0.0.0:8080.') }),
    );
    await store.getState().addWslRule(INPUT);
    expect(store.getState().wslReplaceKey).toBe('v4tov4|0.0.0.0|8080');
    expect(store.getState().operations['add-rule'].status).toBe('idle');
  });

  it('shows a distro the main process says is not installed as the error, nothing else changed', async () => {
    const { store } = await elevatedStore(
      createFakeApi({
        addWslRule: err('invalid-input', 'distro "Fedora" is not an installed WSL distribution (installed: Ubuntu).', {
          field: 'distro',
        }),
      }),
    );
    await store.getState().addWslRule({ ...INPUT, distro: 'Fedora' });
    const operation = store.getState().operations['add-rule'];
    expect(operation.status === 'failed' && operation.error.message).toMatch(/Fedora.*not an installed/);
    expect(store.getState().rulesView).toBeNull();
  });

  it('re-syncs: the table shows the re-read rules and the report names what moved', async () => {
    const { api, store } = await elevatedStore(createFakeApi({ syncWslRules: ok(syncReport()) }));
    await store.getState().resyncWslRules();
    expect(methods(api)).toEqual(['syncWslRules']);
    expect(store.getState().rulesView).toEqual(movedRules);
    const operation = store.getState().operations['wsl-resync'];
    expect(operation.status === 'done' && operation.report.moved.map((m) => m.to)).toEqual(['172.20.5.9']);
  });

  it('reads the rules again when a sync answers without them', async () => {
    const { api, store } = await elevatedStore(createFakeApi({ syncWslRules: ok(syncReport({ rules: null })) }));
    await store.getState().resyncWslRules();
    expect(methods(api)).toEqual(['syncWslRules', 'listRules']);
  });

  it('listens to background syncs: rules replaced, a bar only when something moved or failed', async () => {
    const { api, store } = await elevatedStore();
    const stop = store.getState().start();
    await new Promise((r) => setTimeout(r, 0));
    api.emitWslSync(syncReport({ moved: [] }));
    expect(store.getState().rulesView).toEqual(movedRules);
    expect(store.getState().wslSync).toBeNull();
    api.emitWslSync(syncReport());
    expect(store.getState().wslSync?.moved).toHaveLength(1);
    stop();
    expect(api.listenerCount()).toBe(0);
  });

  it('keeps absent Docker as a note and a failed read as an error', async () => {
    const { store } = await elevatedStore();
    await store.getState().loadContainers();
    expect(store.getState().docker).toMatchObject({ available: false, note: /not running/ });
    expect(store.getState().dockerError).toBeNull();
    store.setState({ docker: null });
    const failing = await elevatedStore(createFakeApi({ listContainers: err('internal', 'bridge closed') }));
    await failing.store.getState().loadContainers();
    expect(failing.store.getState().dockerError?.code).toBe('internal');
  });
});
