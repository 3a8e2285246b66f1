import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENTS } from '../shared/ipc';
import { argumentSchemas } from '../shared/validate';

const { fake } = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('../test/fake-electron');
  return { fake: createFakeElectron() };
});
vi.mock('electron', () => fake.module);

type ExposedApi = Record<string, (...args: unknown[]) => unknown>;

const loadPreload = async (): Promise<ExposedApi> => {
  fake.reset();
  vi.resetModules();
  await import('./preload');
  const exposed = fake.state.contextBridge.exposed;
  expect([...exposed.keys()]).toEqual(['api']);
  return exposed.get('api') as ExposedApi;
};

describe('preload (docs/architecture.md §5: one function per channel)', () => {
  let api: ExposedApi;
  beforeEach(async () => {
    api = await loadPreload();
  });

  it('exposes exactly the keys of CHANNELS and EVENTS, all functions', () => {
    expect(Object.keys(api).sort()).toEqual([...Object.keys(CHANNELS), ...Object.keys(EVENTS)].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('never exposes ipcRenderer or a generic invoke/send', () => {
    for (const value of Object.values(api)) expect(value).not.toBe(fake.state.ipcRenderer);
    for (const name of ['invoke', 'send', 'on', 'ipcRenderer', 'sendSync', 'postMessage'])
      expect(api).not.toHaveProperty(name);
  });

  it.each(Object.entries(CHANNELS))(
    '%s invokes its own channel %s and forwards only its input',
    async (method, channel) => {
      const input = { marker: method };
      await api[method]!(input, 'a second argument is never forwarded');
      await api[method]!();
      const calls = fake.state.ipcRenderer.invocations;
      expect(calls).toHaveLength(2);
      expect(calls[0]).toMatchObject({ channel, args: [input] });
      expect(calls[1]).toMatchObject({ channel, args: [] });
      // Each function carries its method's name, so stacks and the devtools say which channel it is.
      expect(api[method]!.name).toBe(method);
    },
  );

  it('a channel without input rejects a forwarded argument in main (the tuple schema is the gate)', () => {
    for (const method of Object.keys(CHANNELS) as (keyof typeof argumentSchemas)[]) {
      const schema = argumentSchemas[method];
      if (schema.safeParse([]).success) expect(schema.safeParse([{ marker: method }]).success).toBe(false);
    }
  });

  it.each(Object.entries(EVENTS))('%s delivers only the payload of %s and unsubscribes', (method, channel) => {
    const received: unknown[][] = [];
    const unsubscribe = api[method]!((...args: unknown[]) => received.push(args)) as () => void;
    expect(fake.state.ipcRenderer.listenerCount(channel)).toBe(1);

    const event = { sender: fake.state.ipcRenderer, senderId: 0, ports: [] };
    fake.state.ipcRenderer.emit(channel, event, 'payload-1');
    expect(received).toEqual([['payload-1']]);

    unsubscribe();
    expect(fake.state.ipcRenderer.listenerCount(channel)).toBe(0);
    fake.state.ipcRenderer.emit(channel, event, 'payload-2');
    expect(received).toHaveLength(1);
  });

  it('keeps two subscriptions to the same event independent', () => {
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = api.onActivity!((p: unknown) => a.push(p)) as () => void;
    api.onActivity!((p: unknown) => b.push(p));
    offA();
    fake.state.ipcRenderer.emit(EVENTS.onActivity, {}, 'x');
    expect(a).toEqual([]);
    expect(b).toEqual(['x']);
  });
});
