import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServiceStatus, WatchState } from '../shared/model';
import type { TrayCommand } from '../shared/ipc';

const { fake } = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('../test/fake-electron');
  return { fake: createFakeElectron() };
});
vi.mock('electron', () => fake.module);

const { createTray, trayIconKind, trayIconPath, trayTooltip } = await import('./tray');

const setup = (options: { platform?: NodeJS.Platform; locale?: string } = {}) => {
  const calls: string[] = [];
  const commands: TrayCommand[] = [];
  let statusListener: ((status: ServiceStatus) => void) | null = null;
  const handle = createTray({
    iconDir: '/icons',
    platform: options.platform ?? 'win32',
    locale: options.locale ?? 'en-US',
    openWindow: () => calls.push('open'),
    sendTrayCommand: (command) => commands.push(command),
    quit: () => calls.push('quit'),
    onWinnatStatus: (listener) => {
      statusListener = listener;
      return () => {
        statusListener = null;
      };
    },
  });
  const tray = fake.state.trays[0]!;
  const item = (label: string) => tray.contextMenu!.template.find((i) => i.label === label)!;
  return {
    handle,
    tray,
    calls,
    commands,
    item,
    setStatus: (s: ServiceStatus) => statusListener?.(s),
    hasListener: () => statusListener !== null,
  };
};

describe('tray', () => {
  beforeEach(() => fake.reset());

  it('opens the window on double-click', () => {
    const { tray, calls } = setup();
    tray.emit('double-click');
    expect(calls).toEqual(['open']);
  });

  it('opens on single click only off Windows', () => {
    const win = setup();
    win.tray.emit('click');
    expect(win.calls).toEqual([]);
    fake.reset();
    const linux = setup({ platform: 'linux' });
    linux.tray.emit('click');
    expect(linux.calls).toEqual(['open']);
  });

  it('menu: Open opens, Restart WinNAT… hands the command to the window, Quit quits', () => {
    const { tray, calls, commands, item } = setup();
    expect(tray.contextMenu!.template.map((i) => i.label ?? i.type)).toEqual([
      'Open Portwarden',
      'Check a port…',
      'Restart WinNAT…',
      'separator',
      'Quit',
    ]);
    item('Open Portwarden').click!();
    item('Check a port…').click!();
    item('Restart WinNAT…').click!();
    expect(commands).toEqual(['check-port', 'restart-winnat']);
    item('Quit').click!();
    expect(calls).toEqual(['open', 'quit']);
  });

  it('shows the WinNAT status in the tooltip and the icon', () => {
    const { tray, setStatus } = setup();
    expect(tray.tooltip).toBe('Portwarden — WinNAT: unknown');
    expect((tray.image as { path: string }).path).toBe(path.join('/icons', 'tray-warning.ico'));
    setStatus('running');
    expect(tray.tooltip).toBe('Portwarden — WinNAT: running');
    expect((tray.image as { path: string }).path).toBe(path.join('/icons', 'tray-normal.ico'));
    setStatus('stopped');
    expect((tray.image as { path: string }).path).toBe(path.join('/icons', 'tray-warning.ico'));
  });

  it('speaks Korean when the system does', () => {
    const { tray, setStatus } = setup({ locale: 'ko-KR' });
    setStatus('running');
    expect(tray.tooltip).toBe('Portwarden — WinNAT: 실행 중');
    expect(tray.contextMenu!.template.map((i) => i.label).filter(Boolean)).toEqual([
      'Portwarden 열기',
      '포트 진단…',
      'WinNAT 다시 시작…',
      '종료',
    ]);
  });

  it('turns to the warning icon and names the ports when a watched port becomes blocked', () => {
    let watchListener: ((states: readonly WatchState[]) => void) | null = null;
    fake.reset();
    createTray({
      iconDir: '/icons',
      platform: 'win32',
      locale: 'en-US',
      openWindow: () => undefined,
      sendTrayCommand: () => undefined,
      quit: () => undefined,
      onWinnatStatus: (listener) => {
        listener('running');
        return () => undefined;
      },
      onWatchStates: (listener) => {
        watchListener = listener;
        return () => undefined;
      },
    });
    const tray = fake.state.trays[0]!;
    expect(tray.tooltip).toBe('Portwarden — WinNAT: running');
    const at = '2026-11-23T00:00:00.000Z';
    watchListener!([
      { port: 8065, protocol: 'tcp', status: 'reserved', reason: 'inside 8031–8130', checkedAt: at },
      { port: 3000, protocol: 'tcp', status: 'free', checkedAt: at },
    ]);
    expect(tray.tooltip).toBe('Portwarden — WinNAT: running\nWatched ports blocked: 8065');
    expect((tray.image as { path: string }).path).toMatch(/tray-warning\.ico/);
    watchListener!([{ port: 8065, protocol: 'tcp', status: 'free', checkedAt: at }]);
    expect((tray.image as { path: string }).path).toMatch(/tray-normal\.ico/);
  });

  it('dispose unsubscribes and removes the icon', () => {
    const { handle, tray, hasListener } = setup();
    handle.dispose();
    expect(hasListener()).toBe(false);
    expect(tray.destroyed).toBe(true);
  });

  it('pure helpers', () => {
    expect(trayIconKind('running')).toBe('normal');
    for (const s of ['stopped', 'starting', 'stopping', 'absent', 'unknown'] as const)
      expect(trayIconKind(s)).toBe('warning');
    expect(trayIconPath({ kind: 'normal', platform: 'linux', iconDir: '/i' })).toBe(path.join('/i', 'tray-normal.png'));
    expect(trayTooltip('absent', 'en')).toBe('Portwarden — WinNAT: not installed');
  });
});
