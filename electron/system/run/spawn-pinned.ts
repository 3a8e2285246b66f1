/**
 * The one place Portwarden starts a process (lint rule in eslint.config.js; test/security/boundaries
 * proves it). The main process is elevated, so every spawn is pinned down (docs/architecture.md §3, §5):
 * - an absolute path, never a PATH lookup, and `shell: false`: argv goes to the executable as is,
 *   nothing is ever interpreted by cmd.exe;
 * - `stdin: 'ignore'`: netsh without arguments opens an interactive `netsh>` prompt
 *   (dynamicport-tcp.en.1-interactive-netsh.txt) and would wait for input forever;
 * - a timeout on every call and a capped output buffer, so a hung or runaway tool cannot hang or
 *   exhaust the app;
 * - a minimal environment (see minimalEnvironment) and System32 as working directory, so nothing the
 *   user controls (PATH entries, a planted DLL in the current directory) reaches an elevated child;
 * - output kept as bytes: the caller decodes it.
 * Two callers: the command runner (windows-runner.ts) and the UAC relaunch (elevation/launch-elevated.ts).
 */
import { execa } from 'execa';
import { systemRootFromKernel } from './windows-dirs';

/** Largest stdout/stderr accepted per call; `netstat -ano` on a busy server is well under 1 MiB. */
export const MAX_OUTPUT_BYTES = 8 * 1024 * 1024;

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

export const realExeca: ExecaFunction = (file, args, options) => execa(file, args, options);

/** SystemRoot from the kernel, never from process.env (windows-dirs.ts says why). */
export const trustedEnvironment = () => ({ SystemRoot: systemRootFromKernel() });

/**
 * SystemRoot and windir: Winsock and other system DLLs the tools load fail without them. PATH is
 * System32 only: netsh loads its helper DLLs from there and must find nothing the user put on PATH.
 * This is what we pass, not all the child sees: on Windows libuv (under Node's spawn) copies a fixed
 * list of variables from our own environment into any child environment that lacks them (HOMEDRIVE,
 * HOMEPATH, LOGONSERVER, SYSTEMDRIVE, TEMP, USERDOMAIN, USERNAME, USERPROFILE among them), so the
 * children do get TEMP and the profile variables of the account Portwarden runs as. Nothing the tools
 * decide depends on them; proxies and anything else are not passed.
 */
export const minimalEnvironment = (systemRoot: string): Readonly<Record<string, string>> => ({
  SystemRoot: systemRoot,
  windir: systemRoot,
  PATH: `${systemRoot}\\System32`,
});

/** The pinned options for one spawn: only the timeout, the environment and System32 vary. */
export const pinnedOptions = (options: {
  timeout: number;
  env: Readonly<Record<string, string>>;
  cwd: string;
}): SpawnOptions => ({
  shell: false,
  stdin: 'ignore',
  windowsHide: true,
  timeout: options.timeout,
  encoding: 'buffer',
  maxBuffer: MAX_OUTPUT_BYTES,
  reject: false,
  extendEnv: false,
  env: options.env,
  cwd: options.cwd,
  stripFinalNewline: false,
});
