/**
 * A recording stand-in for the `electron` module. The Electron binary cannot run in tests (and is not
 * even downloadable offline), so the main-process wiring is proven against this fake instead: it
 * records every option, handler and call the app makes, and lets a test fire the events Electron
 * would (ready, second-instance, close, will-navigate, did-finish-load, unresponsive, render-process-gone,
 * child-process-gone, ...). docs/architecture.md §5: "prove each item with a test".
 *
 * Use from a test file:
 *   const { fake } = await vi.hoisted(async () => {
 *     const { createFakeElectron } = await import('../test/fake-electron');
 *     return { fake: createFakeElectron() };
 *   });
 *   vi.mock('electron', () => fake.module);
 *   beforeEach(() => fake.reset());
 *
 * `fake.module` is one stable object whose properties read the current state, so it survives
 * vi.resetModules() (main.ts runs its lifecycle on import and is re-imported per test).
 */

type Listener = (...args: never[]) => unknown;

/** A minimal EventEmitter that also lets tests see who listens to what. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapper = ((...args: never[]) => {
      this.removeListener(event, wrapper);
      return listener(...args);
    }) as Listener;
    return this.on(event, wrapper);
  }

  addListener(event: string, listener: Listener): this {
    return this.on(event, listener);
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }

  off(event: string, listener: Listener): this {
    return this.removeListener(event, listener);
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }

  /** Calls every listener with the given arguments; returns how many ran. */
  emit(event: string, ...args: unknown[]): number {
    const current = [...(this.listeners.get(event) ?? [])];
    for (const listener of current) (listener as (...a: unknown[]) => unknown)(...args);
    return current.length;
  }
}

/** The Event object Electron passes to cancellable handlers. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly fields: Record<string, unknown> = {}) {
    Object.assign(this, fields);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export interface FakeFrame {
  url: string;
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

let nextWebContentsId = 1;

export class FakeWebContents extends FakeEmitter {
  readonly id = nextWebContentsId++;
  readonly mainFrame: FakeFrame = { url: '' };
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  readonly loadedUrls: string[] = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  destroyed = false;
  loading = false;
  crashedByApp = false;
  devToolsOpened = false;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isLoading(): boolean {
    return this.loading;
  }
  isDevToolsOpened(): boolean {
    return this.devToolsOpened;
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.mainFrame.url = url;
    return Promise.resolve();
  }
  /** Like Electron: the renderer is killed and 'render-process-gone' follows with reason 'killed'. */
  forcefullyCrashRenderer(): void {
    this.crashedByApp = true;
    this.emit('render-process-gone', new FakeEvent(), { reason: 'killed', exitCode: 1 });
  }

  /** Test helper: the page finished loading (loadURL alone never fires it, so tests choose when). */
  finishLoad(): void {
    this.loading = false;
    this.emit('did-finish-load', new FakeEvent());
  }

  /** Test helper: the renderer process died ('crashed', 'launch-failed', 'oom', ...). */
  killRenderer(reason: string, exitCode = 1): void {
    this.emit('render-process-gone', new FakeEvent(), { reason, exitCode });
  }

  /** Fires a cancellable navigation-like event the way Electron does; returns whether it was blocked. */
  fireNavigation(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', url: string): boolean {
    const e = new FakeEvent({ url, isMainFrame: true });
    this.emit(event, e, url);
    return e.defaultPrevented;
  }

  fireAttachWebview(src: string): boolean {
    const e = new FakeEvent();
    this.emit('will-attach-webview', e, { preload: '', nodeIntegration: true }, { src });
    return e.defaultPrevented;
  }

  /** What window.open(url) would get; 'allow' when no handler was set (Electron's default). */
  openWindow(url: string): 'allow' | 'deny' {
    return this.windowOpenHandler ? this.windowOpenHandler({ url }).action : 'allow';
  }
}

export interface MenuItemTemplate {
  label?: string;
  type?: string;
  click?: (...args: unknown[]) => void;
  submenu?: MenuItemTemplate[];
}

export interface FakeMenu {
  readonly template: MenuItemTemplate[];
}

export interface FakeNativeImage {
  readonly path: string;
  isEmpty(): boolean;
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

const createState = () => {
  /** One ordered log across the whole fake, so tests can assert "X happened before Y". */
  const log: string[] = [];

  class FakeApp extends FakeEmitter {
    isPackaged = false;
    singleInstanceLock = true;
    locale = 'en-US';
    version = '0.1.0';
    appPath = '/app';
    ready = false;
    readonly switches = new Map<string, string>();
    readonly commandLine = {
      appendSwitch: (name: string, value = ''): void => {
        log.push(`app.commandLine.appendSwitch:${name}`);
        this.switches.set(name, value);
      },
      hasSwitch: (name: string): boolean => this.switches.has(name),
      getSwitchValue: (name: string): string => this.switches.get(name) ?? '',
    };
    private resolveReady!: () => void;
    private readonly readyPromise = new Promise<void>((resolve) => {
      this.resolveReady = resolve;
    });

    enableSandbox(): void {
      log.push('app.enableSandbox');
    }
    setAppUserModelId(id: string): void {
      log.push(`app.setAppUserModelId:${id}`);
    }
    requestSingleInstanceLock(): boolean {
      log.push('app.requestSingleInstanceLock');
      return this.singleInstanceLock;
    }
    quit(): void {
      log.push('app.quit');
      const e = new FakeEvent();
      this.emit('before-quit', e);
    }
    exit(code = 0): void {
      log.push(`app.exit:${code}`);
    }
    /** Recorded with its arguments, so a test can prove the app never relaunches itself with a switch. */
    relaunch(options: { args?: string[]; execPath?: string } = {}): void {
      log.push(`app.relaunch:${(options.args ?? []).join(' ')}`);
    }
    isReady(): boolean {
      return this.ready;
    }
    whenReady(): Promise<void> {
      return this.readyPromise;
    }
    getVersion(): string {
      return this.version;
    }
    getLocale(): string {
      return this.locale;
    }
    getAppPath(): string {
      return this.appPath;
    }
    /** Only 'userData' is asked for (the simulated data folder); a fixed fake path, never written in tests. */
    getPath(name: string): string {
      return `/fake-electron/${name}`;
    }
    /** Test helper: Electron's 'ready'; resolves whenReady() and lets queued continuations run. */
    async fireReady(): Promise<void> {
      log.push('app.ready');
      this.ready = true;
      this.resolveReady();
      this.emit('ready', new FakeEvent(), {});
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    /** Test helper: a GPU / utility / other child process disappeared (Electron's details shape). */
    fireChildProcessGone(details: { type: string; reason: string; exitCode?: number; name?: string }): void {
      this.emit('child-process-gone', new FakeEvent(), { exitCode: 1, ...details });
    }
  }

  const app = new FakeApp();
  const windows: FakeBrowserWindow[] = [];

  class FakeBrowserWindow extends FakeEmitter {
    readonly webContents = new FakeWebContents();
    visible = false;
    minimized = false;
    focused = false;
    destroyed = false;
    backgroundColor: string | undefined;
    readonly calls: string[] = [];

    constructor(readonly options: Record<string, unknown> = {}) {
      super();
      log.push('BrowserWindow.new');
      this.visible = options.show !== false;
      this.backgroundColor = options.backgroundColor as string | undefined;
      windows.push(this);
      app.emit('web-contents-created', new FakeEvent(), this.webContents);
      app.emit('browser-window-created', new FakeEvent(), this);
    }
    static getAllWindows(): FakeBrowserWindow[] {
      return windows.filter((w) => !w.destroyed);
    }
    loadURL(url: string): Promise<void> {
      this.calls.push('loadURL');
      return this.webContents.loadURL(url);
    }
    show(): void {
      this.calls.push('show');
      this.visible = true;
      this.minimized = false;
    }
    hide(): void {
      this.calls.push('hide');
      this.visible = false;
    }
    focus(): void {
      this.calls.push('focus');
      this.focused = true;
    }
    restore(): void {
      this.calls.push('restore');
      this.minimized = false;
    }
    minimize(): void {
      this.minimized = true;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    isVisible(): boolean {
      return this.visible;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    setBackgroundColor(color: string): void {
      this.backgroundColor = color;
    }
    destroy(): void {
      this.calls.push('destroy');
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.emit('closed');
    }
    /** Test helper: Chromium's 'unresponsive' (the renderer stopped answering). */
    becomeUnresponsive(): void {
      this.emit('unresponsive', new FakeEvent());
    }
    /** Test helper: Chromium's 'responsive' (the renderer answers again). */
    becomeResponsive(): void {
      this.emit('responsive', new FakeEvent());
    }
    /** Like a click on the window's X: 'close' is cancellable; returns whether the window closed. */
    close(): boolean {
      this.calls.push('close');
      const e = new FakeEvent();
      this.emit('close', e);
      if (!e.defaultPrevented) this.destroy();
      return !e.defaultPrevented;
    }
  }

  const trays: FakeTray[] = [];
  class FakeTray extends FakeEmitter {
    tooltip = '';
    contextMenu: FakeMenu | null = null;
    destroyed = false;
    constructor(public image: FakeNativeImage | string) {
      super();
      log.push('Tray.new');
      trays.push(this);
    }
    setToolTip(text: string): void {
      this.tooltip = text;
    }
    setContextMenu(menu: FakeMenu | null): void {
      this.contextMenu = menu;
    }
    setImage(image: FakeNativeImage | string): void {
      this.image = image;
    }
    destroy(): void {
      this.destroyed = true;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
  }

  const menus: FakeMenu[] = [];
  const Menu = {
    buildFromTemplate(template: MenuItemTemplate[]): FakeMenu {
      const menu = { template };
      menus.push(menu);
      return menu;
    },
    setApplicationMenu(menu: FakeMenu | null): void {
      log.push(`Menu.setApplicationMenu:${menu === null ? 'null' : 'menu'}`);
    },
  };

  type Handler = (...args: never[]) => unknown;
  const defaultSession = {
    permissionRequestHandler: null as Handler | null,
    permissionCheckHandler: null as Handler | null,
    devicePermissionHandler: null as Handler | null,
    setPermissionRequestHandler(handler: Handler | null): void {
      log.push('session.setPermissionRequestHandler');
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Handler | null): void {
      log.push('session.setPermissionCheckHandler');
      this.permissionCheckHandler = handler;
    },
    setDevicePermissionHandler(handler: Handler | null): void {
      this.devicePermissionHandler = handler;
    },
  };
  const session = { defaultSession };

  const protocol = {
    privileged: [] as Array<{ scheme: string; privileges?: Record<string, boolean> }>,
    handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
    registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>): void {
      log.push(`protocol.registerSchemesAsPrivileged:${app.ready ? 'after-ready' : 'before-ready'}`);
      this.privileged.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
      log.push(`protocol.handle:${scheme}`);
      this.handlers.set(scheme, handler);
    },
  };

  const ipcMain = {
    handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown): void {
      // Electron throws on a second handler for the same channel; so does the fake.
      if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      this.handlers.set(channel, handler);
    },
    removeHandler(channel: string): void {
      this.handlers.delete(channel);
    },
  };

  class FakeIpcRenderer extends FakeEmitter {
    readonly invocations: Array<{ channel: string; args: unknown[] }> = [];
    invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      this.invocations.push({ channel, args });
      return Promise.resolve({ ok: true, value: channel });
    }
  }
  const ipcRenderer = new FakeIpcRenderer();

  const contextBridge = {
    exposed: new Map<string, unknown>(),
    exposeInMainWorld(key: string, api: unknown): void {
      this.exposed.set(key, api);
    },
  };

  class FakeNativeTheme extends FakeEmitter {
    shouldUseDarkColors = false;
  }
  const nativeTheme = new FakeNativeTheme();

  const nativeImage = {
    createFromPath(path: string): FakeNativeImage {
      return { path, isEmpty: () => false };
    },
  };

  const dialog = {
    errorBoxes: [] as Array<{ title: string; content: string }>,
    showErrorBox(title: string, content: string): void {
      log.push('dialog.showErrorBox');
      this.errorBoxes.push({ title, content });
    },
  };

  const shell = {
    openExternalCalls: [] as string[],
    openExternal(url: string): Promise<void> {
      // Recorded so a test can prove it is never called (docs/architecture.md §5).
      this.openExternalCalls.push(url);
      return Promise.resolve();
    },
  };

  const notifications: FakeNotificationInstance[] = [];
  /** Windows toast notifications: recorded with their options; `show` and click handlers are observable. */
  class FakeNotification extends FakeEmitter {
    shown = false;
    constructor(public options: { title?: string; body?: string; silent?: boolean }) {
      super();
      notifications.push(this);
    }
    static isSupported(): boolean {
      return true;
    }
    show(): void {
      log.push('notification.show');
      this.shown = true;
    }
  }
  type FakeNotificationInstance = InstanceType<typeof FakeNotification>;

  return {
    log,
    app,
    windows,
    trays,
    notifications,
    Notification: FakeNotification,
    menus,
    session,
    protocol,
    ipcMain,
    ipcRenderer,
    contextBridge,
    nativeTheme,
    nativeImage,
    dialog,
    shell,
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Menu,
  };
};

export type FakeElectronState = ReturnType<typeof createState>;
export type FakeBrowserWindow = InstanceType<FakeElectronState['BrowserWindow']>;
export type FakeTray = InstanceType<FakeElectronState['Tray']>;

export const createFakeElectron = () => {
  let state = createState();
  const keys = Object.keys(state).filter(
    (k) => !['log', 'windows', 'trays', 'menus', 'notifications'].includes(k),
  ) as Array<keyof FakeElectronState>;
  // Getters keep `module` stable across reset(): code under test reads `electron.app` at call time.
  const module: Record<string, unknown> = {};
  for (const key of keys) Object.defineProperty(module, key, { enumerable: true, get: () => state[key] });
  Object.defineProperty(module, 'default', { enumerable: true, get: () => module });

  return {
    module,
    get state(): FakeElectronState {
      return state;
    },
    reset(): void {
      state = createState();
    },
  };
};
