import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENTS } from '../shared/ipc';
import type { ServiceStatus, WatchState } from '../shared/model';
import type { EventSink } from './router-types';
import type { SenderPolicy } from './sender';
import { FakeEvent, FakeWebContents } from '../test/fake-electron';
import { SANDBOX_FAILURE_MESSAGE } from './renderer-recovery';

const { fake, core, services } = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('../test/fake-electron');
  // The fake AppCore main.ts gets from createAppCore: records what the shell does with it.
  const core = {
    options: null as null | { policy: SenderPolicy; appVersion: string; simulated: boolean },
    sinks: [] as Array<EventSink | null>,
    dispatched: [] as string[],
    statusListeners: [] as Array<(status: ServiceStatus) => void>,
    watchListeners: [] as Array<(states: readonly WatchState[], changed: readonly WatchState[]) => void>,
    watchChecks: 0,
    refreshes: 0,
    reset() {
      this.watchListeners = [];
      this.watchChecks = 0;
      this.options = null;
      this.sinks = [];
      this.dispatched = [];
      this.statusListeners = [];
      this.refreshes = 0;
    },
  };
  // What the journal holds at start and what main writes to main.log.
  const services = { journalEntries: [] as Array<{ id: string; operation: string }>, logLines: [] as string[] };
  return { fake: createFakeElectron(), core, services };
});

vi.mock('electron', () => fake.module);
vi.mock('./system/run/choose-windows', () => ({
  selectRunner: () => ({
    runner: { run: () => Promise.reject(new Error('no commands in this test')) },
    simulated: true,
    scenario: null,
  }),
}));
vi.mock('./system/elevation/relaunch-as-administrator', () => ({ relaunchAsAdministrator: () => Promise.resolve() }));
// The services only reach the (fake) core; their own tests cover them. Real ones would open log and
// journal files under the fake userData path.
vi.mock('./system/app-services', () => ({
  createAppServices: () => ({
    journal: { list: () => Promise.resolve(services.journalEntries) },
    appLog: {
      info: (text: string) => services.logLines.push(`info ${text}`),
      warn: (text: string) => services.logLines.push(`warn ${text}`),
    },
  }),
}));
vi.mock('./app-core', () => ({
  createAppCore: (options: typeof core.options) => {
    core.options = options;
    return {
      router: {
        channels: Object.values(CHANNELS),
        dispatch: (channel: string) => {
          core.dispatched.push(channel);
          return Promise.resolve({ ok: true, value: null });
        },
      },
      setEventSink: (sink: EventSink | null) => core.sinks.push(sink),
      refreshWinnatStatus: () => {
        core.refreshes += 1;
        return Promise.resolve('running');
      },
      onWinnatStatus: (listener: (status: ServiceStatus) => void) => {
        core.statusListeners.push(listener);
        return () => undefined;
      },
      checkWatchedPorts: () => {
        core.watchChecks += 1;
        return Promise.resolve([]);
      },
      onWatchStates: (listener: (states: readonly WatchState[], changed: readonly WatchState[]) => void) => {
        core.watchListeners.push(listener);
        return () => undefined;
      },
    };
  },
}));

const originalArgv = process.argv;

interface StartOptions {
  packaged?: boolean;
  args?: string[];
  lock?: boolean;
  ready?: boolean;
}

const start = async ({ packaged = false, args = [], lock = true, ready = true }: StartOptions = {}) => {
  fake.reset();
  core.reset();
  services.logLines = [];
  vi.resetModules();
  fake.state.app.isPackaged = packaged;
  fake.state.app.singleInstanceLock = lock;
  process.argv = ['C:\\Program Files\\Portwarden\\Portwarden.exe', ...args];
  await import('./main');
  if (ready) await fake.state.app.fireReady();
  return fake.state;
};

const mainWindow = () => {
  const live = fake.state.BrowserWindow.getAllWindows();
  expect(live).toHaveLength(1);
  return live[0]!;
};

const menuItem = (label: string) => fake.state.trays[0]!.contextMenu!.template.find((i) => i.label === label)!;

beforeEach(() => {
  Object.defineProperty(process, 'resourcesPath', { value: '/resources', configurable: true });
});
afterEach(() => {
  process.argv = originalArgv;
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('main: before ready', () => {
  it('enables the sandbox and claims app:// before ready, and creates no window before ready', async () => {
    const state = await start({ ready: false });
    expect(state.log).toContain('app.enableSandbox');
    expect(state.log).toContain('protocol.registerSchemesAsPrivileged:before-ready');
    expect(state.windows).toHaveLength(0);
    await state.app.fireReady();
    const log = state.log;
    expect(log.indexOf('app.enableSandbox')).toBeLessThan(log.indexOf('app.ready'));
    expect(log.indexOf('app.ready')).toBeLessThan(log.indexOf('BrowserWindow.new'));
  });

  it('packaged: forbidden switches quit before any window, handler or sandbox call', async () => {
    const state = await start({ packaged: true, args: ['--remote-debugging-port=9222'] });
    expect(state.log).toContain('app.exit:1');
    expect(state.dialog.errorBoxes[0]?.content).toContain('--remote-debugging-port=9222');
    expect(state.windows).toHaveLength(0);
    expect(state.trays).toHaveLength(0);
    expect(state.ipcMain.handlers.size).toBe(0);
    expect(state.log.indexOf('app.exit:1')).toBeLessThan(
      state.log.includes('app.enableSandbox') ? state.log.indexOf('app.enableSandbox') : Infinity,
    );
  });

  it('packaged: a switch seen by app.commandLine is refused too', async () => {
    fake.reset();
    core.reset();
    vi.resetModules();
    fake.state.app.isPackaged = true;
    fake.state.app.switches.set('inspect', '');
    process.argv = ['Portwarden.exe'];
    await import('./main');
    await fake.state.app.fireReady();
    expect(fake.state.log).toContain('app.exit:1');
    expect(fake.state.windows).toHaveLength(0);
  });

  it('packaged without forbidden switches starts normally', async () => {
    const state = await start({ packaged: true });
    expect(state.log).not.toContain('app.exit:1');
    expect(state.windows).toHaveLength(1);
  });

  it('dev builds are not refused (debugging is the point there)', async () => {
    const state = await start({ args: ['--inspect'] });
    expect(state.log).not.toContain('app.exit:1');
    expect(state.windows).toHaveLength(1);
  });

  it('a second instance quits without creating anything', async () => {
    const state = await start({ lock: false });
    expect(state.log).toContain('app.quit');
    expect(state.windows).toHaveLength(0);
    expect(state.trays).toHaveLength(0);
    expect(state.ipcMain.handlers.size).toBe(0);
  });
});

describe('main: after ready', () => {
  it('denies every permission request and check on the default session', async () => {
    const { session } = await start();
    const request = session.defaultSession.permissionRequestHandler as unknown as (
      wc: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: unknown,
    ) => void;
    const check = session.defaultSession.permissionCheckHandler as unknown as (
      wc: unknown,
      permission: string,
      origin: string,
      details: unknown,
    ) => boolean;
    expect(request).toBeTypeOf('function');
    expect(check).toBeTypeOf('function');
    for (const permission of ['media', 'notifications', 'clipboard-sanitized-write', 'openExternal', 'geolocation']) {
      const answers: boolean[] = [];
      request({}, permission, (granted) => answers.push(granted), {});
      expect(answers, permission).toEqual([false]);
      expect(check({}, permission, 'app://portwarden', {}), permission).toBe(false);
    }
    expect((session.defaultSession.devicePermissionHandler as unknown as () => boolean)()).toBe(false);
  });

  it('serves app:// and registers exactly the router channels', async () => {
    const state = await start();
    expect([...state.protocol.handlers.keys()]).toEqual(['app']);
    expect([...state.ipcMain.handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
  });

  it('creates one hidden-then-shown window with the CommonJS preload, loading app:// when packaged', async () => {
    await start({ packaged: true });
    const window = mainWindow();
    expect(window.options.show).toBe(false);
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs.preload).toBe(path.join('/app', 'out', 'preload', 'preload.cjs'));
    expect(prefs.devTools).toBe(false);
    expect(window.webContents.loadedUrls).toEqual(['app://portwarden/index.html']);
    expect(window.visible).toBe(true);
  });

  it('--hidden (the logon task) keeps the window hidden until asked', async () => {
    const state = await start({ args: ['--hidden'] });
    const window = mainWindow();
    expect(window.visible).toBe(false);
    state.trays[0]!.emit('double-click');
    expect(window.calls.slice(-2)).toEqual(['show', 'focus']);
    expect(window.visible).toBe(true);
  });

  it('a second launch shows and focuses the first instance window', async () => {
    const state = await start({ args: ['--hidden'] });
    const window = mainWindow();
    window.minimize();
    state.app.emit('second-instance', new FakeEvent(), ['Portwarden.exe'], '/');
    expect(window.calls.slice(-3)).toEqual(['restore', 'show', 'focus']);
  });

  it('tray double-click shows and focuses the window', async () => {
    const state = await start({ args: ['--hidden'] });
    state.trays[0]!.emit('double-click');
    expect(mainWindow().visible).toBe(true);
    expect(mainWindow().focused).toBe(true);
  });

  it('close hides to the tray; window-all-closed does not quit', async () => {
    const state = await start();
    const window = mainWindow();
    expect(window.close()).toBe(false);
    expect(window.visible).toBe(false);
    state.app.emit('window-all-closed');
    expect(state.log).not.toContain('app.quit');
  });

  it('tray Quit really quits: app.quit, and the window then closes for real', async () => {
    const state = await start();
    menuItem('Quit').click!();
    expect(state.log).toContain('app.quit');
    expect(mainWindow().close()).toBe(true);
  });

  it('tray Restart WinNAT… shows the window and hands it the command, running nothing itself', async () => {
    await start({ args: ['--hidden'] });
    const window = mainWindow();
    menuItem('Restart WinNAT…').click!();
    expect(window.visible).toBe(true);
    expect(window.webContents.sent).toEqual([{ channel: EVENTS.onTrayCommand, args: ['restart-winnat'] }]);
    expect(core.dispatched).toEqual([]);
  });

  it('tray Restart WinNAT… waits for a loading page before handing over the command', async () => {
    await start({ args: ['--hidden'] });
    const window = mainWindow();
    window.webContents.loading = true;
    menuItem('Restart WinNAT…').click!();
    expect(window.webContents.sent).toEqual([]);
    window.webContents.emit('did-finish-load');
    expect(window.webContents.sent).toEqual([{ channel: EVENTS.onTrayCommand, args: ['restart-winnat'] }]);
  });

  it('checks watched ports at start, and a notification click opens the doctor on that port', async () => {
    await start({ args: ['--hidden'] });
    expect(core.watchChecks).toBe(1);
    const window = mainWindow();
    const blocked: WatchState = {
      port: 8065,
      protocol: 'tcp',
      status: 'reserved',
      reason: 'TCP 8031-8130',
      checkedAt: 'now',
    };
    for (const listener of core.watchListeners) listener([blocked], [blocked]);
    const toast = fake.state.notifications.find((n) => n.shown)!;
    expect(toast.options.title).toBe('Port 8065 is now reserved');
    expect(window.visible).toBe(false);
    toast.emit('click');
    expect(window.visible).toBe(true);
    expect(window.webContents.sent).toContainEqual({
      channel: EVENTS.onOpenDoctor,
      args: [{ port: 8065, protocol: 'tcp' }],
    });
    expect(core.dispatched).toEqual([]);
  });

  it('an interrupted change in the journal at start: a notification (even hidden), main.log says so, nothing is resolved', async () => {
    services.journalEntries = [{ id: '20261123T100000000Z-00000000', operation: 'protect-ports' }];
    try {
      await start({ args: ['--hidden'] });
      await vi.waitFor(() => expect(fake.state.notifications.some((n) => n.shown)).toBe(true));
      const toast = fake.state.notifications.find((n) => n.shown)!;
      expect(toast.options.title).toBe('A change was interrupted');
      expect(services.logLines.some((l) => l.startsWith('info Portwarden 0.1.0 started'))).toBe(true);
      expect(services.logLines.some((l) => l.includes('interrupted change(s) in the journal: protect-ports'))).toBe(
        true,
      );
      const window = mainWindow();
      expect(window.visible).toBe(false);
      toast.emit('click');
      expect(window.visible).toBe(true);
      expect(core.dispatched).toEqual([]);
    } finally {
      services.journalEntries = [];
    }
  });

  it('wires the core: sender policy pins our origin and window, events reach the window, status is read', async () => {
    await start({ packaged: true });
    const window = mainWindow();
    expect(core.options!.policy.origins).toEqual(['app://portwarden']);
    expect(core.options!.policy.webContentsIds()).toEqual([window.webContents.id]);
    expect(core.options!.appVersion).toBe('0.1.0');
    expect(core.refreshes).toBe(1);
    core.sinks.at(-1)!.emit('onActivity', { id: 'x' } as never);
    expect(window.webContents.sent).toEqual([{ channel: EVENTS.onActivity, args: [{ id: 'x' }] }]);
    core.statusListeners[0]!('running');
    expect(fake.state.trays[0]!.tooltip).toBe('Portwarden — WinNAT: running');
  });

  it('guards every webContents that appears, not only the main window', async () => {
    const state = await start();
    const stray = new FakeWebContents();
    state.app.emit('web-contents-created', new FakeEvent(), stray);
    expect(stray.fireNavigation('will-navigate', 'https://evil.example')).toBe(true);
    expect(stray.fireNavigation('will-redirect', 'file:///C:/Windows/')).toBe(true);
    expect(stray.openWindow('https://evil.example')).toBe('deny');
    expect(stray.fireAttachWebview('https://evil.example')).toBe(true);
  });

  it('never calls shell.openExternal, and no shell source mentions it (docs/architecture.md §5)', async () => {
    const state = await start();
    expect(state.shell.openExternalCalls).toEqual([]);
    const dir = path.dirname(new URL(import.meta.url).pathname);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const source = readFileSync(path.join(dir, file), 'utf8');
      expect(source, file).not.toMatch(/openExternal\s*\(/);
      expect(source, file).not.toMatch(/import\s*\{[^}]*\bshell\b[^}]*\}\s*from\s*'electron'/);
    }
  });
});

describe('main: renderer crash, hang and sandbox failure (renderer-recovery.ts)', () => {
  /** Started, the first page loaded (so the sandbox is known to work), console.error captured. */
  const startLoaded = async (options: StartOptions = {}) => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const state = await start(options);
    mainWindow().webContents.finishLoad();
    return { state, errors };
  };
  /** The IPC routes are registered once at start; recovery never invokes or re-registers one. */
  const expectNoCommandReissued = (state: typeof fake.state): void => {
    expect(core.dispatched).toEqual([]);
    expect([...state.ipcMain.handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
  };
  const expectSandboxKept = (state: typeof fake.state): void => {
    expect(state.log.filter((entry) => /no-sandbox/.test(entry))).toEqual([]);
    expect(state.app.commandLine.hasSwitch('no-sandbox')).toBe(false);
    expect(state.log.filter((entry) => entry.startsWith('app.relaunch'))).toEqual([]);
  };

  it('recreates the window when the renderer dies, without re-issuing any command', async () => {
    const { state } = await startLoaded();
    const first = mainWindow();
    first.webContents.killRenderer('crashed');
    expect(first.destroyed).toBe(true);
    const second = mainWindow();
    expect(second).not.toBe(first);
    expect(second.visible).toBe(true);
    expect(core.options!.policy.webContentsIds()).toEqual([second.webContents.id]);
    expectNoCommandReissued(state);
    expect(state.dialog.errorBoxes).toEqual([]);
  });

  it('a hidden window that crashes comes back hidden', async () => {
    await startLoaded({ args: ['--hidden'] });
    const first = mainWindow();
    first.webContents.killRenderer('oom');
    expect(mainWindow()).not.toBe(first);
    expect(mainWindow().visible).toBe(false);
  });

  it('crashed 4 times in a minute: gives up with a log line, the tray stays and opens a fresh window', async () => {
    const { state, errors } = await startLoaded();
    for (let i = 0; i < 5; i += 1) {
      const live = state.BrowserWindow.getAllWindows();
      if (live.length === 0) break;
      live[0]!.webContents.killRenderer('crashed');
    }
    expect(state.windows).toHaveLength(4);
    expect(state.BrowserWindow.getAllWindows()).toHaveLength(0);
    expect(errors).toHaveBeenLastCalledWith(
      expect.stringMatching(/renderer gone \(crashed\) 4 times in a minute; not recreating/),
    );
    expect(state.trays[0]!.isDestroyed()).toBe(false);
    expect(state.log).not.toContain('app.quit');
    expectNoCommandReissued(state);
    state.trays[0]!.emit('double-click');
    expect(state.BrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('unresponsive for the grace period: the renderer is killed and the window recreated', async () => {
    const { state } = await startLoaded();
    vi.useFakeTimers();
    const first = mainWindow();
    first.becomeUnresponsive();
    vi.advanceTimersByTime(9_999);
    expect(mainWindow()).toBe(first);
    vi.advanceTimersByTime(1);
    expect(first.webContents.crashedByApp).toBe(true);
    expect(first.destroyed).toBe(true);
    const second = mainWindow();
    expect(second).not.toBe(first);
    expect(second.visible).toBe(true);
    // The 'killed' render-process-gone of the old window is not a second recovery.
    expect(state.windows).toHaveLength(2);
    expectNoCommandReissued(state);
  });

  it('responsive again within the grace period: the window is kept', async () => {
    const { state } = await startLoaded();
    vi.useFakeTimers();
    const first = mainWindow();
    first.becomeUnresponsive();
    vi.advanceTimersByTime(8_000);
    first.becomeResponsive();
    vi.advanceTimersByTime(60_000);
    expect(mainWindow()).toBe(first);
    expect(first.webContents.crashedByApp).toBe(false);
    expect(state.windows).toHaveLength(1);
    // A later hang starts a new grace period of its own.
    first.becomeUnresponsive();
    vi.advanceTimersByTime(10_000);
    expect(first.destroyed).toBe(true);
    expect(state.windows).toHaveLength(2);
  });

  it('a renderer paused in DevTools (dev) is not treated as hung', async () => {
    const { state } = await startLoaded();
    vi.useFakeTimers();
    const window = mainWindow();
    window.webContents.devToolsOpened = true;
    window.becomeUnresponsive();
    vi.advanceTimersByTime(60_000);
    expect(mainWindow()).toBe(window);
    expect(state.windows).toHaveLength(1);
  });

  it('quitting during a hang recreates nothing', async () => {
    const { state } = await startLoaded();
    vi.useFakeTimers();
    mainWindow().becomeUnresponsive();
    menuItem('Quit').click!();
    vi.advanceTimersByTime(10_000);
    expect(state.windows).toHaveLength(1);
  });

  it.each(['launch-failed', 'crashed'])(
    '%s before the first load: explains the sandbox failure, never falls back to --no-sandbox',
    async (reason) => {
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const state = await start();
      const first = mainWindow();
      first.webContents.killRenderer(reason);
      expect(first.destroyed).toBe(true);
      expect(state.BrowserWindow.getAllWindows()).toHaveLength(0);
      expect(state.dialog.errorBoxes).toEqual([{ title: 'Portwarden', content: SANDBOX_FAILURE_MESSAGE }]);
      expect(SANDBOX_FAILURE_MESSAGE).toMatch(/could not start[\s\S]*sandbox[\s\S]*never turns the sandbox off/);
      expect(errors).toHaveBeenCalledWith(expect.stringMatching(/before the first page load/));
      expectSandboxKept(state);
      expectNoCommandReissued(state);
      expect(state.log).not.toContain('app.quit');
      expect(state.log.filter((entry) => entry.startsWith('app.exit'))).toEqual([]);
      // The tray stays; asking again tries again (sandboxed), and a repeat failure does not re-open the dialog.
      state.trays[0]!.emit('double-click');
      mainWindow().webContents.killRenderer(reason);
      expect(state.dialog.errorBoxes).toHaveLength(1);
      expect(state.windows).toHaveLength(2);
      expectSandboxKept(state);
    },
  );

  it("a 'Tab' child process that failed to launch before the first load gets the same message", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const state = await start();
    state.app.fireChildProcessGone({ type: 'Tab', reason: 'launch-failed' });
    expect(state.dialog.errorBoxes).toEqual([{ title: 'Portwarden', content: SANDBOX_FAILURE_MESSAGE }]);
    expect(state.BrowserWindow.getAllWindows()).toHaveLength(0);
    expectSandboxKept(state);
  });

  it('GPU and utility processes going away are logged; the window is left alone', async () => {
    const { state, errors } = await startLoaded();
    const window = mainWindow();
    for (let i = 0; i < 4; i += 1) state.app.fireChildProcessGone({ type: 'GPU', reason: 'crashed' });
    state.app.fireChildProcessGone({ type: 'Utility', reason: 'killed', name: 'Network Service' });
    expect(mainWindow()).toBe(window);
    expect(state.windows).toHaveLength(1);
    expect(errors).toHaveBeenCalledWith('Portwarden: GPU process gone (crashed)');
    expect(errors).toHaveBeenLastCalledWith('Portwarden: Utility (Network Service) process gone (killed)');
    expect(state.dialog.errorBoxes).toEqual([]);
    expectSandboxKept(state);
    expectNoCommandReissued(state);
  });
});
