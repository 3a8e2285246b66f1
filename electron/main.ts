/**
 * The main-process lifecycle. The process runs as administrator (docs/architecture.md §3 Elevation), so the order
 * below matters: refuse debug switches, sandbox every renderer and claim app:// before 'ready'; deny
 * every permission and lock down every webContents before any page loads.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, session } from 'electron';
import type { BrowserWindow, Session } from 'electron';
import type { TrayCommand } from '../shared/ipc';
import type { WatchedPort } from '../shared/model';
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './app-protocol';
import { createAppCore } from './app-core';
import { createEventSink, registerIpc } from './ipc';
import { forbiddenSwitchesAtStart, isTestBuild, refusalMessage } from './security-switches';
import { selectRunner } from './system/run/choose-windows';
import { createAppServices } from './system/app-services';
import type { AppLog } from './system/audit/app-logs';
import { notifyInterruptedChanges } from './interrupted-notifier';
import { createWatchScheduler, type WatchScheduler } from './system/watch';
import { createWatchNotifier } from './watch-notifier';
import { resolveDataDir } from './data-dir';
import { ensureDataDirAcl, openDataDir } from './data-dir-acl';
import { processAccount } from './system/autostart/session-user';
import { systemRootFromKernel } from './system/run/windows-dirs';
import { relaunchAsAdministrator } from './system/elevation/relaunch-as-administrator';
import { createTray } from './tray';
import type { PortwardenTray } from './tray';
import { originOf } from './sender';
import { createMainWindow, hardenWebContents, resolveRendererUrl, revealWindow, watchUnresponsive } from './window';
import {
  SANDBOX_FAILURE_MESSAGE,
  UNRESPONSIVE_GRACE_MS,
  decideRecovery,
  initialRecoveryState,
  type RecoveryEvent,
} from './renderer-recovery';

const APP_USER_MODEL_ID = 'dev.portwarden.app';
/** Started by the logon task: live in the tray without popping the window up. */
const HIDDEN_SWITCH = '--hidden';

/** docs/architecture.md §5: no camera, notifications, clipboard, geolocation, openExternal, devices — nothing. */
const denyAllPermissions = (target: Session): void => {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
};

const main = (): void => {
  const refused = forbiddenSwitchesAtStart({
    isPackaged: app.isPackaged,
    argv: process.argv,
    hasSwitch: (name) => app.commandLine.hasSwitch(name),
    testBuild: app.isPackaged && isTestBuild(() => readFileSync(path.join(app.getAppPath(), 'package.json'), 'utf8')),
  });
  if (refused.length > 0) {
    const message = refusalMessage(refused);
    console.error(message);
    // showErrorBox is safe before 'ready'; exit() ends now, before any window or handler exists.
    dialog.showErrorBox('Portwarden', message);
    app.exit(1);
    return;
  }

  // Every renderer sandboxed, whatever a BrowserWindow's options say; must precede 'ready'.
  app.enableSandbox();
  // Same id as electron-builder's appId, so the taskbar and tray group the installed app correctly.
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  registerAppScheme();

  // Two elevated instances would race on netsh and the mutation queue (docs/architecture.md §5: single-instance lock).
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const rendererUrl = resolveRendererUrl({ isPackaged: app.isPackaged, env: process.env });
  const appOrigin = originOf(rendererUrl) ?? APP_ORIGIN;
  const appPath = app.getAppPath();
  const preloadPath = path.join(appPath, 'out', 'preload', 'preload.cjs');
  const rendererRoot = path.join(appPath, 'out', 'renderer');
  const iconDir = app.isPackaged ? path.join(process.resourcesPath, 'tray') : path.join(appPath, 'build', 'tray');

  let quitting = false;
  let ready = false;
  let revealWhenReady = !process.argv.includes(HIDDEN_SWITCH);
  let mainWindow: BrowserWindow | null = null;
  let tray: PortwardenTray | null = null;
  let watchScheduler: WatchScheduler | null = null;
  let recovery = initialRecoveryState;

  /** main.log once the data folder is known (the console before that, and always, for a dev run). */
  let appLog: AppLog | null = null;
  const logWarning = (text: string): void => {
    console.error(text);
    appLog?.warn(text);
  };

  const liveWindow = (): BrowserWindow | null => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);
  const sink = createEventSink(() => liveWindow()?.webContents ?? null);

  /** Takes `window` out of service: events it still emits are ignored from here on. */
  const discardWindow = (window: BrowserWindow, killRenderer: boolean): void => {
    if (mainWindow === window) mainWindow = null;
    if (window.isDestroyed()) return;
    // A hung renderer is killed first, so the new window cannot be placed in the same stuck process.
    if (killRenderer) window.webContents.forcefullyCrashRenderer();
    window.destroy();
  };

  /**
   * Renderer trouble (renderer-recovery.ts decides, this carries it out). `window` is the window the
   * event came from, null for app-level events. Recovery only ever recreates the window: it invokes no
   * IPC route and re-runs nothing the old page asked for; the new page reads its state from the core.
   */
  const recover = (window: BrowserWindow | null, event: RecoveryEvent): void => {
    if (quitting || (window !== null && window !== mainWindow)) return;
    const step = decideRecovery(recovery, event, Date.now());
    recovery = step.state;
    const { decision } = step;
    if (decision.action === 'none') return;
    logWarning(decision.log);
    if (decision.action === 'log') return;
    const target = window ?? liveWindow();
    const wasVisible = target?.isVisible() ?? false;
    if (target) discardWindow(target, event.type === 'hung');
    if (decision.action === 'recreate') {
      const next = ensureWindow();
      if (wasVisible) revealWindow(next);
    }
    // Never a relaunch with --no-sandbox: the user gets the reason and what to try instead.
    if (decision.action === 'sandbox-failure' && decision.notify)
      dialog.showErrorBox('Portwarden', SANDBOX_FAILURE_MESSAGE);
  };

  const ensureWindow = (): BrowserWindow => {
    const existing = liveWindow();
    if (existing) return existing;
    const window = createMainWindow({
      preloadPath,
      rendererUrl,
      devTools: !app.isPackaged,
      isQuitting: () => quitting,
    });
    window.webContents.on('did-finish-load', () => recover(window, { type: 'loaded' }));
    window.webContents.on('render-process-gone', (_event, details) =>
      recover(window, { type: 'renderer-gone', reason: details.reason }),
    );
    watchUnresponsive(window, {
      graceMs: UNRESPONSIVE_GRACE_MS,
      // A renderer stopped at a breakpoint is "unresponsive" too; DevTools exist only in dev builds.
      onHung: () => {
        if (!window.webContents.isDevToolsOpened()) recover(window, { type: 'hung' });
      },
    });
    // Windows logoff/shutdown: let the window close instead of hiding (it would block the session end).
    window.on('session-end', () => {
      quitting = true;
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
    return window;
  };

  const openWindow = (): BrowserWindow | null => {
    if (!ready) {
      revealWhenReady = true;
      return null;
    }
    const window = ensureWindow();
    revealWindow(window);
    return window;
  };

  /** Opens the window, then runs `emit` once the page can hear it. */
  const openAndSend = (emit: () => void): void => {
    const window = openWindow();
    if (!window) return;
    // A window that is still loading has no listener yet; hand the event over once it has loaded.
    if (window.webContents.isLoading()) window.webContents.once('did-finish-load', emit);
    else emit();
  };
  const sendTrayCommand = (command: TrayCommand): void => openAndSend(() => sink.emit('onTrayCommand', command));
  const openDoctor = (target: WatchedPort): void => openAndSend(() => sink.emit('onOpenDoctor', target));

  const quit = (): void => {
    quitting = true;
    app.quit();
  };

  app.on('second-instance', () => {
    openWindow();
  });
  // Every webContents, expected or not, gets the navigation / window-open / webview guard.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appOrigin));
  // GPU, utility and helper processes: Chromium restarts them itself; logged, and a renderer that
  // could not launch is explained (renderer-recovery.ts).
  app.on('child-process-gone', (_event, details) =>
    recover(null, { type: 'child-gone', processType: details.type, reason: details.reason, name: details.name }),
  );
  // A tray app keeps running with no window; only Quit ends it.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', () => {
    watchScheduler?.stop();
    tray?.dispose();
    tray = null;
  });

  const onReady = async (): Promise<void> => {
    denyAllPermissions(session.defaultSession);
    handleAppProtocol(rendererRoot);

    const { runner, probe, simulated, scenario, native, nativeProblem, windowsFolder, host } = selectRunner({
      platform: process.platform,
      isPackaged: app.isPackaged,
      env: process.env,
    });
    // Backups, the change journal, logs and the Start with Windows task file: one admin-only folder.
    const dataDir = resolveDataDir({
      platform: process.platform,
      simulated,
      systemRoot: windowsFolder?.path ?? systemRootFromKernel(),
      userDataDir: app.getPath('userData'),
    });
    // The elevated app trusts what it reads from this folder: it must be writable by Administrators and
    // SYSTEM only. Repaired when it is not; when that fails, Portwarden says why and does not run. The
    // services (which write main.log, the audit log and the journal) open only after the check settled.
    const opened = await openDataDir({
      check: process.platform === 'win32' && !simulated ? () => ensureDataDirAcl(runner, dataDir) : null,
      // host: the simulator's .wslconfig and Docker answers; on Windows absent, so the real reads are used.
      open: () => createAppServices({ dataDir, probe, ...(host ? { host } : {}) }),
    });
    if (!opened.ok) {
      dialog.showErrorBox('Portwarden', opened.message);
      app.exit(1);
      return;
    }
    const services = opened.services;
    appLog = services.appLog;
    appLog.info(
      `Portwarden ${app.getVersion()} started${simulated ? ` on the simulated Windows (${scenario ?? ''})` : ''}`,
    );
    if (opened.repaired) appLog.info(`Data folder ${dataDir}: access restricted to Administrators and SYSTEM.`);
    // Which source answers matters on a real machine: say so once, in main.log and in the activity view.
    const startNotes = [
      nativeProblem ? `Native reads unavailable (${nativeProblem}): every read runs its command.` : null,
      windowsFolder?.fallbackReason
        ? `Windows folder ${windowsFolder.path} from the ${windowsFolder.source} (${windowsFolder.fallbackReason}).`
        : null,
    ].filter((note): note is string => note !== null);
    for (const note of startNotes) appLog.warn(note);
    const appCore = createAppCore({
      runner,
      native,
      simulated,
      scenario,
      appVersion: app.getVersion(),
      autostartHost: {
        execPath: process.execPath,
        isPackaged: app.isPackaged,
        taskDefinitionDir: dataDir,
        // Compared with the desktop's owner: over-the-shoulder elevation (session-user.ts).
        processUser: processAccount(process.platform, simulated),
      },
      policy: {
        origins: [appOrigin],
        webContentsIds: () => {
          const window = liveWindow();
          return window ? [window.webContents.id] : [];
        },
      },
      ...services,
      relaunchElevated: () =>
        relaunchAsAdministrator({
          platform: process.platform,
          isPackaged: app.isPackaged,
          execPath: process.execPath,
          releaseLock: () => app.releaseSingleInstanceLock(),
          reacquireLock: () => void app.requestSingleInstanceLock(),
          quit,
        }),
    });
    registerIpc(appCore.router);
    for (const note of startNotes) appCore.activity.note('start', note);
    appCore.setEventSink(sink);

    tray = createTray({
      iconDir,
      platform: process.platform,
      locale: app.getLocale(),
      openWindow: () => {
        openWindow();
      },
      sendTrayCommand,
      quit,
      onWinnatStatus: (listener) => appCore.onWinnatStatus(listener),
      onWatchStates: (listener) => appCore.onWatchStates((states) => listener(states)),
    });
    const notifyWatch = createWatchNotifier({ locale: app.getLocale(), openDoctor });
    appCore.onWatchStates((_states, changed) => notifyWatch(changed));
    // Watched ports are the one thing checked while the window is hidden, at a low rate (issue: refresh policy).
    watchScheduler = createWatchScheduler({
      check: () => appCore.checkWatchedPorts(),
      isWindowVisible: () => liveWindow()?.isVisible() ?? false,
    });
    watchScheduler.start();

    ready = true;
    const window = ensureWindow();
    if (revealWhenReady) revealWindow(window);
    void appCore.refreshWinnatStatus().catch((error: unknown) => {
      logWarning(`Portwarden: could not read WinNAT status: ${String(error)}`);
    });
    // A change the journal still holds was cut off (crash, power loss): tell the user even when started hidden.
    void services.journal
      .list()
      .then((entries) => {
        if (entries.length === 0) return;
        logWarning(
          `Portwarden: ${entries.length} interrupted change(s) in the journal: ${entries.map((e) => e.operation).join(', ')}`,
        );
        notifyInterruptedChanges({ locale: app.getLocale(), count: entries.length, open: () => void openWindow() });
      })
      .catch((error: unknown) => logWarning(`Portwarden: could not read the change journal: ${String(error)}`));
  };

  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      const message = `Portwarden could not start: ${String(error)}`;
      console.error(message);
      dialog.showErrorBox('Portwarden', message);
      app.exit(1);
    });
};

main();
