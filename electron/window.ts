/**
 * The one BrowserWindow factory and the navigation guard every webContents gets (docs/architecture.md §5).
 * The renderer is treated as hostile: whatever it does, it cannot gain Node, leave our origin, open
 * windows or embed webviews.
 */
import { BrowserWindow, nativeTheme } from 'electron';
import type { WebContents } from 'electron';
import { APP_ENTRY_URL } from './app-protocol';
import { originOf } from './sender';

/**
 * True only for our own pages: same scheme, host and port as the app, no credentials (so
 * `app://bundle@evil/`, `app://portwarden.evil/`, `file:`, `data:`, `javascript:` all fail).
 * Opaque URLs like `data:` or `javascript:` have no host, so they never equal an origin.
 */
export const isOwnUrl = (url: string, appOrigin: string): boolean => {
  const origin = originOf(url);
  return origin !== null && !origin.endsWith('//') && origin === appOrigin;
};

/**
 * What the window loads. Dev uses the electron-vite server (ELECTRON_RENDERER_URL) but only on
 * loopback over http; a packaged build ignores the variable: an elevated app must not be pointed at
 * a remote page by an environment variable.
 */
export const resolveRendererUrl = (options: { isPackaged: boolean; env: NodeJS.ProcessEnv }): string => {
  const devUrl = options.env.ELECTRON_RENDERER_URL;
  if (options.isPackaged || !devUrl) return APP_ENTRY_URL;
  try {
    const parsed = new URL(devUrl);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
    if (parsed.protocol === 'http:' && loopback) return parsed.href;
  } catch {
    // fall through to the packaged UI
  }
  return APP_ENTRY_URL;
};

/**
 * Blocks everything that could take a webContents away from our origin. Applied to the main window
 * by the factory and to ANY webContents by main.ts ('web-contents-created'), so a webContents we did
 * not expect (a devtools host aside) is equally locked down.
 */
export const hardenWebContents = (contents: WebContents, appOrigin: string): void => {
  const blockForeign = (event: { preventDefault(): void }, url: string): void => {
    if (!isOwnUrl(url, appOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => blockForeign(event, event.url));
  contents.on('will-frame-navigate', (event) => blockForeign(event, event.url));
  contents.on('will-redirect', (event) => blockForeign(event, event.url));
  // No window.open / target=_blank, ours or not: one window, and no URL is ever handed to the OS (§5).
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
};

const backgroundColor = (): string => (nativeTheme.shouldUseDarkColors ? '#1f1f1f' : '#fafafa');

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly rendererUrl: string;
  /** DevTools only in dev: in a packaged build they would let anyone at the desktop drive the admin API. */
  readonly devTools: boolean;
  /** When true, close really closes (app quitting); otherwise close hides to the tray. */
  readonly isQuitting: () => boolean;
}

/** Creates the hidden main window and starts loading the UI; the caller decides when to show it. */
export const createMainWindow = (options: MainWindowOptions): BrowserWindow => {
  const window = new BrowserWindow({
    show: false,
    width: 1200,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: 'Portwarden',
    autoHideMenuBar: true,
    backgroundColor: backgroundColor(),
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click opens nothing (Electronegativity AUXCLICK_JS_CHECK); window-open and navigation are denied anyway.
      disableBlinkFeatures: 'Auxclick',
      devTools: options.devTools,
      preload: options.preloadPath,
    },
  });

  const appOrigin = originOf(options.rendererUrl) ?? '';
  hardenWebContents(window.webContents, appOrigin);

  const followTheme = (): void => {
    if (!window.isDestroyed()) window.setBackgroundColor(backgroundColor());
  };
  nativeTheme.on('updated', followTheme);
  window.on('closed', () => nativeTheme.removeListener('updated', followTheme));

  // A tray app: the X hides the window; only Quit (tray menu) closes it.
  window.on('close', (event) => {
    if (options.isQuitting()) return;
    event.preventDefault();
    window.hide();
  });

  // A failed load (dev server down, aborted by a reload) must not become an unhandled rejection in main.
  window.loadURL(options.rendererUrl).catch((error: unknown) => {
    console.error(`Portwarden: could not load ${options.rendererUrl}: ${String(error)}`);
  });
  return window;
};

/** Brings the window to the user: restore if minimized, show, focus. */
export const revealWindow = (window: BrowserWindow): void => {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
};

/**
 * Calls `onHung` when the window reports 'unresponsive' and does not report 'responsive' within
 * `graceMs` (Chromium sends 'unresponsive' after a few seconds without an answer from the renderer,
 * and 'responsive' when it answers again: a long render is not a hang). Stops with the window.
 */
export const watchUnresponsive = (window: BrowserWindow, options: { graceMs: number; onHung: () => void }): void => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  window.on('unresponsive', () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      if (!window.isDestroyed()) options.onHung();
    }, options.graceMs);
  });
  window.on('responsive', cancel);
  window.on('closed', cancel);
};
