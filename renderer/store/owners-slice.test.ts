import { describe, expect, it } from 'vitest';
import type { Endpoint, OwnersChanges } from '../../shared/model';
import { diffEndpoints } from '../../shared/owners-delta';
import { err, ok, type Result } from '../../shared/result';
import type { OwnerChangesInput } from '../../shared/validate';
import { endpointKey } from '../lib/owners';
import { createAppStore } from './create-app-store';
import {
  createFakeApi,
  sampleEndpoint,
  sampleInfo,
  sampleKillReport,
  sampleOwnersView,
} from '../../test/helpers/fake-api';

const methods = (api: ReturnType<typeof createFakeApi>) => api.calls.map((c) => c.method);

const node = sampleEndpoint();
const postgres = sampleEndpoint({ localPort: 5432, pid: 700, image: 'postgres.exe' });
const vite = sampleEndpoint({ localPort: 5173, pid: 800, image: 'node.exe' });

const storeWith = async (elevated = true) => {
  const api = createFakeApi({
    getSystemInfo: ok(sampleInfo(elevated)),
    listOwners: ok(sampleOwnersView([node, postgres])),
  });
  const store = createAppStore(api);
  await store.getState().loadSystemInfo();
  return { api, store };
};

describe('owners slice: reads and the refresh diff', () => {
  it('the first read highlights nothing; the next one marks new rows and keeps removed ones for one cycle', async () => {
    const { api, store } = await storeWith();
    await store.getState().loadOwners();
    expect(store.getState().ownersView?.endpoints).toHaveLength(2);
    expect(store.getState().ownersAdded.size).toBe(0);
    expect(store.getState().ownersRemoved).toEqual([]);

    api.answers.listOwners = ok(sampleOwnersView([node, vite]));
    await store.getState().loadOwners();
    expect([...store.getState().ownersAdded]).toEqual([endpointKey(vite)]);
    expect(store.getState().ownersRemoved).toEqual([postgres]);

    // One cycle later, with nothing changed, the marks are gone.
    await store.getState().loadOwners();
    expect(store.getState().ownersAdded.size).toBe(0);
    expect(store.getState().ownersRemoved).toEqual([]);
  });

  it('the key is protocol + local address + port + remote + PID: the same port under a new PID is new', async () => {
    const { api, store } = await storeWith();
    await store.getState().loadOwners();
    const restarted = { ...node, pid: 9999 };
    api.answers.listOwners = ok(sampleOwnersView([restarted, postgres]));
    await store.getState().loadOwners();
    expect([...store.getState().ownersAdded]).toEqual([endpointKey(restarted)]);
    expect(store.getState().ownersRemoved).toEqual([node]);
  });

  it('shares one read between the timer and F5', async () => {
    const { api, store } = await storeWith();
    await Promise.all([store.getState().loadOwners(), store.getState().loadOwners()]);
    expect(methods(api).filter((m) => m === 'listOwnerChanges')).toHaveLength(1);
  });

  it('keeps the last view and shows a notice when a read fails', async () => {
    const { api, store } = await storeWith();
    await store.getState().loadOwners();
    api.answers.listOwners = err('command-failed', 'netstat failed');
    await store.getState().loadOwners();
    expect(store.getState().ownersView?.endpoints).toHaveLength(2);
    expect(store.getState().ownersError?.code).toBe('command-failed');
    expect(store.getState().notices.map((n) => n.source)).toEqual(['owners']);
  });
});

describe('owners slice: all states, interval, pause', () => {
  it('asks for every state and starts a new baseline (nothing lights up)', async () => {
    const { api, store } = await storeWith();
    await store.getState().loadOwners();
    const connection = sampleEndpoint({
      localPort: 50123,
      remoteAddress: '10.0.0.2',
      remotePort: 443,
      state: 'ESTABLISHED',
    });
    api.answers.listOwners = ok(sampleOwnersView([node, postgres, connection]));
    await store.getState().setOwnersAllStates(true);
    // Another question: no revision, so main answers in full.
    expect(api.calls.at(-1)).toEqual({ method: 'listOwnerChanges', args: [{ allStates: true, revision: null }] });
    expect(store.getState().ownersAllStates).toBe(true);
    expect(store.getState().ownersAdded.size).toBe(0);
    expect(store.getState().ownersView?.endpoints).toHaveLength(3);
  });

  it('drops a read of the old query that lands after the switch', async () => {
    const { api, store } = await storeWith();
    let release: () => void = () => {};
    api.answers.listOwners = () => new Promise((resolve) => (release = () => resolve(ok(sampleOwnersView([node])))));
    const stale = store.getState().loadOwners();
    const switched = store.getState().setOwnersAllStates(true);
    api.answers.listOwners = ok(sampleOwnersView([node, postgres, vite]));
    release();
    await Promise.all([stale, switched]);
    expect(store.getState().ownersView?.endpoints).toHaveLength(3);
    expect(api.calls.filter((c) => c.method === 'listOwnerChanges').map((c) => c.args[0])).toEqual([
      { allStates: false, revision: null },
      { allStates: true, revision: null },
    ]);
  });

  it('stores the interval and the pause without reading', async () => {
    const { api, store } = await storeWith();
    api.calls.length = 0;
    expect(store.getState().ownersInterval).toBe(2000);
    store.getState().setOwnersRefreshInterval(5000);
    store.getState().pauseOwnersRefresh(true);
    expect(store.getState().ownersInterval).toBe(5000);
    expect(store.getState().ownersPaused).toBe(true);
    expect(methods(api)).toEqual([]);
  });
});

describe('owners slice: kill', () => {
  it('kills with the PID and the image shown, and shows the owners the main process read back', async () => {
    const { api, store } = await storeWith();
    await store.getState().loadOwners();
    api.answers.killProcess = ok(sampleKillReport(sampleOwnersView([postgres])));
    await store.getState().killProcess(node);
    expect(api.calls.find((c) => c.method === 'killProcess')?.args).toEqual([{ pid: 4242, image: 'node.exe' }]);
    expect(store.getState().operations.kill).toMatchObject({ status: 'done', report: { outcome: 'applied' } });
    expect(store.getState().ownersView?.endpoints).toEqual([postgres]);
    expect(store.getState().ownersRemoved).toEqual([node]);
  });

  it('refuses PID 0/4 and critical Windows processes without calling the api', async () => {
    const { api, store } = await storeWith();
    api.calls.length = 0;
    const refused = [
      { pid: 0, image: 'System Idle Process' },
      { pid: 4, image: 'System' },
      ...[
        'csrss.exe',
        'wininit.exe',
        'winlogon.exe',
        'services.exe',
        'lsass.exe',
        'smss.exe',
        'Registry',
        'LSASS.EXE',
      ].map((image, i) => ({ pid: 500 + i, image })),
      { pid: null, image: null },
    ];
    for (const target of refused) {
      await store.getState().killProcess(target);
      expect(store.getState().operations.kill, target.image ?? 'no process').toMatchObject({
        status: 'failed',
        error: { code: 'refused' },
      });
    }
    expect(methods(api)).toEqual([]);
  });

  it('unelevated: refuses without calling the api, while reads still work', async () => {
    const { api, store } = await storeWith(false);
    await store.getState().killProcess(node);
    expect(store.getState().operations.kill).toMatchObject({ status: 'failed', error: { code: 'not-elevated' } });
    await store.getState().loadOwners();
    expect(methods(api)).toEqual(['getSystemInfo', 'listOwnerChanges']);
  });

  it('reads the owners again when the process is already gone', async () => {
    const { api, store } = await storeWith();
    api.answers.killProcess = err('not-found', 'PID 4242 is no longer running');
    await store.getState().killProcess(node);
    expect(methods(api)).toEqual(['getSystemInfo', 'killProcess', 'listOwnerChanges']);
  });
});

describe('owners slice: reverse lookup and closing a connection', () => {
  const chrome = sampleEndpoint({
    localAddress: '192.168.1.23',
    localPort: 52044,
    remoteAddress: '140.82.112.4',
    remotePort: 443,
    state: 'ESTABLISHED',
    pid: 12764,
    image: 'chrome.exe',
  });
  const lookupStore = async (nativeLayer = true) => {
    const api = createFakeApi({
      getSystemInfo: ok(sampleInfo(true)),
      listOwners: ok({ ...sampleOwnersView([node, chrome]), nativeLayer }),
      reverseLookup: ok([{ address: '140.82.112.4', name: 'lb-140-82-112-4-iad.github.com' }]),
    });
    const store = createAppStore(api);
    await store.getState().loadSystemInfo();
    return { api, store };
  };

  it('asks nothing while off (the default), then once per unknown remote address when turned on', async () => {
    const { api, store } = await lookupStore();
    await store.getState().loadOwners();
    expect(store.getState().ownersLookup).toBe(false);
    expect(methods(api)).not.toContain('reverseLookup');
    store.getState().setOwnersLookup(true);
    await expect.poll(() => store.getState().ownersNames.get('140.82.112.4')).toBe('lb-140-82-112-4-iad.github.com');
    expect(api.calls.filter((c) => c.method === 'reverseLookup').map((c) => c.args)).toEqual([
      [{ addresses: ['140.82.112.4'] }],
    ]);
    // Known now: the next read asks nothing more.
    await store.getState().loadOwners();
    expect(api.calls.filter((c) => c.method === 'reverseLookup')).toHaveLength(1);
  });

  it('closes a connection with exactly the validated fields, then reads the owners again', async () => {
    const { api, store } = await lookupStore();
    await store.getState().loadOwners();
    await store.getState().closeConnection(chrome);
    expect(api.calls.find((c) => c.method === 'closeConnection')?.args).toEqual([
      {
        localAddress: '192.168.1.23',
        localPort: 52044,
        remoteAddress: '140.82.112.4',
        remotePort: 443,
        pid: 12764,
        image: 'chrome.exe',
      },
    ]);
    expect(store.getState().operations['close-connection'].status).toBe('done');
    expect(methods(api).filter((m) => m === 'listOwnerChanges')).toHaveLength(2);
  });

  it('refuses without calling the api: IPv6, not ESTABLISHED, no native layer', async () => {
    const { api, store } = await lookupStore(false);
    await store.getState().loadOwners();
    await store.getState().closeConnection(chrome);
    expect(store.getState().operations['close-connection']).toMatchObject({
      status: 'failed',
      error: { code: 'refused', message: expect.stringMatching(/native read layer/) },
    });
    await store.getState().closeConnection({ ...chrome, ipVersion: 'ipv6', localAddress: '::1' });
    expect(store.getState().operations['close-connection']).toMatchObject({
      error: { message: 'Windows can only close IPv4 connections this way.' },
    });
    expect(methods(api)).not.toContain('closeConnection');
  });
});

describe('owners slice: the auto-refresh as changes (owners:changes)', () => {
  /** A main process that answers with changes against the list it last sent (as electron/system/owners/owners-feed.ts). */
  const changesFrom = (lists: Endpoint[][]) => {
    let sent: { revision: number; endpoints: Endpoint[] } | null = null;
    let revision = 0;
    let read = 0;
    return async (input: OwnerChangesInput): Promise<Result<OwnersChanges>> => {
      const endpoints = lists[Math.min(read++, lists.length - 1)] ?? [];
      const view = sampleOwnersView(endpoints);
      const base = sent !== null && input.revision === sent.revision ? sent : null;
      sent = { revision: ++revision, endpoints };
      const changes = base && diffEndpoints(base.endpoints, endpoints);
      if (!base || !changes) return ok({ kind: 'full', revision, view });
      return ok({ kind: 'delta', revision, base: base.revision, view: { readAt: view.readAt }, ...changes });
    };
  };

  it('sends back the revision it holds and ends each poll with exactly the list a full read gives', async () => {
    const lists = [[node, postgres], [node, vite], [{ ...node, state: 'ESTABLISHED' }, vite, postgres], [vite]];
    const { api, store } = await storeWith();
    api.answers.listOwnerChanges = changesFrom(lists);
    for (const list of lists) {
      await store.getState().loadOwners();
      expect(store.getState().ownersView).toEqual(sampleOwnersView(list));
    }
    const polls = api.calls.filter((c) => c.method === 'listOwnerChanges').map((c) => c.args[0]);
    expect(polls).toEqual([
      { allStates: false, revision: null },
      { allStates: false, revision: 1 },
      { allStates: false, revision: 2 },
      { allStates: false, revision: 3 },
    ]);
    // The diff marks still work on the applied list.
    expect(store.getState().ownersRemoved).toEqual([{ ...node, state: 'ESTABLISHED' }, postgres]);
  });

  it('a delta that does not fit the list held makes it ask once more, in full', async () => {
    const { api, store } = await storeWith();
    await store.getState().loadOwners();
    api.answers.listOwnerChanges = async (input) =>
      input.revision === null
        ? ok({ kind: 'full', revision: 7, view: sampleOwnersView([vite]) })
        : ok({
            kind: 'delta',
            revision: 8,
            base: 12345,
            view: { readAt: 'x' },
            count: 0,
            removed: [],
            added: [],
            changed: [],
          });
    await store.getState().loadOwners();
    expect(store.getState().ownersView).toEqual(sampleOwnersView([vite]));
    const polls = api.calls.filter((c) => c.method === 'listOwnerChanges').map((c) => c.args[0]);
    expect(polls.slice(1)).toEqual([
      { allStates: false, revision: 1 },
      { allStates: false, revision: null },
    ]);
  });

  it('after a kill report replaced the list, the next poll asks in full', async () => {
    const { api, store } = await storeWith();
    await store.getState().loadOwners();
    api.answers.killProcess = ok(sampleKillReport(sampleOwnersView([postgres])));
    await store.getState().killProcess(node);
    await store.getState().loadOwners();
    const polls = api.calls.filter((c) => c.method === 'listOwnerChanges').map((c) => c.args[0]);
    expect(polls).toEqual([
      { allStates: false, revision: null },
      { allStates: false, revision: null },
    ]);
  });
});
