/**
 * The app core as tests build it: the real route table and services over a given runner, with our
 * origin and window id trusted, and no relaunch. One place, so a new core option is added once.
 */
import type { Result } from '../../shared/result';
import { createAppCore } from '../../electron/app-core';
import type { SenderInfo } from '../../electron/sender';
import { createAppServices } from '../../electron/system/app-services';
import type { AutostartHost } from '../../electron/system/autostart/autostart';
import type { CommandRunner } from '../../electron/system/run/command-runner';
import type { TcpProbe } from '../../electron/system/portproxy/types';

export const TEST_ORIGIN = 'app://portwarden';
/** The main frame of our own window: every route accepts it. */
export const OWN_SENDER: SenderInfo = { frameUrl: `${TEST_ORIGIN}/index.html`, isMainFrame: true, webContentsId: 1 };

export const createTestCore = (options: {
  runner: CommandRunner;
  probe: TcpProbe;
  dataDir: string;
  scenario?: string;
  autostartHost?: AutostartHost;
}) =>
  createAppCore({
    runner: options.runner,
    simulated: true,
    scenario: options.scenario ?? 'test',
    appVersion: '0.0.0',
    platform: 'test',
    policy: { origins: [TEST_ORIGIN], webContentsIds: () => [1] },
    relaunchElevated: async (): Promise<Result<null>> => ({ ok: true, value: null }),
    ...(options.autostartHost ? { autostartHost: options.autostartHost } : {}),
    ...createAppServices({ dataDir: options.dataDir, probe: options.probe }),
  });
