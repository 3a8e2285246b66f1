import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDataDirAcl, openDataDir, parseIcacls, repairAclCommands } from './data-dir-acl';
import { createAppServices } from './system/app-services';
import { createSimulatedWindows } from './system/run/choose-windows';
import type { CommandRunner } from './system/run/command-runner';
import { createScenarioMachine, createSimRunner } from './system/simulated-windows';

const DIR = 'C:\\ProgramData\\Portwarden';
/** The folder is simulated: nothing is created on this disk. */
const noMkdir = { makeDir: async () => undefined };

/** ProgramData's default: Users may create and write (inherited), the folder a pre-installer run leaves. */
const USERS_WRITABLE = [
  { principal: 'NT AUTHORITY\\SYSTEM', rights: '(OI)(CI)(F)', inherited: true },
  { principal: 'BUILTIN\\Administrators', rights: '(OI)(CI)(F)', inherited: true },
  { principal: 'CREATOR OWNER', rights: '(OI)(CI)(IO)(F)', inherited: true },
  { principal: 'BUILTIN\\Users', rights: '(OI)(CI)(RX)', inherited: true },
  { principal: 'BUILTIN\\Users', rights: '(CI)(WD,AD,WEA,WA)', inherited: true },
];

const machineWith = (aces: typeof USERS_WRITABLE, elevated = true) => {
  const machine = createScenarioMachine('clean');
  machine.elevated = elevated;
  machine.acls = { [DIR.toLowerCase()]: aces };
  return createSimRunner(machine);
};

describe('data folder ACL', () => {
  it('parses icacls output, including localized names and the summary line', () => {
    const text = [
      `${DIR} VORDEFINIERT\\Administratoren:(OI)(CI)(F)`,
      `${' '.repeat(DIR.length)} NT-AUTORITÄT\\SYSTEM:(OI)(CI)(F)`,
      '',
      '1 Dateien erfolgreich verarbeitet, bei 0 Dateien ist ein Verarbeitungsfehler aufgetreten.',
    ].join('\r\n');
    expect(parseIcacls(text, DIR)).toEqual([
      { principal: 'VORDEFINIERT\\Administratoren', inherited: false, fullControl: true },
      { principal: 'NT-AUTORITÄT\\SYSTEM', inherited: false, fullControl: true },
    ]);
  });

  it('repairs a folder Users can write: by well-known SIDs, inheritance removed, verified by re-reading', async () => {
    const runner = machineWith(USERS_WRITABLE);
    expect(await ensureDataDirAcl(runner, DIR, noMkdir)).toEqual({ ok: true, repaired: true });
    const [setOwner, setEntries] = repairAclCommands(DIR);
    expect(runner.calls.map((c) => c.args)).toEqual([[DIR], setOwner, setEntries, [DIR]]);
    // icacls takes /setowner only on its own: the owner is its own run, as in build/installer.nsh.
    expect(setOwner).toEqual([DIR, '/setowner', '*S-1-5-32-544', '/T', '/L', '/Q']);
    expect(setEntries).toEqual(
      expect.arrayContaining(['/inheritance:r', '*S-1-5-32-544:(OI)(CI)F', '*S-1-5-18:(OI)(CI)F']),
    );
    expect(setEntries).not.toContain('/setowner');
    expect(runner.machine.acls?.[DIR.toLowerCase()]).toEqual([
      { principal: 'BUILTIN\\Administrators', rights: '(OI)(CI)(F)', inherited: false },
      { principal: 'NT AUTHORITY\\SYSTEM', rights: '(OI)(CI)(F)', inherited: false },
    ]);
    expect(runner.machine.aclOwners?.[DIR.toLowerCase()]).toBe('BUILTIN\\Administrators');
  });

  it('leaves a locked-down folder alone (one read, no write)', async () => {
    const runner = machineWith([
      { principal: 'BUILTIN\\Administrators', rights: '(OI)(CI)(F)', inherited: false },
      { principal: 'NT AUTHORITY\\SYSTEM', rights: '(OI)(CI)(F)', inherited: false },
    ]);
    expect(await ensureDataDirAcl(runner, DIR, noMkdir)).toEqual({ ok: true, repaired: false });
    expect(runner.calls).toHaveLength(1);
  });

  it('refuses with a clear message when the repair does not take (denied), and when it has no effect', async () => {
    const denied = machineWith(USERS_WRITABLE, false);
    const result = await ensureDataDirAcl(denied, DIR, noMkdir);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/Access is denied.*will not use it/s) });

    const noEffect = machineWith(USERS_WRITABLE);
    noEffect.injectFault({ match: { command: 'icacls', argsIncludes: ['/inheritance:r'] }, kind: 'no-effect' });
    expect(await ensureDataDirAcl(noEffect, DIR, noMkdir)).toMatchObject({ ok: false });
  });

  it('the simulated icacls refuses /setowner combined with other changes, as icacls does', async () => {
    const runner = machineWith(USERS_WRITABLE);
    const result = await runner.run('icacls', [DIR, '/inheritance:r', '/setowner', '*S-1-5-32-544']);
    expect(result.exitCode).toBe(87);
  });

  it('an explicit entry for another account survives the repair, so it is refused', async () => {
    const runner = machineWith([
      ...USERS_WRITABLE,
      { principal: 'PC\\mallory', rights: '(OI)(CI)(M)', inherited: false },
    ]);
    expect(await ensureDataDirAcl(runner, DIR, noMkdir)).toMatchObject({ ok: false });
  });
});

/**
 * The order at start: the ACL check (read, repair, re-read) settles before the services open the
 * folder, so main.log, the audit log, the journal and every other file are written only into a
 * folder already restricted, and never into one the app refuses.
 */
describe('openDataDir: the check before the first write', () => {
  const files = async (dir: string) => (await readdir(dir, { recursive: true })).sort();

  /** A simulated machine that knows the temp folder's ACL; its icacls answers wait for `release`. */
  const gatedMachine = async (aces: typeof USERS_WRITABLE, elevated = true) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'portwarden-data-'));
    const windows = createSimulatedWindows({ scenario: 'clean', locale: 'en' });
    windows.runner.machine.elevated = elevated;
    windows.runner.machine.acls = { [dir.toLowerCase()]: aces };
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const runner: CommandRunner = {
      run: async (command, args, options) => {
        await gate;
        return windows.runner.run(command, args, options);
      },
    };
    return { dir, runner, release, windows };
  };

  it('opens the services (and writes main.log) only after the repair was verified', async () => {
    const { dir, runner, release, windows } = await gatedMachine(USERS_WRITABLE);
    const order: string[] = [];
    const opening = openDataDir({
      check: () =>
        ensureDataDirAcl(runner, dir).then((acl) => {
          order.push('check settled');
          return acl;
        }),
      open: () => {
        order.push('open');
        return createAppServices({ dataDir: dir, probe: windows.probe, host: windows.host });
      },
    });
    // The check is waiting for icacls: nothing has been opened or written.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual([]);
    expect(await files(dir)).toEqual([]);
    release();
    const opened = await opening;
    expect(opened).toMatchObject({ ok: true, repaired: true });
    expect(order).toEqual(['check settled', 'open']);
    expect(windows.runner.machine.acls?.[dir.toLowerCase()]?.map((ace) => ace.principal)).toEqual([
      'BUILTIN\\Administrators',
      'NT AUTHORITY\\SYSTEM',
    ]);
    if (!opened.ok) throw new Error(opened.message);
    opened.services.appLog.info('Portwarden started');
    expect(await files(dir)).toContain(path.join('logs', 'main.log'));
  });

  it('a refused folder gets no write at all, and the message says why', async () => {
    // Unelevated, icacls cannot change the ACL: the repair does not take.
    const { dir, runner, release } = await gatedMachine(USERS_WRITABLE, false);
    let opened = false;
    release();
    const result = await openDataDir({
      check: () => ensureDataDirAcl(runner, dir),
      open: () => {
        opened = true;
        return null;
      },
    });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/will not use it/) });
    expect(opened).toBe(false);
    expect(await files(dir)).toEqual([]);
  });

  it('without a check (simulated or not Windows) the folder opens at once', async () => {
    expect(await openDataDir({ check: null, open: () => 'services' })).toEqual({
      ok: true,
      repaired: false,
      services: 'services',
    });
  });

  it('a check that throws is a refusal, not an open folder', async () => {
    const result = await openDataDir({ check: () => Promise.reject(new Error('boom')), open: () => 'services' });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/boom/) });
  });
});
