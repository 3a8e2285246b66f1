/**
 * The real CommandRunner: spawns `%SystemRoot%\System32\<command>.exe` with execa. The main process is
 * elevated, so every spawn is pinned down (docs/architecture.md §3, §5):
 * - an absolute path, never a PATH lookup, and `shell: false`: argv goes to the executable as is,
 *   nothing is ever interpreted by cmd.exe;
 * - `stdin: 'ignore'`: netsh without arguments opens an interactive `netsh>` prompt
 *   (dynamicport-tcp.en.1-interactive-netsh.txt) and would wait for input forever;
 * - a timeout on every call and a capped output buffer, so a hung or runaway tool cannot hang or
 *   exhaust the app;
 * - a minimal environment (see minimalEnvironment) and System32 as working directory, so nothing the
 *   user controls (PATH entries, a planted DLL in the current directory) reaches an elevated child;
 * - output kept as bytes and decoded with the console OEM code page (console-encoding.ts).
 * It never throws: a spawn failure is a result with exitCode null and the reason in stderr.
 *
 * This is the only module allowed to import execa or child_process (lint rule in eslint.config.js).
 */
import { execa } from 'execa';
import {
  DEFAULT_TIMEOUT_MS,
  type CommandRunner,
  type RunOptions,
  type RunResult,
  type SystemCommand,
} from './command-runner';
import { oemCodePageQuery } from '../commands';
import { decodeCommandOutput } from './console-encoding';
import { parseOemCodePage } from '../parse';
import { DEFAULT_SYSTEM_ROOT, resolveSystemRoot, systemRootFromKernel } from './windows-dirs';

// Re-exported for the runner's tests and callers that already import them from here.
export { DEFAULT_SYSTEM_ROOT, resolveSystemRoot };

/** Largest stdout/stderr accepted per call; `netstat -ano` on a busy server is well under 1 MiB. */
export const MAX_OUTPUT_BYTES = 8 * 1024 * 1024;
/** US English OEM code page: what we assume when the registry cannot be read. */
export const FALLBACK_OEM_CODE_PAGE = 437;

/** Exactly the execa options this runner passes; spelled out so a test can assert each one. */
export interface SpawnOptions {
  readonly shell: false;
  readonly stdin: 'ignore';
  readonly windowsHide: true;
  readonly timeout: number;
  readonly encoding: 'buffer';
  readonly maxBuffer: number;
  readonly reject: false;
  readonly extendEnv: false;
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  /** The parsers want the bytes the console wrote, final newline included. */
  readonly stripFinalNewline: false;
}

/** The part of execa's result this runner reads. */
export interface SpawnResult {
  readonly exitCode?: number;
  readonly stdout?: unknown;
  readonly stderr?: unknown;
  readonly timedOut?: boolean;
  readonly failed?: boolean;
  readonly shortMessage?: string;
  readonly message?: string;
}

export type ExecaFunction = (file: string, args: readonly string[], options: SpawnOptions) => Promise<SpawnResult>;

export interface WindowsRunnerOptions {
  /** Default timeout for calls that do not pass one; DEFAULT_TIMEOUT_MS otherwise. */
  readonly timeoutMs?: number;
  /** Where SystemRoot is read from; by default the kernel's answer (windows-dirs.ts), never process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** execa by default; tests inject a recorder. */
  readonly execa?: ExecaFunction;
}

const realExeca: ExecaFunction = (file, args, options) => execa(file, args, options);

/** SystemRoot from the kernel, never from process.env (windows-dirs.ts says why). */
const trustedEnvironment = () => ({ SystemRoot: systemRootFromKernel() });

/**
 * SystemRoot and windir: Winsock and other system DLLs the tools load fail without them. PATH is
 * System32 only: netsh loads its helper DLLs from there and must find nothing the user put on PATH.
 * This is what we pass, not all the child sees: on Windows libuv (under Node's spawn) copies a fixed
 * list of variables from our own environment into any child environment that lacks them (HOMEDRIVE,
 * HOMEPATH, LOGONSERVER, SYSTEMDRIVE, TEMP, USERDOMAIN, USERNAME, USERPROFILE among them), so the
 * children do get TEMP and the profile variables of the account Portwarden runs as. Nothing the tools
 * decide depends on them; proxies and anything else are not passed.
 */
const minimalEnvironment = (systemRoot: string): Readonly<Record<string, string>> => ({
  SystemRoot: systemRoot,
  windir: systemRoot,
  PATH: `${systemRoot}\\System32`,
});

const validTimeout = (value: number | undefined): number | undefined =>
  value !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;

const outputText = (value: unknown, decode: (bytes: Uint8Array) => string): string => {
  if (value instanceof Uint8Array) return decode(value);
  return typeof value === 'string' ? value : '';
};

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const asciiText = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

export const createWindowsRunner = (options: WindowsRunnerOptions = {}): CommandRunner => {
  const spawn = options.execa ?? realExeca;
  const systemRoot = resolveSystemRoot(options.env ?? trustedEnvironment());
  const system32 = `${systemRoot}\\System32`;
  const env = minimalEnvironment(systemRoot);
  const runnerTimeout = validTimeout(options.timeoutMs) ?? DEFAULT_TIMEOUT_MS;

  const spawnDecoded = async (
    command: SystemCommand,
    args: readonly string[],
    timeout: number,
    decode: (bytes: Uint8Array) => string,
  ): Promise<RunResult> => {
    try {
      const result = await spawn(`${system32}\\${command}.exe`, [...args], {
        shell: false,
        stdin: 'ignore',
        windowsHide: true,
        timeout,
        encoding: 'buffer',
        maxBuffer: MAX_OUTPUT_BYTES,
        reject: false,
        extendEnv: false,
        env,
        cwd: system32,
        stripFinalNewline: false,
      });
      const timedOut = result.timedOut === true;
      // A killed process has an exit code on Windows (1); it is not one the command chose.
      const exitCode = !timedOut && typeof result.exitCode === 'number' ? result.exitCode : null;
      const stderr = outputText(result.stderr, decode);
      // No exit code and not a timeout: it never ran or was killed for its output size; say why.
      const reason =
        exitCode === null && !timedOut && result.failed ? (result.shortMessage ?? result.message ?? '') : '';
      return {
        exitCode,
        stdout: outputText(result.stdout, decode),
        stderr: [stderr, reason].filter(Boolean).join(stderr.endsWith('\n') ? '' : '\n'),
        timedOut,
      };
    } catch (error) {
      return { exitCode: null, stdout: '', stderr: errorMessage(error), timedOut: false };
    }
  };

  const detectCodePage = async (): Promise<number> => {
    // The registry value is ASCII digits, so this one call needs no code page to be read.
    const query = oemCodePageQuery();
    const result = await spawnDecoded(query.command, query.args, runnerTimeout, asciiText);
    return (result.exitCode === 0 && parseOemCodePage(result.stdout)) || FALLBACK_OEM_CODE_PAGE;
  };

  // Detected once, on first use; concurrent first calls share the same detection.
  let codePage: Promise<number> | undefined;

  return {
    async run(command: SystemCommand, args: readonly string[], runOptions?: RunOptions): Promise<RunResult> {
      codePage ??= detectCodePage().catch(() => FALLBACK_OEM_CODE_PAGE);
      const page = await codePage;
      const timeout = validTimeout(runOptions?.timeoutMs) ?? runnerTimeout;
      return spawnDecoded(command, args, timeout, (bytes) => decodeCommandOutput(command, bytes, page));
    },
  };
};

/**
 * Starts `exePath` elevated through the UAC prompt (ShellExecute "runas", which Node cannot call
 * directly). PowerShell's Start-Process is the one stock way; the script text is a constant and the
 * path travels in an environment variable, so no data is ever parsed as PowerShell. Resolves true
 * when Windows started the process (false when the user declined the prompt or anything failed).
 */
export const launchElevated = async (
  exePath: string,
  options: { env?: Readonly<Record<string, string | undefined>>; execa?: ExecaFunction } = {},
): Promise<boolean> => {
  const systemRoot = resolveSystemRoot(options.env ?? trustedEnvironment());
  const spawn = options.execa ?? realExeca;
  try {
    const result = await spawn(
      `${systemRoot}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`,
      ['-NoProfile', '-NonInteractive', '-Command', 'Start-Process -FilePath $env:PORTWARDEN_RELAUNCH -Verb RunAs'],
      {
        shell: false,
        stdin: 'ignore',
        windowsHide: true,
        timeout: 120_000,
        encoding: 'buffer',
        maxBuffer: MAX_OUTPUT_BYTES,
        reject: false,
        extendEnv: false,
        env: { ...minimalEnvironment(systemRoot), PORTWARDEN_RELAUNCH: exePath },
        cwd: `${systemRoot}\\System32`,
        stripFinalNewline: false,
      },
    );
    return result.exitCode === 0 && result.timedOut !== true;
  } catch {
    return false;
  }
};
