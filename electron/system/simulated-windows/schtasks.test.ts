import { describe, expect, it } from 'vitest';
import { buildAutostartTaskXml, encodeTaskXml } from '../autostart/task-xml';
import { parseScheduledTaskXml } from '../parse';
import { createScenarioMachine } from './scenarios';
import { createSimRunner } from './simulated-runner';

const EXE = 'C:\\Program Files\\Portwarden\\Portwarden.exe';
/** A path as the Linux test host has them: it starts with `/`, like a switch, and must still read as /XML's value. */
const FILE = '/data/autostart task.xml';
const DEFINITION = encodeTaskXml(buildAutostartTaskXml({ command: EXE, arguments: '--hidden' }));

const machine = (files: Record<string, Uint8Array>, scenario = 'clean', language: 'en' | 'ko' = 'en') =>
  createSimRunner(createScenarioMachine(scenario, { language }), { readFile: (file) => files[file] ?? null });

const create = ['/Create', '/TN', 'Portwarden', '/XML', FILE, '/F'];
const query = ['/Query', '/TN', 'Portwarden', '/XML'];

describe('simulated schtasks /XML', () => {
  it('creates from a UTF-16LE definition and prints it back re-rendered, as Task Scheduler does', async () => {
    const runner = machine({ [FILE]: DEFINITION });
    expect(await runner.run('schtasks', create)).toMatchObject({
      exitCode: 0,
      stdout: 'SUCCESS: The scheduled task "Portwarden" has successfully been created.\r\n',
    });
    const printed = await runner.run('schtasks', query);
    expect(printed.exitCode).toBe(0);
    expect(printed.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-16"\?>\r\n<Task version="1\.2"/);
    expect(printed.stdout).toContain('    <URI>\\Portwarden</URI>\r\n');
    expect(printed.stdout).toContain('    <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>\r\n');
    expect(parseScheduledTaskXml(printed.stdout)).toEqual(
      parseScheduledTaskXml(buildAutostartTaskXml({ command: EXE, arguments: '--hidden' })),
    );
  });

  it('reads a UTF-8 definition too, and replaces only with /F', async () => {
    const runner = machine({
      [FILE]: new TextEncoder().encode(buildAutostartTaskXml({ command: EXE, arguments: '--hidden' })),
    });
    expect((await runner.run('schtasks', create)).exitCode).toBe(0);
    const again = await runner.run('schtasks', create.slice(0, -1));
    expect(again).toMatchObject({
      exitCode: 1,
      stderr: 'ERROR: Cannot create a file when that file already exists.\r\n',
    });
    expect(runner.machine.scheduledTasks).toHaveLength(1);
  });

  it('a missing file is win32 2 and a file that is not a task definition is malformed, exit 1, nothing created', async () => {
    for (const [language, missing] of [
      ['en', 'ERROR: The system cannot find the file specified.\r\n'],
      ['ko', 'ERROR: 지정된 파일을 찾을 수 없습니다.\r\n'],
    ] as const) {
      const runner = machine({ '/data/garbage.xml': encodeTaskXml('<Task><Settings/></Task>') }, 'clean', language);
      expect(await runner.run('schtasks', create)).toMatchObject({ exitCode: 1, stdout: '', stderr: missing });
      expect(
        await runner.run('schtasks', ['/Create', '/TN', 'Portwarden', '/XML', '/data/garbage.xml', '/F']),
      ).toMatchObject({
        exitCode: 1,
        stderr: 'ERROR: The task XML is malformed.\r\n',
      });
      expect(runner.machine.scheduledTasks).toEqual([]);
    }
    // Without a readFile hook every file is missing.
    const bare = createSimRunner(createScenarioMachine('clean'));
    expect(await bare.run('schtasks', create)).toMatchObject({
      exitCode: 1,
      stderr: 'ERROR: The system cannot find the file specified.\r\n',
    });
    expect(await bare.run('schtasks', ['/Create', '/TN', 'Portwarden', '/XML', '/F'])).toMatchObject({
      exitCode: 1,
      stderr: expect.stringContaining('Invalid syntax'),
    });
  });

  it('refuses the highest run level unelevated (Access is denied.)', async () => {
    const runner = machine({ [FILE]: DEFINITION }, 'not-elevated');
    expect(await runner.run('schtasks', create)).toMatchObject({ exitCode: 1, stderr: 'ERROR: Access is denied.\r\n' });
    expect(runner.machine.scheduledTasks).toEqual([]);
  });

  it('a /TR task keeps the quoted program and Task Scheduler defaults (72 hours, battery conditions, priority 7)', async () => {
    const runner = machine({});
    await runner.run('schtasks', [
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
    const printed = (await runner.run('schtasks', query)).stdout;
    expect(printed).toContain(`<Command>"${EXE}"</Command>`);
    expect(parseScheduledTaskXml(printed)).toMatchObject({
      command: `"${EXE}"`,
      arguments: '--hidden',
      runLevel: 'HighestAvailable',
      executionTimeLimit: 'PT72H',
      disallowStartIfOnBatteries: true,
      stopIfGoingOnBatteries: true,
      priority: 7,
    });
  });

  it('queries and deletes with the real messages; only the /XML query form is simulated', async () => {
    const runner = machine({ [FILE]: DEFINITION });
    expect(await runner.run('schtasks', query)).toMatchObject({
      exitCode: 1,
      stdout: '',
      stderr: 'ERROR: The system cannot find the file specified.\r\n',
    });
    await runner.run('schtasks', create);
    expect((await runner.run('schtasks', ['/Query', '/TN', 'Portwarden', '/FO', 'LIST', '/V'])).stderr).toContain(
      'ERROR: Invalid syntax.',
    );
    expect(await runner.run('schtasks', ['/Delete', '/TN', 'Portwarden', '/F'])).toMatchObject({
      exitCode: 0,
      stdout: 'SUCCESS: The scheduled task "Portwarden" was successfully deleted.\r\n',
    });
    expect(runner.machine.scheduledTasks).toEqual([]);
  });
});
