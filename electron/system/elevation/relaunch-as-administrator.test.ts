import { describe, expect, it } from 'vitest';
import { relaunchAsAdministrator, type RelaunchContext } from './relaunch-as-administrator';
import type { ExecaFunction, SpawnOptions } from '../run/spawn-pinned';
import { launchElevated } from './launch-elevated';

const context = (overrides: Partial<RelaunchContext> = {}) => {
  const events: string[] = [];
  const ctx: RelaunchContext = {
    platform: 'win32',
    isPackaged: true,
    execPath: 'C:\\Program Files\\Portwarden\\Portwarden.exe',
    releaseLock: () => events.push('release'),
    reacquireLock: () => events.push('reacquire'),
    quit: () => events.push('quit'),
    launch: async (exe) => {
      events.push(`launch ${exe}`);
      return true;
    },
    ...overrides,
  };
  return { ctx, events };
};

describe('relaunchAsAdministrator', () => {
  it('releases the single-instance lock, launches elevated, then quits', async () => {
    const { ctx, events } = context();
    expect(await relaunchAsAdministrator(ctx)).toEqual({ ok: true, value: null });
    expect(events).toEqual(['release', 'launch C:\\Program Files\\Portwarden\\Portwarden.exe', 'quit']);
  });

  it('keeps running and takes the lock back when the UAC prompt is declined', async () => {
    const { ctx, events } = context({ launch: async () => false });
    expect(await relaunchAsAdministrator(ctx)).toMatchObject({ ok: false, error: { code: 'command-failed' } });
    expect(events).toEqual(['release', 'reacquire']);
  });

  it('refuses in dev runs and off Windows without launching anything', async () => {
    for (const overrides of [{ isPackaged: false }, { platform: 'linux' }]) {
      const { ctx, events } = context(overrides);
      expect(await relaunchAsAdministrator(ctx)).toMatchObject({ ok: false, error: { code: 'refused' } });
      expect(events).toEqual([]);
    }
  });
});

describe('launchElevated', () => {
  it('runs a constant PowerShell script with the path only in the environment', async () => {
    const calls: { file: string; args: readonly string[]; options: SpawnOptions }[] = [];
    const execa: ExecaFunction = async (file, args, options) => {
      calls.push({ file, args, options });
      return { exitCode: 0 };
    };
    const hostile = 'C:\\x\\"; Remove-Item C:\\ -Recurse; "\\a.exe';
    expect(await launchElevated(hostile, { env: { SystemRoot: 'C:\\Windows' }, execa })).toBe(true);
    const call = calls[0]!;
    expect(call.file).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(call.args.join(' ')).not.toContain(hostile);
    expect(call.args.at(-1)).toBe('Start-Process -FilePath $env:PORTWARDEN_RELAUNCH -Verb RunAs');
    expect(call.options).toMatchObject({ shell: false, stdin: 'ignore', extendEnv: false });
    expect(call.options.env.PORTWARDEN_RELAUNCH).toBe(hostile);
  });

  it('reports a declined prompt (non-zero exit) as not launched', async () => {
    const execa: ExecaFunction = async () => ({ exitCode: 1 });
    expect(await launchElevated('C:\\a.exe', { env: {}, execa })).toBe(false);
  });
});
