import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import type { FakeBrowserWindow, FakeWebContents } from '../test/fake-electron';

const { fake } = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('../test/fake-electron');
  return { fake: createFakeElectron() };
});
vi.mock('electron', () => fake.module);

const { createMainWindow, hardenWebContents, isOwnUrl, resolveRendererUrl, revealWindow } = await import('./window');

const APP = 'app://portwarden';
const EVIL_URLS = [
  'https://evil.example',
  'https://evil.example/app://portwarden/',
  'file:///C:/Windows/',
  'javascript:alert(1)',
  'app://bundle@evil/',
  'app://portwarden@evil/',
  'app://x@portwarden/index.html',
  'app://portwarden.evil/',
  'app://evil.portwarden/',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'http://localhost:5173/',
  '',
];
const OWN_URLS = ['app://portwarden/index.html', 'app://portwarden/', 'app://portwarden/index.html#/ranges'];

describe('isOwnUrl', () => {
  it.each(EVIL_URLS)('refuses %s', (url) => expect(isOwnUrl(url, APP)).toBe(false));
  it.each(OWN_URLS)('accepts %s', (url) => expect(isOwnUrl(url, APP)).toBe(true));
  it('pins the dev server by port too', () => {
    expect(isOwnUrl('http://localhost:5173/#/x', 'http://localhost:5173')).toBe(true);
    expect(isOwnUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
});

describe('resolveRendererUrl', () => {
  it('uses app:// when packaged, even if ELECTRON_RENDERER_URL is set', () => {
    expect(resolveRendererUrl({ isPackaged: true, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } })).toBe(
      'app://portwarden/index.html',
    );
  });
  it('uses the loopback dev server in dev, and refuses a remote one', () => {
    expect(resolveRendererUrl({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } })).toBe(
      'http://localhost:5173/',
    );
    expect(resolveRendererUrl({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'https://evil.example' } })).toBe(
      'app://portwarden/index.html',
    );
    expect(resolveRendererUrl({ isPackaged: false, env: {} })).toBe('app://portwarden/index.html');
  });
});

describe('createMainWindow', () => {
  let quitting = false;
  let window: FakeBrowserWindow;
  beforeEach(() => {
    fake.reset();
    quitting = false;
    createMainWindow({
      preloadPath: '/app/out/preload/preload.cjs',
      rendererUrl: 'app://portwarden/index.html',
      devTools: false,
      isQuitting: () => quitting,
    });
    expect(fake.state.windows).toHaveLength(1);
    window = fake.state.windows[0]!;
  });

  it('uses the secure webPreferences of docs/architecture.md §5', () => {
    expect(window.options.webPreferences).toEqual({
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
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
      preload: '/app/out/preload/preload.cjs',
    });
  });

  it('is created hidden, loads the app URL and has a minimum size', () => {
    expect(window.options.show).toBe(false);
    expect(window.visible).toBe(false);
    expect(window.calls).not.toContain('show');
    expect(window.webContents.loadedUrls).toEqual(['app://portwarden/index.html']);
    expect(window.options.minWidth).toBeGreaterThanOrEqual(900);
    expect(window.options.minHeight).toBeGreaterThanOrEqual(600);
    expect(window.options.autoHideMenuBar).toBe(true);
  });

  it('follows the system theme for its background', () => {
    expect(window.options.backgroundColor).toBe('#fafafa');
    fake.state.nativeTheme.shouldUseDarkColors = true;
    fake.state.nativeTheme.emit('updated');
    expect(window.backgroundColor).toBe('#1f1f1f');
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'] as const)(
    '%s blocks foreign URLs and allows ours',
    (event) => {
      const contents = window.webContents;
      expect(contents.listenerCount(event)).toBeGreaterThan(0);
      for (const url of EVIL_URLS) expect(contents.fireNavigation(event, url), url).toBe(true);
      for (const url of OWN_URLS) expect(contents.fireNavigation(event, url), url).toBe(false);
    },
  );

  it('denies every new window and every webview', () => {
    for (const url of [...EVIL_URLS, ...OWN_URLS]) expect(window.webContents.openWindow(url)).toBe('deny');
    expect(window.webContents.fireAttachWebview('app://portwarden/index.html')).toBe(true);
    expect(window.webContents.fireAttachWebview('https://evil.example')).toBe(true);
  });

  it('hides on close unless the app is quitting', () => {
    window.visible = true;
    expect(window.close()).toBe(false);
    expect(window.visible).toBe(false);
    expect(window.destroyed).toBe(false);
    quitting = true;
    expect(window.close()).toBe(true);
    expect(window.destroyed).toBe(true);
  });
});

describe('hardenWebContents', () => {
  it('guards any webContents (not only the main window)', () => {
    fake.reset();
    const contents = new fake.state.BrowserWindow().webContents as FakeWebContents;
    hardenWebContents(contents as unknown as WebContents, APP);
    expect(contents.fireNavigation('will-navigate', 'https://evil.example')).toBe(true);
    expect(contents.openWindow('https://evil.example')).toBe('deny');
    expect(contents.fireAttachWebview('https://evil.example')).toBe(true);
  });
});

describe('revealWindow', () => {
  it('restores a minimized window, shows and focuses it', () => {
    fake.reset();
    const window = new fake.state.BrowserWindow({ show: false });
    window.minimize();
    revealWindow(window as never);
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    expect(window.visible && window.focused && !window.minimized).toBe(true);
  });
});
