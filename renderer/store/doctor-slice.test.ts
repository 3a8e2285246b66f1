import { describe, expect, it } from 'vitest';
import type { DoctorCause } from '../../shared/model';
import { ok } from '../../shared/result';
import { fixesFor } from '../lib/doctor-fixes';
import { createAppStore } from './create-app-store';
import { fixDialog } from './doctor-slice';
import {
  createFakeApi,
  sampleDoctorReport,
  sampleEndpoint,
  sampleInfo,
  sampleRule,
  sampleWatchState,
} from '../../test/helpers/fake-api';

const methods = (api: ReturnType<typeof createFakeApi>) => api.calls.map((c) => c.method);
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

const system: DoctorCause = {
  kind: 'excluded',
  range: { protocol: 'tcp', ipVersion: 'ipv4', start: 8031, end: 8130, administered: false },
  ipVersions: ['ipv4', 'ipv6'],
};
const administered: DoctorCause = {
  kind: 'excluded',
  range: { protocol: 'tcp', ipVersion: 'ipv6', start: 8065, end: 8065, administered: true },
  ipVersions: ['ipv6', 'ipv4'],
};
/** Protected in IPv6 only: the doctor offers to complete the protection before removing it. */
const halfProtected: DoctorCause = { ...administered, ipVersions: ['ipv6'] } as DoctorCause;
const ownedBy = (endpoint: ReturnType<typeof sampleEndpoint>): DoctorCause => ({
  kind: 'owned',
  endpoint,
  endpoints: [endpoint],
  ipVersions: [endpoint.ipVersion],
});
const owned = ownedBy(sampleEndpoint({ localPort: 8065 }));
const ownedBySystem = ownedBy(sampleEndpoint({ localPort: 80, pid: 4, image: 'System', owner: 'kernel' }));
const rule = {
  type: 'v4tov4',
  listenAddress: '0.0.0.0',
  listenPort: 8065,
  connectAddress: '172.28.241.140',
  connectPort: 8065,
} as const;
const forwarded: DoctorCause = { kind: 'forwarded', rule, ipVersions: ['ipv4'] };
const dynamic: DoctorCause = {
  kind: 'dynamic-range',
  range: { protocol: 'tcp', ipVersion: 'ipv4', start: 1024, count: 64511 },
  ipVersions: ['ipv4'],
};
const dynamicDefault: DoctorCause = {
  kind: 'dynamic-range',
  range: { protocol: 'udp', ipVersion: 'ipv4', start: 49152, count: 16384 },
  ipVersions: ['ipv4'],
};

describe('doctor: causes -> fixes -> dialogs', () => {
  it('maps every cause to its fixes and each fix to the existing dialog', () => {
    const dialogs = (cause: DoctorCause) => fixesFor(cause, 8065).map((fix) => [fix.kind, fixDialog(fix, [])]);
    expect(dialogs(system)).toEqual([
      ['restart-winnat', { kind: 'restart' }],
      ['protect', { kind: 'protect', family: { protocol: 'tcp', ipVersion: 'ipv4' }, port: 8065 }],
    ]);
    expect(dialogs(administered)).toEqual([
      [
        'delete-exclusion',
        {
          kind: 'delete',
          family: { protocol: 'tcp', ipVersion: 'ipv6' },
          range: { start: 8065, end: 8065, administered: true },
        },
      ],
    ]);
    expect(dialogs(halfProtected).map(([kind]) => kind)).toEqual(['protect', 'delete-exclusion']);
    expect(dialogs(owned)).toEqual([
      ['kill', { kind: 'kill', endpoint: owned.kind === 'owned' ? owned.endpoint : null }],
    ]);
    expect(dialogs(forwarded)).toEqual([
      ['edit-rule', null],
      ['delete-rule', { kind: 'delete-rules', rules: [{ ...rule, firewallRule: null, firewallRules: null }] }],
    ]);
    expect(dialogs(dynamic)).toEqual([['reset-dynamic', { kind: 'reset' }]]);
  });

  it('marks fixes that cannot work: a refused kill, a dynamic range already at the default', () => {
    // PID 4 and the svchost of a critical service: no kill is offered at all (the card explains).
    expect(fixesFor(ownedBySystem, 80)).toEqual([]);
    expect(
      fixesFor(
        ownedBy(sampleEndpoint({ localPort: 135, image: 'svchost.exe', services: ['RpcEptMapper', 'RpcSs'] })),
        135,
      ),
    ).toEqual([]);
    expect(fixesFor(owned, 8065)).toMatchObject([{ kind: 'kill', refusal: null }]);
    expect(fixesFor(dynamicDefault, 50000)).toMatchObject([{ kind: 'reset-dynamic', alreadyDefault: true }]);
    expect(fixesFor(dynamic, 8065)).toMatchObject([{ kind: 'reset-dynamic', alreadyDefault: false }]);
  });

  it('delete-rule lists the rule as read (with its firewall rule) when known', () => {
    const listed = sampleRule({ listenPort: 8065, connectPort: 8065 });
    const [, del] = fixesFor(forwarded, 8065);
    expect(del && fixDialog(del, [listed])).toEqual({ kind: 'delete-rules', rules: [listed] });
  });
});

describe('doctor slice', () => {
  const elevatedStore = async (causes: readonly DoctorCause[] = [system]) => {
    const api = createFakeApi({ diagnosePort: ok(sampleDoctorReport(causes)) });
    const store = createAppStore(api);
    await store.getState().loadSystemInfo();
    api.calls.length = 0;
    return { api, store };
  };

  it('checks the port box with the shared schema; invalid text sends nothing', async () => {
    const { api, store } = await elevatedStore();
    store.getState().setDoctorPort('08065');
    await store.getState().diagnosePort();
    expect(store.getState().doctorError).toMatchObject({ code: 'invalid-input', detail: 'port-format' });
    store.getState().setDoctorPort(' 8065 ');
    store.getState().setDoctorProtocol('udp');
    await store.getState().diagnosePort();
    expect(api.calls).toEqual([{ method: 'diagnosePort', args: [{ port: 8065, protocol: 'udp' }] }]);
    expect(store.getState().doctorReport?.causes).toEqual([system]);
  });

  it('openDoctor with a port switches to the doctor, fills the box and checks; without one it asks for focus', async () => {
    const { api, store } = await elevatedStore();
    store.getState().openDoctor(3000, 'tcp');
    await tick();
    expect(store.getState().view).toBe('doctor');
    expect(store.getState().doctorPort).toBe('3000');
    expect(methods(api)).toContain('diagnosePort');
    const before = store.getState().doctorFocusRequest;
    store.getState().openDoctor();
    expect(store.getState().doctorFocusRequest).toBe(before + 1);
  });

  it('a fix opens its dialog; when the change closes with an outcome the port is checked again', async () => {
    const { api, store } = await elevatedStore();
    store.getState().openDoctor(8065, 'tcp');
    await tick();
    const [restart] = fixesFor(system, 8065);
    if (restart) store.getState().applyFix(restart);
    expect(store.getState().dialog).toEqual({ kind: 'restart', port: 8065, protocol: 'tcp' });
    api.answers.diagnosePort = ok(sampleDoctorReport([]));
    await store.getState().restartWinnat();
    store.getState().closeDialog();
    await tick();
    expect(methods(api).filter((m) => m === 'diagnosePort')).toHaveLength(2);
    expect(store.getState().doctorReport?.causes).toEqual([]);
  });

  it('cancelling a fix (no outcome) does not check again', async () => {
    const { api, store } = await elevatedStore();
    store.getState().openDoctor(8065, 'tcp');
    await tick();
    store.getState().openDialog({ kind: 'restart' });
    store.getState().closeDialog();
    await tick();
    expect(methods(api).filter((m) => m === 'diagnosePort')).toHaveLength(1);
  });

  it('"Edit the rule" switches to Forwarding and edits that rule', async () => {
    const { store } = await elevatedStore([forwarded]);
    const [edit] = fixesFor(forwarded, 8065);
    if (edit) store.getState().applyFix(edit);
    expect(store.getState().view).toBe('forwarding');
    expect(store.getState().editingKey).not.toBeNull();
  });

  it('the tray command and the open-doctor event show the doctor', async () => {
    const api = createFakeApi({ getSystemInfo: ok(sampleInfo(false)) });
    const store = createAppStore(api);
    const stop = store.getState().start();
    api.emitTray('check-port');
    expect(store.getState().view).toBe('doctor');
    expect(store.getState().doctorFocusRequest).toBe(1);
    api.emitOpenDoctor({ port: 3000, protocol: 'udp' });
    await tick();
    expect(store.getState().doctorPort).toBe('3000');
    expect(api.calls.filter((c) => c.method === 'diagnosePort').map((c) => c.args[0])).toEqual([
      { port: 3000, protocol: 'udp' },
    ]);
    stop();
    expect(api.listenerCount()).toBe(0);
  });
});

describe('watch slice', () => {
  it('reads the list when the doctor first shows and follows pushed states', async () => {
    const api = createFakeApi();
    const store = createAppStore(api);
    const stop = store.getState().start();
    store.getState().showView('doctor');
    await tick();
    expect(store.getState().watchStates).toEqual([sampleWatchState()]);
    const taken = sampleWatchState({ status: 'taken', reason: 'node.exe (PID 4242)' });
    api.emitWatchStates([taken]);
    expect(store.getState().watchStates).toEqual([taken]);
    stop();
  });

  it('saves a validated list and shows the main process answer', async () => {
    const saved = [sampleWatchState(), sampleWatchState({ port: 3000, protocol: 'udp', status: 'reserved' })];
    const api = createFakeApi({ setWatchedPorts: ok(saved) });
    const store = createAppStore(api);
    await store.getState().loadSystemInfo();
    expect(
      await store.getState().setWatchedPorts([
        { port: 8065, protocol: 'tcp' },
        { port: 3000, protocol: 'udp' },
      ]),
    ).toBe(true);
    expect(api.calls.at(-1)).toEqual({
      method: 'setWatchedPorts',
      args: [
        {
          ports: [
            { port: 8065, protocol: 'tcp' },
            { port: 3000, protocol: 'udp' },
          ],
        },
      ],
    });
    expect(store.getState().watchStates).toEqual(saved);
  });

  it('refuses duplicates and unelevated saves without calling the api', async () => {
    const api = createFakeApi();
    const store = createAppStore(api);
    await store.getState().loadSystemInfo();
    expect(
      await store.getState().setWatchedPorts([
        { port: 8065, protocol: 'tcp' },
        { port: 8065, protocol: 'tcp' },
      ]),
    ).toBe(false);
    expect(store.getState().watchError).toMatchObject({ code: 'invalid-input', detail: 'watched' });
    const readOnly = createAppStore(createFakeApi({ getSystemInfo: ok(sampleInfo(false)) }));
    await readOnly.getState().loadSystemInfo();
    expect(await readOnly.getState().setWatchedPorts([])).toBe(false);
    expect(readOnly.getState().watchError?.code).toBe('not-elevated');
    expect(methods(api)).toEqual(['getSystemInfo']);
  });
});
