import { describe, expect, it } from 'vitest';
import { ensureDataDirAcl, parseIcacls, repairAclCommands } from './data-dir-acl';
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
