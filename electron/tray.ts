/**
 * The tray icon: the app's home (docs/architecture.md §1: "they double-click the tray icon"). It shows WinNAT's
 * status at a glance and starts actions, but never runs a system change itself: Restart WinNAT opens
 * the window, where the user confirms (restarting WinNAT breaks running WSL2 distros and Docker).
 */
import path from 'node:path';
import { Menu, Tray, nativeImage } from 'electron';
import type { NativeImage } from 'electron';
import type { ServiceStatus, WatchState } from '../shared/model';
import type { TrayCommand } from '../shared/ipc';

type Locale = 'en' | 'ko';

interface TrayText {
  readonly open: string;
  readonly checkPort: string;
  readonly restartWinnat: string;
  /** Tooltip line for watched ports that are no longer free, e.g. "blocked: 8065, 3000". */
  readonly watchBlocked: string;
  readonly quit: string;
  readonly status: Readonly<Record<ServiceStatus, string>>;
}

/** A tiny table instead of i18next: main shows five words and must not pull the renderer's i18n in. */
const TEXT: Readonly<Record<Locale, TrayText>> = {
  en: {
    open: 'Open Portwarden',
    checkPort: 'Check a port…',
    restartWinnat: 'Restart WinNAT…',
    watchBlocked: 'Watched ports blocked',
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
    checkPort: '포트 진단…',
    restartWinnat: 'WinNAT 다시 시작…',
    watchBlocked: '막힌 감시 포트',
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

/** Watched ports that are reserved or taken: the reason the tray turns to its warning state. */
export const blockedPorts = (states: readonly WatchState[]): readonly WatchState[] =>
  states.filter((s) => s.status === 'reserved' || s.status === 'taken');

export const trayTooltip = (status: ServiceStatus, appLocale: string, watch: readonly WatchState[] = []): string => {
  const text = trayText(appLocale);
  const blocked = blockedPorts(watch);
  const watchLine = blocked.length > 0 ? `\n${text.watchBlocked}: ${blocked.map((s) => s.port).join(', ')}` : '';
  // Windows cuts tray tooltips at 127 characters.
  return `Portwarden — WinNAT: ${text.status[status]}${watchLine}`.slice(0, 127);
};

/** A look is needed when WinNAT is not running (stopped, absent, in transition, unreadable) or a watched port is blocked. */
export const trayIconKind = (status: ServiceStatus, watch: readonly WatchState[] = []): 'normal' | 'warning' =>
  status === 'running' && blockedPorts(watch).length === 0 ? 'normal' : 'warning';

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
  /** Subscribes to watched-port states (AppCore.onWatchStates). */
  readonly onWatchStates?: (listener: (states: readonly WatchState[]) => void) => () => void;
}

export interface PortwardenTray {
  readonly tray: Tray;
  dispose(): void;
}

export const createTray = (options: TrayOptions): PortwardenTray => {
  const text = trayText(options.locale);
  const icons = new Map<'normal' | 'warning', NativeImage>();
  const iconFor = (kind: 'normal' | 'warning'): NativeImage => {
    const cached = icons.get(kind);
    if (cached) return cached;
    const image = nativeImage.createFromPath(
      trayIconPath({ kind, platform: options.platform, iconDir: options.iconDir }),
    );
    icons.set(kind, image);
    return image;
  };

  // Unknown until the core's first read: the warning icon until WinNAT is known to run.
  let status: ServiceStatus = 'unknown';
  let watch: readonly WatchState[] = [];
  const tray = new Tray(iconFor(trayIconKind(status)));
  tray.setToolTip(trayTooltip(status, options.locale));
  const update = () => {
    if (tray.isDestroyed()) return;
    tray.setImage(iconFor(trayIconKind(status, watch)));
    tray.setToolTip(trayTooltip(status, options.locale, watch));
  };
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: text.open, click: () => options.openWindow() },
      { label: text.checkPort, click: () => options.sendTrayCommand('check-port') },
      { label: text.restartWinnat, click: () => options.sendTrayCommand('restart-winnat') },
      { type: 'separator' },
      { label: text.quit, click: () => options.quit() },
    ]),
  );
  tray.on('double-click', () => options.openWindow());
  // Linux tray implementations often never report double-clicks; a single click opens there.
  if (options.platform !== 'win32') tray.on('click', () => options.openWindow());

  const unsubscribeStatus = options.onWinnatStatus((next) => {
    status = next;
    update();
  });
  const unsubscribeWatch =
    options.onWatchStates?.((next) => {
      watch = next;
      update();
    }) ?? (() => undefined);

  return {
    tray,
    dispose() {
      unsubscribeStatus();
      unsubscribeWatch();
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
};
