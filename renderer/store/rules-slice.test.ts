import { describe, expect, it } from 'vitest';
import { listenKey } from '../../shared/proxy-rules';
import { err, ok } from '../../shared/result';
import { createAppStore } from './create-app-store';
import {
  cleanPreflight,
  createFakeApi,
  sampleBackup,
  sampleCheck,
  sampleInfo,
  sampleRule,
  sampleRuleReport,
  sampleRulesView,
} from '../../test/helpers/fake-api';
import { changeBlock } from './selectors';

const methods = (api: ReturnType<typeof createFakeApi>) => api.calls.map((c) => c.method);
const argsOf = (api: ReturnType<typeof createFakeApi>, method: string) =>
  api.calls.filter((c) => c.method === method).map((c) => c.args[0]);

const elevatedStore = async (api = createFakeApi()) => {
  const store = createAppStore(api);
  await store.getState().loadSystemInfo();
  await store.getState().loadRules();
  api.calls.length = 0;
  return { api, store };
};

const newRule = { listenAddress: '0.0.0.0', listenPort: '7000', connectAddress: '172.28.241.140', connectPort: '7000' };

describe('rules slice: load', () => {
  it('reads the rules the first time Forwarding shows, once, and on refresh while it is active', async () => {
    const api = createFakeApi();
    const store = createAppStore(api);
    store.getState().showView('forwarding');
    store.getState().showView('forwarding');
    await new Promise((r) => setTimeout(r, 0));
    expect(methods(api)).toEqual(['listRules']);
    expect(store.getState().rulesView?.rules).toHaveLength(2);
    await store.getState().refreshView();
    expect(methods(api)).toEqual(['listRules', 'listRules']);
    store.getState().showView('ranges');
    await store.getState().refreshView();
    expect(methods(api)).toEqual(['listRules', 'listRules', 'getSnapshot']);
  });

  it('keeps the error and shows a notice when the read fails', async () => {
    const api = createFakeApi({ listRules: err('command-failed', 'netsh failed') });
    const store = createAppStore(api);
    await store.getState().loadRules();
    expect(store.getState().rulesError?.code).toBe('command-failed');
    expect(store.getState().notices.map((n) => n.source)).toEqual(['rules']);
  });
});

describe('rules slice: add', () => {
  it('preflights, adds, replaces the view with report.rules and checks the saved rule', async () => {
    const added = sampleRulesView([
      sampleRule(),
      sampleRule({ listenPort: 7000, connectPort: 7000, firewallRule: 'Portwarden 7000' }),
    ]);
    const { api, store } = await elevatedStore(createFakeApi({ addRule: ok(sampleRuleReport(added)) }));
    await store.getState().addRule({ rule: newRule, firewall: true, replaceExisting: false });
    expect(methods(api)).toEqual(['preflightRule', 'addRule', 'checkRules']);
    expect(store.getState().rulesView).toBe(added);
    expect(store.getState().operations['add-rule'].status).toBe('done');
    // The check sends the rule as read back, without the view-only firewallRule field.
    expect(argsOf(api, 'checkRules')).toEqual([
      {
        rules: [
          {
            type: 'v4tov4',
            listenAddress: '0.0.0.0',
            listenPort: 7000,
            connectAddress: '172.28.241.140',
            connectPort: 7000,
          },
        ],
      },
    ]);
  });

  it('stops after a preflight with findings, and the next confirm goes ahead without asking again', async () => {
    const api = createFakeApi({
      preflightRule: ok({ ...cleanPreflight, owner: { pid: 4242, image: 'node.exe', services: [] } }),
      addRule: ok(sampleRuleReport(sampleRulesView([sampleRule({ listenPort: 7000, connectPort: 7000 })]))),
    });
    const { store } = await elevatedStore(api);
    await store.getState().addRule({ rule: newRule, firewall: false, replaceExisting: false });
    expect(methods(api)).toEqual(['preflightRule']);
    expect(store.getState().preflight).toMatchObject({ status: 'done', value: { result: { owner: { pid: 4242 } } } });
    await store.getState().addRule({ rule: newRule, firewall: false, replaceExisting: false });
    expect(methods(api)).toEqual(['preflightRule', 'addRule', 'checkRules']);
  });

  it('a conflict answer becomes the replace question, and replacing sends replaceExisting', async () => {
    const api = createFakeApi({ addRule: err('conflict', 'listen key exists') });
    const { store } = await elevatedStore(api);
    const existing = sampleRule();
    await store.getState().addRule({
      rule: { listenAddress: '0.0.0.0', listenPort: 8080, connectAddress: '10.0.0.5', connectPort: 80 },
      firewall: false,
      replaceExisting: false,
    });
    expect(methods(api)).toEqual(['preflightRule', 'addRule', 'listRules']);
    const state = store.getState();
    // A question, not an error: the dialog asks "Replace it?".
    expect(state.operations['add-rule'].status).toBe('idle');
    expect(state.replaceQuestion).toEqual({
      rule: { type: 'v4tov4', listenAddress: '0.0.0.0', listenPort: 8080, connectAddress: '10.0.0.5', connectPort: 80 },
      existing: {
        type: existing.type,
        listenAddress: '0.0.0.0',
        listenPort: 8080,
        connectAddress: existing.connectAddress,
        connectPort: 8080,
      },
    });

    api.answers.addRule = ok(sampleRuleReport());
    await store.getState().addRule({
      rule: { listenAddress: '0.0.0.0', listenPort: 8080, connectAddress: '10.0.0.5', connectPort: 80 },
      firewall: false,
      replaceExisting: true,
    });
    expect(argsOf(api, 'addRule').at(-1)).toMatchObject({ replaceExisting: true });
    expect(store.getState().replaceQuestion).toBeNull();
  });

  it('a preflight that finds the listen key asks the replace question before anything runs', async () => {
    const existing = {
      type: 'v4tov4',
      listenAddress: '0.0.0.0',
      listenPort: 7000,
      connectAddress: '10.0.0.9',
      connectPort: 7000,
    } as const;
    const api = createFakeApi({ preflightRule: ok({ ...cleanPreflight, existingRule: existing }) });
    const { store } = await elevatedStore(api);
    await store.getState().addRule({ rule: newRule, firewall: false, replaceExisting: false });
    expect(methods(api)).toEqual(['preflightRule']);
    expect(store.getState().replaceQuestion?.existing).toEqual(existing);
  });

  it('refuses invalid input without calling the api, with the field and key', async () => {
    const { api, store } = await elevatedStore();
    await store
      .getState()
      .addRule({ rule: { ...newRule, listenPort: '070' }, firewall: false, replaceExisting: false });
    expect(methods(api)).toEqual([]);
    expect(store.getState().operations['add-rule']).toMatchObject({
      status: 'failed',
      error: { code: 'invalid-input', field: 'rule.listenPort', detail: 'port-format' },
    });
  });
});

describe('rules slice: edit', () => {
  const original = sampleRule();
  const updated = {
    listenAddress: '0.0.0.0',
    listenPort: '8081',
    connectAddress: '172.28.241.140',
    connectPort: '8080',
  };

  it('saves, leaves edit mode and checks the saved rule', async () => {
    const { api, store } = await elevatedStore(
      createFakeApi({ editRule: ok(sampleRuleReport(sampleRulesView([sampleRule({ listenPort: 8081 })]))) }),
    );
    store.getState().startEditing(original);
    expect(store.getState().editingKey).toBe(listenKey(original));
    const { firewallRule: _, firewallRules: _rules, ...plain } = original;
    await store.getState().editRule({ original: plain, updated, firewall: true });
    expect(methods(api)).toEqual(['editRule', 'checkRules']);
    expect(store.getState().editingKey).toBeNull();
  });

  it('a conflict opens the reload question; Reload reads the rules and leaves the stale edit', async () => {
    const api = createFakeApi({ editRule: err('conflict', 'changed outside') });
    const { store } = await elevatedStore(api);
    store.getState().startEditing(original);
    const { firewallRule: _, firewallRules: _rules, ...plain } = original;
    await store.getState().editRule({ original: plain, updated, firewall: true });
    expect(store.getState().editConflict).toBe(true);
    expect(store.getState().operations['edit-rule'].status).toBe('idle');
    expect(store.getState().editingKey).toBe(listenKey(original));
    await store.getState().reloadAfterConflict();
    expect(methods(api)).toEqual(['editRule', 'listRules', 'listRules']);
    expect(store.getState().editConflict).toBe(false);
    expect(store.getState().editingKey).toBeNull();
  });

  it('drops a check that no longer describes the rule', async () => {
    const changed = sampleRulesView([sampleRule({ connectPort: 9999 })]);
    const api = createFakeApi({ editRule: ok(sampleRuleReport(changed)), checkRules: ok([sampleCheck(sampleRule())]) });
    const { store } = await elevatedStore(api);
    await store.getState().checkRules([sampleRule()]);
    expect(Object.keys(store.getState().checks)).toEqual([listenKey(original)]);
    api.answers.checkRules = err('internal', 'probe failed');
    const { firewallRule: _, firewallRules: _rules, ...plain } = original;
    await store
      .getState()
      .editRule({ original: plain, updated: { ...updated, listenPort: '8080', connectPort: '9999' }, firewall: true });
    expect(store.getState().checks).toEqual({});
  });
});

describe('rules slice: delete, reset, restore', () => {
  it('deletes many in one call, sending plain rules', async () => {
    const { api, store } = await elevatedStore();
    const rules = store.getState().rulesView!.rules;
    await store.getState().deleteRules(rules);
    expect(methods(api)).toEqual(['deleteRules']);
    const sent = argsOf(api, 'deleteRules')[0] as { rules: object[] };
    expect(sent.rules).toHaveLength(2);
    for (const rule of sent.rules) expect(rule).not.toHaveProperty('firewallRule');
    expect(store.getState().operations['delete-rules'].status).toBe('done');
  });

  it('reset shows the backup the main process wrote and the empty rule set', async () => {
    const { store } = await elevatedStore();
    await store.getState().resetRules();
    const op = store.getState().operations['reset-rules'];
    expect(op.status === 'done' && op.report.backup?.id).toBe('20250101T000000000Z-reset');
    expect(store.getState().rulesView?.rules).toEqual([]);
  });

  it('restore sends the backup id and re-reads the open backup list', async () => {
    const { api, store } = await elevatedStore();
    store.getState().openBackups();
    await new Promise((r) => setTimeout(r, 0));
    await store.getState().restoreBackup(sampleBackup());
    expect(methods(api)).toEqual(['listBackups', 'restoreBackup', 'listBackups']);
    expect(argsOf(api, 'restoreBackup')).toEqual([{ id: '20250101T000000000Z-reset' }]);
  });
});

describe('rules slice: import', () => {
  it('an invalid row sends nothing and names the rows (1-based)', async () => {
    const { api, store } = await elevatedStore();
    await store.getState().importRules({
      rows: [
        { listenAddress: '0.0.0.0', listenPort: 80, connectAddress: '10.0.0.1', connectPort: 80 },
        { listenAddress: '0.0.0.0', listenPort: 0, connectAddress: '10.0.0.1', connectPort: 80 },
        { listenAddress: 'bad address', listenPort: 81, connectAddress: '10.0.0.1', connectPort: 80 },
      ],
      mode: 'merge',
    });
    expect(methods(api)).toEqual([]);
    expect(store.getState().importIssues).toEqual([
      { row: 2, field: 'listenPort', key: 'port-range' },
      { row: 3, field: 'listenAddress', key: 'listen-address' },
    ]);
    expect(store.getState().operations['import-rules']).toMatchObject({
      status: 'failed',
      error: { code: 'invalid-input' },
    });
  });

  it('sends valid rows with their type derived and no firewall port unless confirmed, and shows the backup', async () => {
    const { api, store } = await elevatedStore();
    await store.getState().importRules({
      rows: [{ listenAddress: '::', listenPort: 80, connectAddress: '10.0.0.1', connectPort: 80, firewall: true }],
      mode: 'replace',
    });
    expect(argsOf(api, 'importRules')).toEqual([
      {
        rules: [{ type: 'v6tov4', listenAddress: '::', listenPort: 80, connectAddress: '10.0.0.1', connectPort: 80 }],
        mode: 'replace',
        firewallPorts: [],
      },
    ]);
    const op = store.getState().operations['import-rules'];
    expect(op.status === 'done' && op.report.backup?.reason).toBe('import');
  });

  it('sends the flagged listen ports once the user confirmed the firewall rules', async () => {
    const { api, store } = await elevatedStore();
    await store.getState().importRules({
      rows: [
        { listenAddress: '0.0.0.0', listenPort: 8080, connectAddress: '10.0.0.1', connectPort: 80, firewall: true },
        { listenAddress: '0.0.0.0', listenPort: 2222, connectAddress: '10.0.0.1', connectPort: 22, firewall: false },
      ],
      mode: 'merge',
      firewall: true,
    });
    expect(argsOf(api, 'importRules')).toMatchObject([{ mode: 'merge', firewallPorts: [8080] }]);
  });

  it('refuses a firewall field that is not true or false, naming the row and field', async () => {
    const { api, store } = await elevatedStore();
    await store.getState().importRules({
      rows: [
        { listenAddress: '0.0.0.0', listenPort: 80, connectAddress: '10.0.0.1', connectPort: 80, firewall: 'yes' },
      ],
      mode: 'merge',
      firewall: true,
    });
    expect(methods(api)).toEqual([]);
    expect(store.getState().importIssues).toEqual([{ row: 1, field: 'firewall', key: 'boolean' }]);
  });
});

describe('rules slice: checks and reads', () => {
  it('stores checks by listen key and tracks what is being checked', async () => {
    const { store } = await elevatedStore();
    const running = store.getState().checkRules(store.getState().rulesView!.rules);
    expect(store.getState().checking).toHaveLength(2);
    await running;
    expect(store.getState().checking).toEqual([]);
    expect(Object.keys(store.getState().checks)).toHaveLength(2);
  });

  it('starting the IP Helper checks again the rules that were checked while it was down', async () => {
    const [first] = sampleRulesView().rules;
    const { api, store } = await elevatedStore(
      createFakeApi({ checkRules: ok([sampleCheck(first!, { iphlpsvc: { state: 'problem', status: 'stopped' } })]) }),
    );
    await store.getState().checkRules([first!]);
    await store.getState().startIpHelper();
    expect(methods(api)).toEqual(['checkRules', 'startIpHelper', 'checkRules']);
    expect(argsOf(api, 'checkRules').at(-1)).toEqual({
      rules: [expect.objectContaining({ listenPort: first!.listenPort })],
    });
  });

  it('export and backups keep their answers for the dialogs', async () => {
    const { store } = await elevatedStore();
    await store.getState().exportRules();
    expect(store.getState().exported).toMatchObject({ status: 'done', value: { fileName: 'portproxy-rules.json' } });
    await store.getState().loadBackups();
    expect(store.getState().backups).toMatchObject({ status: 'done', value: [{ reason: 'reset' }] });
  });
});

describe('rules slice: unelevated', () => {
  it('every rule change refuses with zero api calls, reads still work', async () => {
    const api = createFakeApi({ getSystemInfo: ok(sampleInfo(false)) });
    const store = createAppStore(api);
    await store.getState().loadSystemInfo();
    const s = store.getState();
    const rule = sampleRule();
    const { firewallRule: _, firewallRules: _rules, ...plain } = rule;
    await s.addRule({ rule: newRule, firewall: false, replaceExisting: false });
    await s.editRule({ original: plain, updated: newRule, firewall: false });
    await s.deleteRules([rule]);
    await s.resetRules();
    await s.importRules({ rows: [newRule], mode: 'merge' });
    await s.restoreBackup(sampleBackup());
    await s.startIpHelper();
    expect(methods(api)).toEqual(['getSystemInfo']);
    for (const kind of [
      'add-rule',
      'edit-rule',
      'delete-rules',
      'reset-rules',
      'import-rules',
      'restore-backup',
      'start-iphlpsvc',
    ] as const) {
      expect(store.getState().operations[kind], kind).toMatchObject({
        status: 'failed',
        error: { code: 'not-elevated' },
      });
    }
    expect(changeBlock(store.getState())).toBe('not-elevated');
    await s.loadRules();
    await s.checkRules([rule]);
    expect(methods(api)).toEqual(['getSystemInfo', 'listRules', 'checkRules']);
  });

  it('opening the add dialog clears the previous preflight and question', async () => {
    const { store } = await elevatedStore(createFakeApi({ addRule: err('conflict', 'exists') }));
    await store.getState().addRule({ rule: newRule, firewall: false, replaceExisting: false });
    expect(store.getState().replaceQuestion).not.toBeNull();
    store.getState().openDialog({ kind: 'add-rule' });
    expect(store.getState().replaceQuestion).toBeNull();
    expect(store.getState().preflight.status).toBe('idle');
  });
});
