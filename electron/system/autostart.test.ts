import path from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/ipc';
import { createAppCore } from '../app-core';
import type { SenderInfo } from '../sender';
import { createActivityLog } from './activity-log';
import { createAppServices } from './app-services';
import { getAutostart, readAutostartTask, setAutostart, type AutostartHost } from './autostart';
import { autostartCommandLine, createAutostartTask } from './commands';
import { createSimulatedWindows } from './select-runner';

const EXE = 'C:\\Program Files\\Portwarden\\Portwarden.exe';
const PACKAGED: AutostartHost = { execPath: EXE, isPackaged: true };

const sim = (scenario = 'clean', locale = 'en') => {
  const windows = createSimulatedWindows({ scenario, locale });
  const activity = createActivityLog(windows.runner);
  return { windows, op: () => activity.begin('test'), activity };
};

describe('Start with Windows over the simulator', () => {
  it('passes the /TR value as one token with the exe path quoted', () => {
    const line = createAutostartTask(EXE);
    expect(line.args).toEqual(['/Create', '/TN', 'Portwarden', '/TR', `"${EXE}" --hidden`, '/SC', 'ONLOGON', '/RL', 'HIGHEST', '/F']);
  });

  it('reads absent on a clean machine (exit 1, no row)', async () => {
    const { op } = sim();
    expect(await readAutostartTask(op())).toEqual({ kind: 'absent' });
    expect(await getAutostart(op())).toEqual({ ok: true, value: { enabled: false, taskName: 'Portwarden' } });
  });

  it('enables, verified by re-reading the task and its command line, then disables', async () => {
    for (const locale of ['en', 'ko']) {
      const { op, windows, activity } = sim('clean', locale);
      expect(await setAutostart(op(), PACKAGED, true)).toEqual({ ok: true, value: { enabled: true, taskName: 'Portwarden' } });
      expect(windows.runner.machine.scheduledTasks).toEqual([
        { name: 'Portwarden', commandLine: autostartCommandLine(EXE), runLevel: 'highest', schedule: 'ONLOGON' },
      ]);
      const commands = activity.list().map((r) => r.args[0]);
      expect(commands).toEqual(['/Create', '/Query']);
      expect(await readAutostartTask(op())).toEqual({ kind: 'present', commandLine: `"${EXE}" --hidden` });
      // Enabling again replaces the task (/F) and still verifies.
      expect((await setAutostart(op(), PACKAGED, true)).ok).toBe(true);
      expect(await setAutostart(op(), PACKAGED, false)).toEqual({ ok: true, value: { enabled: false, taskName: 'Portwarden' } });
      expect(windows.runner.machine.scheduledTasks).toEqual([]);
      // Disabling when there is no task: schtasks fails, the re-read says it is gone.
      expect((await setAutostart(op(), PACKAGED, false)).ok).toBe(true);
    }
  });

  it('prints the real schtasks messages', async () => {
    const { windows } = sim();
    const created = await windows.runner.run('schtasks', createAutostartTask(EXE).args);
    expect(created.stdout).toBe('SUCCESS: The scheduled task "Portwarden" has successfully been created.\r\n');
    const list = await windows.runner.run('schtasks', ['/Query', '/TN', 'Portwarden', '/FO', 'LIST', '/V']);
    expect(list.stdout).toContain(`Task To Run:                          "${EXE}" --hidden\r\n`);
    const deleted = await windows.runner.run('schtasks', ['/Delete', '/TN', 'Portwarden', '/F']);
    expect(deleted.stdout).toBe('SUCCESS: The scheduled task "Portwarden" was successfully deleted.\r\n');
    const missing = await windows.runner.run('schtasks', ['/Query', '/TN', 'Portwarden', '/FO', 'CSV', '/NH', '/V']);
    expect(missing).toMatchObject({ exitCode: 1, stdout: '', stderr: 'ERROR: The system cannot find the file specified.\r\n' });
  });

  it('reports not-applied when unelevated (Access is denied.) and leaves no task', async () => {
    const { op, windows } = sim('not-elevated');
    const result = await setAutostart(op(), PACKAGED, true);
    expect(result).toMatchObject({ ok: false, error: { code: 'not-applied' } });
    if (!result.ok) expect(result.error.detail).toContain('ERROR: Access is denied.');
    expect(windows.runner.machine.scheduledTasks).toEqual([]);
  });

  it('refuses to enable in a dev (unpackaged) run without running anything', async () => {
    const { op, activity } = sim();
    const result = await setAutostart(op(), { execPath: 'C:\\dev\\node_modules\\electron\\dist\\electron.exe', isPackaged: false }, true);
    expect(result).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(activity.list()).toEqual([]);
  });
});

describe('autostart routes', () => {
  const ORIGIN = 'app://portwarden';
  const OWN: SenderInfo = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, webContentsId: 1 };
  const core = (scenario: string, host?: AutostartHost) => {
    const windows = createSimulatedWindows({ scenario, locale: 'en' });
    const app = createAppCore({
      runner: windows.runner,
      simulated: true,
      scenario,
      appVersion: '0.0.0',
      platform: 'test',
      policy: { origins: [ORIGIN], webContentsIds: () => [1] },
      relaunchElevated: async () => ({ ok: true, value: null }),
      ...(host ? { autostartHost: host } : {}),
      ...createAppServices({ dataDir: path.join(tmpdir(), 'portwarden-autostart-test-never-written'), probe: windows.probe }),
    });
    return { app, windows };
  };

  it('accepts only [{ enabled: boolean }]', async () => {
    const { app, windows } = core('clean', PACKAGED);
    const bad: unknown[][] = [[], [{}], [{ enabled: 'true' }], [{ enabled: 1 }], [{ enabled: true, exe: 'C:\\x.exe' }], [{ enabled: true }, {}], [null], [true]];
    for (const args of bad) {
      const result = await app.router.dispatch(CHANNELS.setAutostart, OWN, args);
      expect(result, JSON.stringify(args)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(await app.router.dispatch(CHANNELS.getAutostart, OWN, [{}])).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(windows.runner.machine.scheduledTasks).toEqual([]);
    expect(await app.router.dispatch(CHANNELS.setAutostart, OWN, [{ enabled: true }])).toEqual({ ok: true, value: { enabled: true, taskName: 'Portwarden' } });
    expect(await app.router.dispatch(CHANNELS.getAutostart, OWN, [])).toEqual({ ok: true, value: { enabled: true, taskName: 'Portwarden' } });
  });

  it('is a change: refused unelevated before anything runs; a host without an exe is a dev run', async () => {
    const unelevated = core('not-elevated', PACKAGED);
    expect(await unelevated.app.router.dispatch(CHANNELS.setAutostart, OWN, [{ enabled: true }])).toMatchObject({ ok: false, error: { code: 'not-elevated' } });
    const dev = core('clean');
    expect(await dev.app.router.dispatch(CHANNELS.setAutostart, OWN, [{ enabled: true }])).toMatchObject({ ok: false, error: { code: 'refused' } });
  });
});

describe('simulated machine documents', () => {
  it('reads a machine saved before scheduledTasks existed as having none', async () => {
    const { createMachine, deserializeMachine, serializeMachine } = await import('./sim/state');
    const old = JSON.parse(serializeMachine(createMachine())) as Record<string, unknown>;
    delete old.scheduledTasks;
    expect(deserializeMachine(JSON.stringify(old)).scheduledTasks).toEqual([]);
  });
});
