/** The rules slice's rule-book actions (issue #11) against the fake Api: notes, disable/enable, drift. */
import { describe, expect, it } from 'vitest';
import type { RuleBookView, RuleDrift } from '../../shared/model';
import { err, ok } from '../../shared/result';
import { createAppStore } from './create-app-store';
import { createFakeApi, sampleRule, sampleRuleReport, sampleRulesView } from '../../test/helpers/fake-api';

const argsOf = (api: ReturnType<typeof createFakeApi>, method: string) =>
  api.calls.filter((c) => c.method === method).map((c) => c.args[0]);

const elevatedStore = async (api = createFakeApi()) => {
  const store = createAppStore(api);
  await store.getState().loadSystemInfo();
  await store.getState().loadRules();
  api.calls.length = 0;
  return { api, store };
};

const RULE = sampleRule();
const PLAIN = {
  type: RULE.type,
  listenAddress: RULE.listenAddress,
  listenPort: RULE.listenPort,
  connectAddress: RULE.connectAddress,
  connectPort: RULE.connectPort,
};
const BOOK: RuleBookView = {
  notes: [{ listenKey: 'v4tov4|0.0.0.0|8080', name: 'Web', group: 'Lab', comment: '' }],
  disabled: [{ ...PLAIN, firewall: true, disabledAt: '2025-01-01T00:00:00.000Z' }],
  drift: [],
  baselineAt: '2025-01-01T00:00:00.000Z',
};

describe('rules slice: the rule book', () => {
  it('disable sends the rule as shown (no view-only fields) and keeps the book the answer carries', async () => {
    const answer = sampleRuleReport({ ...sampleRulesView([]), book: BOOK });
    const { api, store } = await elevatedStore(createFakeApi({ disableRule: ok(answer) }));
    await store.getState().disableRule(RULE);
    expect(argsOf(api, 'disableRule')).toEqual([{ rule: PLAIN }]);
    expect(store.getState().rulesView?.book).toEqual(BOOK);
    expect(store.getState().ruleBook).toEqual(BOOK);
    expect(store.getState().operations['disable-rule'].status).toBe('done');
  });

  it('a view without a book (a WSL re-sync report) keeps the last book', async () => {
    const { store } = await elevatedStore(
      createFakeApi({ setRuleNote: ok(sampleRuleReport({ ...sampleRulesView(), book: BOOK })) }),
    );
    await store.getState().setRuleNote(RULE, { name: 'Web', group: 'Lab', comment: '' });
    store.getState().receiveWslSync({
      outcome: 'applied',
      steps: [],
      moved: [],
      rules: sampleRulesView(),
      status: {
        available: false,
        distros: [],
        networking: { mode: 'nat', source: 'default', profile: null },
        targets: [],
        readAt: '',
      },
    });
    expect(store.getState().rulesView?.book).toBeUndefined();
    expect(store.getState().ruleBook).toEqual(BOOK);
  });

  it('an invalid note is refused locally with its field and key; nothing is sent', async () => {
    const { api, store } = await elevatedStore();
    await store.getState().setRuleNote(RULE, { name: 'x'.repeat(65), group: '', comment: '' });
    expect(api.calls).toEqual([]);
    expect(store.getState().operations['set-rule-note']).toMatchObject({
      status: 'failed',
      error: { code: 'invalid-input', field: 'note.name', detail: 'note-name' },
    });
  });

  it('an enable refused as conflict shows the reason and reads the rules again', async () => {
    const { api, store } = await elevatedStore(
      createFakeApi({ enableRule: err('conflict', '0.0.0.0:8080 (v4tov4) is now taken by another rule') }),
    );
    await store.getState().enableRule(BOOK.disabled[0]!);
    expect(argsOf(api, 'enableRule')).toEqual([{ rule: PLAIN }]);
    expect(store.getState().enabledRule).toEqual(PLAIN);
    expect(store.getState().operations['enable-rule']).toMatchObject({
      status: 'failed',
      error: { code: 'conflict', message: expect.stringContaining('now taken by another rule') },
    });
    expect(api.calls.map((c) => c.method)).toContain('listRules');
  });

  it('adopt and restore send both sides of the drift row exactly as shown', async () => {
    const { api, store } = await elevatedStore();
    const drift: RuleDrift = {
      kind: 'portwarden-only',
      listenKey: 'v4tov4|0.0.0.0|8080',
      windows: null,
      portwarden: PLAIN,
    };
    await store.getState().adoptDrift(drift);
    await store.getState().restoreDrift(drift);
    expect(argsOf(api, 'adoptDrift')).toEqual([{ windows: null, portwarden: PLAIN }]);
    expect(argsOf(api, 'restoreDrift')).toEqual([{ windows: null, portwarden: PLAIN }]);
  });

  it('unelevated: nothing is sent', async () => {
    const api = createFakeApi({
      getSystemInfo: ok({ elevated: false, simulated: true, scenario: null, platform: 'test', appVersion: '0' }),
    });
    const store = createAppStore(api);
    await store.getState().loadSystemInfo();
    api.calls.length = 0;
    await store.getState().disableRule(RULE);
    expect(api.calls).toEqual([]);
    expect(store.getState().operations['disable-rule']).toMatchObject({
      status: 'failed',
      error: { code: 'not-elevated' },
    });
  });
});
