/**
 * The one place that knows how each executable says "not elevated" or "access denied"; used by the
 * interpreters for unelevated mutations and by the 'deny' fault, so both print exactly the same.
 */
import type { SystemCommand } from '../run/command-runner';
import { stderrOf, stdoutOf, type SimOutput } from './output';
import type { Texts } from './texts';
import { assertNever } from '../../../shared/assert-never';

/** error-elevation-advfirewall-add.en.1.txt; netsh exits 1 on it (SOURCES.md §4). */
export const netshElevationRequired = (texts: Texts): SimOutput => stdoutOf(1, [texts.elevationRequired, '']);

/**
 * net.exe: `System error 5 has occurred.` / blank / `Access is denied.`, exit 2, on stderr. The blank
 * line is net.exe's; session-winnat-notstarted-accessdenied-netstat-taskkill.en.1.txt lost it.
 */
export const netAccessDenied = (texts: Texts): SimOutput =>
  stderrOf(2, [texts.systemError(5), '', texts.accessDenied, '']);

export const taskkillAccessDenied = (texts: Texts, pid: number): SimOutput =>
  stderrOf(1, [texts.taskkillCannot(pid), texts.taskkillReason(texts.accessDenied)]);

const pidArgument = (args: readonly string[]): number => {
  const index = args.findIndex((arg) => arg.toLowerCase() === '/pid');
  return Number(args[index + 1] ?? 0) || 0;
};

export const denialFor = (command: SystemCommand, args: readonly string[], texts: Texts): SimOutput => {
  switch (command) {
    case 'netsh':
      return netshElevationRequired(texts);
    case 'net':
      return netAccessDenied(texts);
    case 'sc':
      return stdoutOf(5, ['[SC] OpenService FAILED 5:', '', texts.accessDenied, '']);
    case 'taskkill':
      return taskkillAccessDenied(texts, pidArgument(args));
    // The reads and the tools that print `ERROR: <reason>` on their own.
    case 'netstat':
    case 'tasklist':
    case 'reg':
    case 'schtasks':
    case 'icacls':
    case 'wsl':
      return stderrOf(1, [`ERROR: ${texts.accessDenied}`]);
    default:
      return assertNever(command);
  }
};

/** The default output of an injected 'fail' fault: Win32 1359 in the executable's own style. */
export const failureFor = (command: SystemCommand, texts: Texts): SimOutput =>
  command === 'net'
    ? stderrOf(1, [texts.systemError(1359), '', texts.internalError, ''])
    : command === 'netsh'
      ? stdoutOf(1, [texts.internalError, ''])
      : stderrOf(1, [`ERROR: ${texts.internalError}`]);
