import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS, EVENTS } from '../shared/ipc';
import type { Router } from './router-types';
import type { SenderInfo } from './sender';

const { fake } = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('../test/fake-electron');
  return { fake: createFakeElectron() };
});
vi.mock('electron', () => fake.module);

const { createEventSink, registerIpc, senderInfoOf } = await import('./ipc');

const recordingRouter = () => {
  const calls: Array<{ channel: string; sender: SenderInfo; args: readonly unknown[] }> = [];
  const router: Router = {
    channels: Object.values(CHANNELS),
    dispatch: async (channel, sender, args) => {
      calls.push({ channel, sender, args });
      return { ok: true, value: channel };
    },
  };
  return { router, calls };
};

const mainFrame = { url: 'app://portwarden/index.html' };
const fakeEvent = (senderFrame: unknown, id = 7): IpcMainInvokeEvent =>
  ({ senderFrame, sender: { id, mainFrame } }) as unknown as IpcMainInvokeEvent;

describe('registerIpc', () => {
  beforeEach(() => fake.reset());

  it('registers exactly router.channels and nothing else', () => {
    const { router } = recordingRouter();
    registerIpc(router);
    expect([...fake.state.ipcMain.handlers.keys()].sort()).toEqual([...router.channels].sort());
  });

  it('passes the channel, the arguments and the main-frame SenderInfo to the router', async () => {
    const { router, calls } = recordingRouter();
    registerIpc(router);
    const handler = fake.state.ipcMain.handlers.get(CHANNELS.addExclusion)!;
    const result = await handler(fakeEvent(mainFrame), { startPort: '80' }, 'second');
    expect(result).toEqual({ ok: true, value: CHANNELS.addExclusion });
    expect(calls).toEqual([
      {
        channel: CHANNELS.addExclusion,
        sender: { frameUrl: 'app://portwarden/index.html', isMainFrame: true, webContentsId: 7 },
        args: [{ startPort: '80' }, 'second'],
      },
    ]);
  });

  it('reports a subframe as not the main frame', async () => {
    const { router, calls } = recordingRouter();
    registerIpc(router);
    await fake.state.ipcMain.handlers.get(CHANNELS.getSnapshot)!(fakeEvent({ url: 'https://evil.example/' }, 9));
    expect(calls[0]!.sender).toEqual({ frameUrl: 'https://evil.example/', isMainFrame: false, webContentsId: 9 });
  });

  it('reports a gone frame (null) and a destroyed frame (throws) as frameUrl null', async () => {
    const { router, calls } = recordingRouter();
    registerIpc(router);
    const handler = fake.state.ipcMain.handlers.get(CHANNELS.restartWinnat)!;
    await handler(fakeEvent(null));
    const destroyed = {
      sender: { id: 3, mainFrame },
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    } as unknown as IpcMainInvokeEvent;
    await handler(destroyed);
    expect(calls.map((c) => c.sender)).toEqual([
      { frameUrl: null, isMainFrame: false, webContentsId: 7 },
      { frameUrl: null, isMainFrame: false, webContentsId: 3 },
    ]);
  });

  it('turns a throwing router into an internal error value instead of a rejection', async () => {
    registerIpc({
      channels: [CHANNELS.getSnapshot],
      dispatch: () => Promise.reject(new Error('boom')),
    });
    const result = await fake.state.ipcMain.handlers.get(CHANNELS.getSnapshot)!(fakeEvent(mainFrame));
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('returns a disposer that removes every handler', () => {
    const { router } = recordingRouter();
    const dispose = registerIpc(router);
    dispose();
    expect(fake.state.ipcMain.handlers.size).toBe(0);
  });

  it('senderInfoOf compares the frame by identity with sender.mainFrame', () => {
    expect(senderInfoOf(fakeEvent({ url: mainFrame.url })).isMainFrame).toBe(false);
    expect(senderInfoOf(fakeEvent(mainFrame)).isMainFrame).toBe(true);
  });
});

describe('createEventSink', () => {
  it('sends the event channel and payload to the live webContents, and skips a destroyed one', () => {
    const sent: unknown[][] = [];
    let destroyed = false;
    const contents = {
      isDestroyed: () => destroyed,
      send: (...args: unknown[]) => sent.push(args),
    } as unknown as WebContents;
    const sink = createEventSink(() => contents);
    sink.emit('onTrayCommand', 'restart-winnat');
    destroyed = true;
    sink.emit('onTrayCommand', 'restart-winnat');
    expect(sent).toEqual([[EVENTS.onTrayCommand, 'restart-winnat']]);
  });

  it('drops events while there is no window', () => {
    expect(() => createEventSink(() => null).emit('onTrayCommand', 'restart-winnat')).not.toThrow();
  });
});
