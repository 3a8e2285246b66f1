import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_MS } from './command-runner';
import { encodeConsoleOutput } from './console-encoding';
import {
  createWindowsRunner,
  DEFAULT_SYSTEM_ROOT,
  MAX_OUTPUT_BYTES,
  resolveSystemRoot,
  type ExecaFunction,
  type SpawnOptions,
  type SpawnResult,
} from './windows-runner';

interface RecordedCall {
  readonly file: string;
  readonly args: readonly string[];
  readonly options: SpawnOptions;
}

const OEMCP_949 = new TextEncoder().encode(
  '\r\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage\r\n    OEMCP    REG_SZ    949\r\n\r\n',
);
const KOREAN_FOOTER = '* - 관리 포트 제외입니다.\r\n';

/** A fake execa that records every call; `reg` answers the code page query, the rest is scripted. */
const recordingExeca = (
  respond: (file: string, args: readonly string[]) => SpawnResult | Promise<SpawnResult> = () => ({
    exitCode: 0,
    stdout: encodeConsoleOutput(KOREAN_FOOTER, 949),
    stderr: new Uint8Array(),
  }),
) => {
  const calls: RecordedCall[] = [];
  const execa: ExecaFunction = async (file, args, options) => {
    calls.push({ file, args, options });
    if (file.endsWith('\\reg.exe')) return { exitCode: 0, stdout: OEMCP_949, stderr: new Uint8Array() };
    return respond(file, args);
  };
  return { execa, calls };
};

const env = { SystemRoot: 'C:\\Windows', PATH: 'C:\\Users\\me\\evil;C:\\Windows', USERPROFILE: 'C:\\Users\\me' };

describe('createWindowsRunner', () => {
  it('spawns System32 executables by absolute path with locked-down options', async () => {
    const { execa, calls } = recordingExeca();
    const runner = createWindowsRunner({ execa, env });
    await runner.run('netsh', ['interface', 'ipv4', 'show', 'excludedportrange', 'protocol=tcp']);

    const call = calls.find((c) => c.file.endsWith('netsh.exe'));
    expect(call?.file).toBe('C:\\Windows\\System32\\netsh.exe');
    expect(call?.args).toEqual(['interface', 'ipv4', 'show', 'excludedportrange', 'protocol=tcp']);
    expect(call?.options).toEqual({
      shell: false,
      stdin: 'ignore',
      windowsHide: true,
      timeout: DEFAULT_TIMEOUT_MS,
      encoding: 'buffer',
      maxBuffer: MAX_OUTPUT_BYTES,
      reject: false,
      extendEnv: false,
      env: { SystemRoot: 'C:\\Windows', windir: 'C:\\Windows', PATH: 'C:\\Windows\\System32' },
      cwd: 'C:\\Windows\\System32',
      stripFinalNewline: false,
    });
    expect(MAX_OUTPUT_BYTES).toBeLessThanOrEqual(8 * 1024 * 1024);
    // Every spawn, the code page query included, gets the same options.
    for (const { file, options } of calls) {
      expect(file).toMatch(/^C:\\Windows\\System32\\[a-z]+\.exe$/);
      expect(options.shell).toBe(false);
      expect(options.timeout).toBeGreaterThan(0);
      expect(Object.keys(options.env).sort()).toEqual(['PATH', 'SystemRoot', 'windir']);
    }
  });

  it('without an injected environment, never takes SystemRoot from process.env (a user variable would win there)', async () => {
    const saved = process.env.SystemRoot;
    process.env.SystemRoot = 'C:\\Users\\me\\fake-windows';
    try {
      const { execa, calls } = recordingExeca();
      await createWindowsRunner({ execa }).run('sc', ['query', 'winnat']);
      // Off Windows the kernel link cannot be resolved, so the fallback shows; the user's value never does.
      expect(calls.map((c) => c.file)).toContain('C:\\Windows\\System32\\sc.exe');
      for (const call of calls) expect(call.file).not.toContain('fake-windows');
    } finally {
      if (saved === undefined) delete process.env.SystemRoot;
      else process.env.SystemRoot = saved;
    }
  });

  it('uses the per-call timeout, then the runner timeout, then the default', async () => {
    const { execa, calls } = recordingExeca();
    const runner = createWindowsRunner({ execa, env, timeoutMs: 5_000 });
    await runner.run('sc', ['query', 'winnat']);
    await runner.run('sc', ['query', 'winnat'], { timeoutMs: 1_234 });
    await runner.run('sc', ['query', 'winnat'], { timeoutMs: 0 }); // 0 would mean "no timeout" to execa
    expect(calls.filter((c) => c.file.endsWith('sc.exe')).map((c) => c.options.timeout)).toEqual([5_000, 1_234, 5_000]);

    const { execa: execa2, calls: calls2 } = recordingExeca();
    await createWindowsRunner({ execa: execa2, env, timeoutMs: Number.NaN }).run('net', ['session']);
    expect(calls2.every((c) => c.options.timeout === DEFAULT_TIMEOUT_MS)).toBe(true);
  });

  it('detects the OEM code page once, lazily, through reg.exe, and decodes output with it', async () => {
    const { execa, calls } = recordingExeca();
    const runner = createWindowsRunner({ execa, env });
    expect(calls).toHaveLength(0);

    const results = await Promise.all([
      runner.run('netsh', ['interface', 'ipv4', 'show', 'excludedportrange', 'protocol=tcp']),
      runner.run('netsh', ['interface', 'ipv6', 'show', 'excludedportrange', 'protocol=tcp']),
    ]);
    await runner.run('netstat', ['-ano']);

    const regCalls = calls.filter((c) => c.file.endsWith('reg.exe'));
    expect(regCalls).toHaveLength(1);
    expect(regCalls[0]?.args).toEqual([
      'query',
      'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage',
      '/v',
      'OEMCP',
    ]);
    expect(calls[0]?.file).toBe('C:\\Windows\\System32\\reg.exe');
    expect(results.map((r) => r.stdout)).toEqual([KOREAN_FOOTER, KOREAN_FOOTER]);
    expect(results[0]).toEqual({ exitCode: 0, stdout: KOREAN_FOOTER, stderr: '', timedOut: false });
  });

  it('falls back to code page 437 when the registry cannot be read, still only once', async () => {
    const calls: string[] = [];
    const execa: ExecaFunction = async (file) => {
      calls.push(file);
      if (file.endsWith('reg.exe')) return { exitCode: 1, stdout: new Uint8Array(), stderr: new Uint8Array() };
      return { exitCode: 0, stdout: Uint8Array.from([0x41, 0x42, 0x48, 0x99, 0x52, 0x45, 0x4e]) };
    };
    const runner = createWindowsRunner({ execa, env });
    expect((await runner.run('netstat', ['-an'])).stdout).toBe('ABHÖREN'); // 0x99 is Ö in CP437 too
    await runner.run('netstat', ['-an']);
    expect(calls.filter((f) => f.endsWith('reg.exe'))).toHaveLength(1);
  });

  it('reports a timed-out call as timedOut with no exit code, even if Windows gave the killed process one', async () => {
    const { execa } = recordingExeca(() => ({
      exitCode: 1,
      timedOut: true,
      failed: true,
      stdout: encodeConsoleOutput('partial', 949),
      stderr: new Uint8Array(),
      shortMessage: 'Command timed out after 15000 milliseconds',
    }));
    const result = await createWindowsRunner({ execa, env }).run('net', ['stop', 'winnat']);
    expect(result).toEqual({ exitCode: null, stdout: 'partial', stderr: '', timedOut: true });
  });

  it('never throws: a spawn failure or a rejecting execa becomes exitCode null with the reason in stderr', async () => {
    const { execa } = recordingExeca(() => ({
      failed: true,
      shortMessage: 'Command failed with ENOENT: C:\\Windows\\System32\\netsh.exe',
      stdout: new Uint8Array(),
      stderr: new Uint8Array(),
    }));
    expect(await createWindowsRunner({ execa, env }).run('netsh', ['x'])).toEqual({
      exitCode: null,
      stdout: '',
      stderr: 'Command failed with ENOENT: C:\\Windows\\System32\\netsh.exe',
      timedOut: false,
    });

    const rejecting: ExecaFunction = () => Promise.reject(new Error('spawn EPERM'));
    expect(await createWindowsRunner({ execa: rejecting, env }).run('netsh', ['x'])).toEqual({
      exitCode: null,
      stdout: '',
      stderr: 'spawn EPERM',
      timedOut: false,
    });

    const throwing: ExecaFunction = () => {
      throw new TypeError('bad options');
    };
    await expect(createWindowsRunner({ execa: throwing, env }).run('netsh', ['x'])).resolves.toMatchObject({
      exitCode: null,
      stderr: 'bad options',
    });
  });

  it('keeps the exit code and stderr of a command that ran and failed', async () => {
    const { execa } = recordingExeca(() => ({
      exitCode: 2,
      failed: true,
      stdout: new Uint8Array(),
      stderr: new TextEncoder().encode('System error 5 has occurred.\r\n\r\nAccess is denied.\r\n'),
      shortMessage: 'Command failed with exit code 2',
    }));
    expect(await createWindowsRunner({ execa, env }).run('net', ['session'])).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'System error 5 has occurred.\r\n\r\nAccess is denied.\r\n',
      timedOut: false,
    });
  });

  it('never throws with the real execa either (no netsh.exe here: a spawn error, not an exception)', async () => {
    const result = await createWindowsRunner({ env: { SystemRoot: 'C:\\Windows' }, timeoutMs: 5_000 }).run('netsh', [
      'interface',
      'portproxy',
      'show',
      'all',
    ]);
    if (process.platform !== 'win32') {
      expect(result.exitCode).toBeNull();
      expect(result.timedOut).toBe(false);
      expect(result.stderr).not.toBe('');
    }
  });
});

describe('resolveSystemRoot', () => {
  it.each([
    [{ SystemRoot: 'C:\\Windows' }, 'C:\\Windows'],
    [{ SystemRoot: 'D:\\WINNT\\' }, 'D:\\WINNT'],
    [{ SYSTEMROOT: 'E:\\Win Dows' }, 'E:\\Win Dows'],
    [{}, DEFAULT_SYSTEM_ROOT],
    [{ SystemRoot: '' }, DEFAULT_SYSTEM_ROOT],
    [{ SystemRoot: 'Windows' }, DEFAULT_SYSTEM_ROOT],
    [{ SystemRoot: 'C:Windows' }, DEFAULT_SYSTEM_ROOT],
    [{ SystemRoot: 'C:\\' }, DEFAULT_SYSTEM_ROOT],
    [{ SystemRoot: '\\\\attacker\\share' }, DEFAULT_SYSTEM_ROOT],
    [{ SystemRoot: '\\\\?\\C:\\Windows' }, DEFAULT_SYSTEM_ROOT],
    [{ SystemRoot: 'C:\\Users\\me\\..\\..\\Temp' }, DEFAULT_SYSTEM_ROOT],
    [{ SystemRoot: 'C:\\Windows" & calc' }, DEFAULT_SYSTEM_ROOT],
    [{ SystemRoot: '/usr/lib' }, DEFAULT_SYSTEM_ROOT],
  ])('%j -> %s', (environment, expected) => {
    expect(resolveSystemRoot(environment)).toBe(expected);
  });
});
