/**
 * The real CommandRunner: runs `%SystemRoot%\System32\<command>.exe` through the pinned spawn
 * (spawn-pinned.ts: absolute path, no shell, no stdin, timeout, capped output, minimal environment)
 * and decodes what it wrote. It never throws: a spawn failure is a result with exitCode null and the
 * reason in stderr.
 */
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
import { DEFAULT_SYSTEM_ROOT, resolveSystemRoot } from './windows-dirs';
import { minimalEnvironment, pinnedOptions, realExeca, trustedEnvironment, type ExecaFunction } from './spawn-pinned';
import { messageOf } from '../../../shared/result';

// Re-exported for the runner's tests and callers that already import them from here.
export { DEFAULT_SYSTEM_ROOT, resolveSystemRoot };
export { MAX_OUTPUT_BYTES, type ExecaFunction, type SpawnOptions, type SpawnResult } from './spawn-pinned';
/** US English OEM code page: what we assume when the registry cannot be read. */
export const FALLBACK_OEM_CODE_PAGE = 437;

export interface WindowsRunnerOptions {
  /** Default timeout for calls that do not pass one; DEFAULT_TIMEOUT_MS otherwise. */
  readonly timeoutMs?: number;
  /** Where SystemRoot is read from; by default the kernel's answer (windows-dirs.ts), never process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** execa by default; tests inject a recorder. */
  readonly execa?: ExecaFunction;
}

const validTimeout = (value: number | undefined): number | undefined =>
  value !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;

const outputText = (value: unknown, decode: (bytes: Uint8Array) => string): string => {
  if (value instanceof Uint8Array) return decode(value);
  return typeof value === 'string' ? value : '';
};

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
      const result = await spawn(
        `${system32}\\${command}.exe`,
        [...args],
        pinnedOptions({ timeout, env, cwd: system32 }),
      );
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
      return { exitCode: null, stdout: '', stderr: messageOf(error), timedOut: false };
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
