import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/ipc';
import { createTestCore, OWN_SENDER as OWN } from '../../../test/helpers/test-core';
import { createActivityLog } from '../activity-log';
import { getAutostart, readAutostartTask, setAutostart, type AutostartHost } from './autostart';
import { AUTOSTART_TASK_NAME, createAutostartTask, queryAutostartTask } from '../commands';
import { createSimulatedWindows } from '../run/choose-windows';
import { createScenarioMachine, createSimRunner, type SimRunner } from '../simulated-windows';

const EXE = 'C:\\Program Files\\Portwarden\\Portwarden.exe';
const scratch = mkdtempSync(path.join(tmpdir(), 'portwarden-autostart-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let dirs = 0;
/** A fresh data folder per host (a subfolder that does not exist yet: enabling creates it). */
const packaged = (): AutostartHost => ({
  execPath: EXE,
  isPackaged: true,
  taskDefinitionDir: path.join(scratch, `data ${++dirs}`),
});
const definitionFile = (host: AutostartHost) => path.join(host.taskDefinitionDir, 'autostart-task.xml');

/** A simulated machine whose schtasks records every /XML file it reads (path and bytes, at read time). */
const sim = (scenario = 'clean', language: 'en' | 'ko' = 'en') => {
  const reads: { file: string; bytes: Buffer }[] = [];
  const runner: SimRunner = createSimRunner(createScenarioMachine(scenario, { language }), {
    readFile: (file) => {
      if (!existsSync(file)) return null;
      const bytes = readFileSync(file);
      reads.push({ file, bytes });
      return bytes;
    },
  });
  const activity = createActivityLog(runner);
  return { runner, reads, activity, op: () => activity.begin('test') };
};

/** What the previous version registered: switches only, so Task Scheduler's defaults (72 hours, battery conditions). */
const createOldTask = (runner: SimRunner) =>
  runner.run('schtasks', [
    '/Create',
    '/TN',
    'Portwarden',
    '/TR',
    `"${EXE}" --hidden`,
    '/SC',
    'ONLOGON',
    '/RL',
    'HIGHEST',
    '/F',
  ]);

describe('Start with Windows over the simulator', () => {
  it('creates from a definition file and queries the definition back', () => {
    const file = 'C:\\ProgramData\\Portwarden\\autostart-task.xml';
    expect(createAutostartTask(file).args).toEqual(['/Create', '/TN', 'Portwarden', '/XML', file, '/F']);
    expect(queryAutostartTask().args).toEqual(['/Query', '/TN', 'Portwarden', '/XML']);
  });

  it('reads absent on a clean machine (exit 1, no definition)', async () => {
    const { op } = sim();
    const host = packaged();
    expect(await readAutostartTask(op())).toEqual({ kind: 'absent' });
    expect(await getAutostart(op(), host)).toEqual({ ok: true, value: { enabled: false, taskName: 'Portwarden' } });
  });

  it('enables from a UTF-16 definition in the data folder, removes the file, verifies by re-reading, then disables', async () => {
    for (const language of ['en', 'ko'] as const) {
      const { op, runner, reads, activity } = sim('clean', language);
      const host = packaged();
      expect(await setAutostart(op(), host, true)).toEqual({
        ok: true,
        value: { outcome: 'applied', autostart: { enabled: true, taskName: 'Portwarden' } },
      });
      expect(activity.list().map((r) => r.args)).toEqual([
        ['/Create', '/TN', 'Portwarden', '/XML', definitionFile(host), '/F'],
        ['/Query', '/TN', 'Portwarden', '/XML'],
      ]);
      expect(reads.map((r) => r.file)).toEqual([definitionFile(host)]);
      const bytes = reads[0]!.bytes;
      expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
      expect(bytes.toString('utf16le', 2)).toContain('<ExecutionTimeLimit>PT0S</ExecutionTimeLimit>');
      expect(existsSync(definitionFile(host))).toBe(false);
      expect(runner.machine.scheduledTasks).toEqual([
        {
          name: 'Portwarden',
          command: EXE,
          arguments: '--hidden',
          runLevel: 'HighestAvailable',
          logonType: 'InteractiveToken',
          logonTrigger: true,
          executionTimeLimit: 'PT0S',
          disallowStartIfOnBatteries: false,
          stopIfGoingOnBatteries: false,
          multipleInstancesPolicy: 'IgnoreNew',
          priority: 5,
        },
      ]);
      expect(await readAutostartTask(op())).toMatchObject({
        kind: 'present',
        task: { command: EXE, executionTimeLimit: 'PT0S' },
      });
      // Enabling again replaces the task (/F) and still verifies.
      expect((await setAutostart(op(), host, true)).ok).toBe(true);
      expect(await setAutostart(op(), host, false)).toEqual({
        ok: true,
        value: { outcome: 'applied', autostart: { enabled: false, taskName: 'Portwarden' } },
      });
      expect(runner.machine.scheduledTasks).toEqual([]);
      // Disabling when there is no task: schtasks fails, the re-read says it is gone.
      expect((await setAutostart(op(), host, false)).ok).toBe(true);
    }
  });

  it("reports an older version's 72-hour task as enabled but needing repair; enabling repairs it", async () => {
    const { op, runner } = sim();
    const host = packaged();
    await createOldTask(runner);
    const old = await readAutostartTask(op());
    expect(old).toMatchObject({
      kind: 'present',
      task: {
        command: `"${EXE}"`,
        arguments: '--hidden',
        executionTimeLimit: 'PT72H',
        disallowStartIfOnBatteries: true,
        stopIfGoingOnBatteries: true,
      },
    });
    expect(await getAutostart(op(), host)).toEqual({
      ok: true,
      value: { enabled: true, taskName: 'Portwarden', needsRepair: true },
    });
    expect(await setAutostart(op(), host, true)).toEqual({
      ok: true,
      value: { outcome: 'applied', autostart: { enabled: true, taskName: 'Portwarden' } },
    });
    expect(await getAutostart(op(), host)).toEqual({ ok: true, value: { enabled: true, taskName: 'Portwarden' } });
    expect(runner.machine.scheduledTasks).toMatchObject([{ command: EXE, executionTimeLimit: 'PT0S', priority: 5 }]);
  });

  it('reports a task for another exe as needing repair, except in a dev run, which checks the settings only', async () => {
    const { op, runner } = sim();
    await setAutostart(op(), packaged(), true);
    const moved: AutostartHost = { ...packaged(), execPath: 'D:\\Apps\\Portwarden\\Portwarden.exe' };
    expect(await getAutostart(op(), moved)).toMatchObject({ ok: true, value: { enabled: true, needsRepair: true } });
    expect(await getAutostart(op(), { ...moved, isPackaged: false })).toEqual({
      ok: true,
      value: { enabled: true, taskName: 'Portwarden' },
    });
    expect(runner.machine.scheduledTasks).toHaveLength(1);
  });

  it('reports not-applied when unelevated (Access is denied.), leaves no task and still removes the file', async () => {
    const { op, runner, reads } = sim('not-elevated');
    const host = packaged();
    const result = await setAutostart(op(), host, true);
    expect(result).toMatchObject({ ok: true, value: { outcome: 'not-applied', autostart: { enabled: false } } });
    expect(result.ok && result.value.detail).toContain('ERROR: Access is denied.');
    expect(reads).toHaveLength(1);
    expect(existsSync(definitionFile(host))).toBe(false);
    expect(runner.machine.scheduledTasks).toEqual([]);
  });

  it('is storage-failed without running schtasks when the definition cannot be written', async () => {
    const { op, activity } = sim();
    const blocker = path.join(scratch, 'a file, not a folder');
    writeFileSync(blocker, '');
    const result = await setAutostart(op(), { ...packaged(), taskDefinitionDir: blocker }, true);
    expect(result).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    expect(activity.list()).toEqual([]);
  });

  it('refuses to enable in a dev (unpackaged) run without running anything', async () => {
    const { op, activity } = sim();
    const result = await setAutostart(
      op(),
      { ...packaged(), execPath: 'C:\\dev\\node_modules\\electron\\dist\\electron.exe', isPackaged: false },
      true,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(activity.list()).toEqual([]);
  });

  it('refuses a data folder or exe that is relative or has quotes or control characters, without running or writing', async () => {
    const { op, activity } = sim();
    const base = packaged();
    for (const host of [
      { ...base, taskDefinitionDir: 'relative\\data' },
      { ...base, taskDefinitionDir: `${base.taskDefinitionDir}"` },
      { ...base, taskDefinitionDir: `${base.taskDefinitionDir}\r\nx` },
      { ...base, taskDefinitionDir: '' },
      { ...base, execPath: `C:\\Program Files\\Portwarden\\Port"warden.exe` },
      { ...base, execPath: 'C:\\Program Files\\Portwarden\\Portwarden.exe\u0000' },
    ]) {
      expect(await setAutostart(op(), host, true), JSON.stringify(host)).toMatchObject({
        ok: false,
        error: { code: 'refused' },
      });
    }
    expect(activity.list()).toEqual([]);
    expect(existsSync(base.taskDefinitionDir)).toBe(false);
  });
});

describe('autostart routes', () => {
  const core = (scenario: string, host?: AutostartHost) => {
    const windows = createSimulatedWindows({ scenario, locale: 'en' });
    const dataDir = path.join(tmpdir(), 'portwarden-autostart-test-never-written');
    const app = createTestCore({
      runner: windows.runner,
      probe: windows.probe,
      dataDir,
      scenario,
      ...(host ? { autostartHost: host } : {}),
    });
    return { app, windows };
  };

  it('accepts only [{ enabled: boolean }]; the simulated Windows reads the definition file from disk', async () => {
    const { app, windows } = core('clean', packaged());
    const bad: unknown[][] = [
      [],
      [{}],
      [{ enabled: 'true' }],
      [{ enabled: 1 }],
      [{ enabled: true, exe: 'C:\\x.exe' }],
      [{ enabled: true }, {}],
      [null],
      [true],
    ];
    for (const args of bad) {
      const result = await app.router.dispatch(CHANNELS.setAutostart, OWN, args);
      expect(result, JSON.stringify(args)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(await app.router.dispatch(CHANNELS.getAutostart, OWN, [{}])).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(windows.runner.machine.scheduledTasks).toEqual([]);
    expect(await app.router.dispatch(CHANNELS.setAutostart, OWN, [{ enabled: true }])).toEqual({
      ok: true,
      value: { outcome: 'applied', autostart: { enabled: true, taskName: AUTOSTART_TASK_NAME } },
    });
    expect(await app.router.dispatch(CHANNELS.getAutostart, OWN, [])).toEqual({
      ok: true,
      value: { enabled: true, taskName: AUTOSTART_TASK_NAME },
    });
  });

  it('is a change: refused unelevated before anything runs; a host without an exe is a dev run', async () => {
    const unelevated = core('not-elevated', packaged());
    expect(await unelevated.app.router.dispatch(CHANNELS.setAutostart, OWN, [{ enabled: true }])).toMatchObject({
      ok: false,
      error: { code: 'not-elevated' },
    });
    const dev = core('clean');
    expect(await dev.app.router.dispatch(CHANNELS.setAutostart, OWN, [{ enabled: true }])).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
  });
});

describe('simulated machine documents', () => {
  it('reads a machine saved before scheduledTasks existed as having none', async () => {
    const { createMachine, deserializeMachine, serializeMachine } = await import('../simulated-windows/state');
    const old = JSON.parse(serializeMachine(createMachine())) as Record<string, unknown>;
    delete old.scheduledTasks;
    expect(deserializeMachine(JSON.stringify(old)).scheduledTasks).toEqual([]);
  });
});

/**
 * Over-the-shoulder elevation (session-user.ts): a standard user's desktop, Portwarden elevated with an
 * administrator's password. A logon task made now would belong to the administrator (it starts at
 * their logon, not the user's), and the user's own account cannot start an app that requires
 * administrator rights from a task. So enabling is refused, saying why; disabling still works.
 */
describe('Start with Windows after over-the-shoulder elevation', () => {
  const desktopOf = (runner: SimRunner, user: string) =>
    runner.machine.processes.push({
      pid: 5120,
      image: 'explorer.exe',
      services: [],
      owner: 'user',
      sessionName: 'Console',
      memKb: 90000,
      user,
    });
  const elevatedAs = (processUser: string | null): AutostartHost => ({ ...packaged(), processUser });

  it('reports who the app runs as and whose desktop this is', async () => {
    const { runner, op } = sim();
    desktopOf(runner, 'DEVBOX\\dev');
    expect(await getAutostart(op(), elevatedAs('admin'))).toEqual({
      ok: true,
      value: {
        enabled: false,
        taskName: AUTOSTART_TASK_NAME,
        overTheShoulder: { elevatedAs: 'admin', desktopUser: 'DEVBOX\\dev' },
      },
    });
    // The same account (any case, with or without the domain): nothing to say.
    expect(await getAutostart(op(), elevatedAs('DEV'))).toEqual({
      ok: true,
      value: { enabled: false, taskName: AUTOSTART_TASK_NAME },
    });
    // No account known for this process: no claim either way.
    expect(await getAutostart(op(), elevatedAs(null))).toEqual({
      ok: true,
      value: { enabled: false, taskName: AUTOSTART_TASK_NAME },
    });
  });

  it('refuses to enable, naming both accounts, and creates nothing', async () => {
    const { runner, op, reads } = sim();
    desktopOf(runner, 'DEVBOX\\dev');
    const host = elevatedAs('admin');
    const result = await setAutostart(op(), host, true);
    expect(result).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.message).toMatch(/admin/);
    expect(result.error.message).toMatch(/DEVBOX\\dev/);
    expect(runner.machine.scheduledTasks ?? []).toEqual([]);
    expect(runner.calls.some((c) => c.command === 'schtasks' && c.args.includes('/Create'))).toBe(false);
    expect(reads).toEqual([]);
    expect(existsSync(definitionFile(host))).toBe(false);
  });

  it('still disables a task that exists (made before, for whichever account)', async () => {
    const { runner, op } = sim();
    await createOldTask(runner);
    desktopOf(runner, 'DEVBOX\\dev');
    expect(await setAutostart(op(), elevatedAs('admin'), false)).toMatchObject({
      ok: true,
      value: { outcome: 'applied', autostart: { enabled: false, overTheShoulder: { elevatedAs: 'admin' } } },
    });
    expect(runner.machine.scheduledTasks).toEqual([]);
  });

  it('enables as before when the desktop cannot be read (no guess)', async () => {
    const { runner, op } = sim();
    runner.injectFault({ match: { command: 'tasklist' }, kind: 'fail', once: false });
    expect(await setAutostart(op(), elevatedAs('admin'), true)).toMatchObject({
      ok: true,
      value: { outcome: 'applied', autostart: { enabled: true } },
    });
  });
});
