/**
 * The tray icon: the app's home (DESIGN §1: "they double-click the tray icon"). It shows WinNAT's
 * status at a glance and starts actions, but never runs a system change itself: Restart WinNAT opens
 * the window, where the user confirms (restarting WinNAT breaks running WSL2 distros and Docker).
 */
import path from 'node:path';
import { Menu, Tray, nativeImage } from 'electron';
import type { NativeImage } from 'electron';
import type { ServiceStatus } from '../shared/model';
import type { TrayCommand } from '../shared/ipc';

type Locale = 'en' | 'ko';

interface TrayText {
  readonly open: string;
  readonly restartWinnat: string;
  readonly quit: string;
  readonly status: Readonly<Record<ServiceStatus, string>>;
}

/** A tiny table instead of i18next: main shows five words and must not pull the renderer's i18n in. */
const TEXT: Readonly<Record<Locale, TrayText>> = {
  en: {
    open: 'Open Portwarden',
    restartWinnat: 'Restart WinNAT…',
    quit: 'Quit',
    status: {
      running: 'running',
      stopped: 'stopped',
      starting: 'starting',
      stopping: 'stopping',
      absent: 'not installed',
      unknown: 'unknown',
    },
  },
  ko: {
    open: 'Portwarden 열기',
    restartWinnat: 'WinNAT 다시 시작…',
    quit: '종료',
    status: {
      running: '실행 중',
      stopped: '중지됨',
      starting: '시작 중',
      stopping: '중지 중',
      absent: '설치되지 않음',
      unknown: '알 수 없음',
    },
  },
};

export const trayLocaleOf = (appLocale: string): Locale => (appLocale.toLowerCase().startsWith('ko') ? 'ko' : 'en');

export const trayText = (appLocale: string): TrayText => TEXT[trayLocaleOf(appLocale)];

export const trayTooltip = (status: ServiceStatus, appLocale: string): string =>
  `Portwarden — WinNAT: ${trayText(appLocale).status[status]}`;

/** Anything but a running WinNAT deserves a look: stopped, absent, in transition or unreadable. */
export const trayIconKind = (status: ServiceStatus): 'normal' | 'warning' => (status === 'running' ? 'normal' : 'warning');

/**
 * build/tray/ in dev; packaged builds ship it as an extra resource (electron-builder.yml), outside
 * the asar. Windows gets the multi-size .ico (16/24/32 for 100/150/200 % scaling); elsewhere the
 * PNG, whose @1.5x/@2x siblings nativeImage picks up by itself.
 */
export const trayIconPath = (options: {
  kind: 'normal' | 'warning';
  platform: NodeJS.Platform;
  iconDir: string;
}): string => path.join(options.iconDir, `tray-${options.kind}.${options.platform === 'win32' ? 'ico' : 'png'}`);

export interface TrayOptions {
  readonly iconDir: string;
  readonly platform: NodeJS.Platform;
  readonly locale: string;
  /** Shows, restores and focuses the main window (creating it if needed). */
  readonly openWindow: () => void;
  /** Opens the window and hands it a command to confirm there. */
  readonly sendTrayCommand: (command: TrayCommand) => void;
  /** Really quits (the window's close only hides it). */
  readonly quit: () => void;
  /** Subscribes to WinNAT status changes (AppCore.onWinnatStatus). */
  readonly onWinnatStatus: (listener: (status: ServiceStatus) => void) => () => void;
}

export interface PortwardenTray {
  readonly tray: Tray;
  dispose(): void;
}

export const createTray = (options: TrayOptions): PortwardenTray => {
  const text = trayText(options.locale);
  const icons = new Map<'normal' | 'warning', NativeImage>();
  const iconFor = (status: ServiceStatus): NativeImage => {
    const kind = trayIconKind(status);
    const cached = icons.get(kind);
    if (cached) return cached;
    const image = nativeImage.createFromPath(trayIconPath({ kind, platform: options.platform, iconDir: options.iconDir }));
    icons.set(kind, image);
    return image;
  };

  // Unknown until the core's first read: the warning icon until WinNAT is known to run.
  const tray = new Tray(iconFor('unknown'));
  tray.setToolTip(trayTooltip('unknown', options.locale));
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: text.open, click: () => options.openWindow() },
      { label: text.restartWinnat, click: () => options.sendTrayCommand('restart-winnat') },
      { type: 'separator' },
      { label: text.quit, click: () => options.quit() },
    ]),
  );
  tray.on('double-click', () => options.openWindow());
  // Linux tray implementations often never report double-clicks; a single click opens there.
  if (options.platform !== 'win32') tray.on('click', () => options.openWindow());

  const unsubscribe = options.onWinnatStatus((status) => {
    if (tray.isDestroyed()) return;
    tray.setImage(iconFor(status));
    tray.setToolTip(trayTooltip(status, options.locale));
  });

  return {
    tray,
    dispose() {
      unsubscribe();
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
};
