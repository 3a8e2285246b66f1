import { describe, expect, it } from 'vitest';
import { simulatedOperation } from '../../../test/helpers/simulated-services';
import { createActivityLog } from '../activity-log';
import type { CommandRunner, RunResult } from '../run/command-runner';
import { netSessionSaysElevated, readElevation } from './read-elevation';

const answer = (stdout: string, exitCode: number | null = 0, stderr = ''): RunResult => ({
  exitCode,
  stdout,
  stderr,
  timedOut: false,
});

/**
 * What `wine net session` printed under wine-8.0 (Debian 8.0~repack-4), captured byte for byte from
 * the prefix of the Win32 tier, with exit code 0: Wine's net.exe knows no SESSION verb and prints
 * its usage text instead.
 */
const WINE_USAGE = [
  'The syntax of this command is:',
  '',
  'NET command [arguments]',
  '    -or-',
  'NET command /HELP',
  '',
  "Where 'command' is one of HELP, START, STOP or USE.",
  '',
].join('\r\n');

/** The shape net.exe prints for `net session` with open sessions: header, dash line, rows, summary. */
const SESSION_TABLE = [
  'Computer               User name            Client Type       Opens Idle time',
  '',
  '-------------------------------------------------------------------------------',
  '\\\\192.168.1.20        dev                                          0 00:00:13',
  'The command completed successfully.',
  '',
].join('\r\n');

const runnerAnswering = (result: RunResult): CommandRunner => ({ run: async () => result });
const judgeThrough = (result: RunResult) => readElevation(createActivityLog(runnerAnswering(result)).begin('e'));

describe('net session as the elevation probe', () => {
  it('elevated: "There are no entries in the list." and a session table', async () => {
    expect(netSessionSaysElevated(answer('There are no entries in the list.\r\n\r\n'))).toBe(true);
    expect(netSessionSaysElevated(answer(SESSION_TABLE))).toBe(true);
    expect(await judgeThrough(answer(SESSION_TABLE))).toBe(true);
  });

  it('not elevated: usage text with exit 0 (Wine), empty output, a help text, a denial, a timeout', async () => {
    expect(netSessionSaysElevated(answer(WINE_USAGE))).toBe(false);
    expect(await judgeThrough(answer(WINE_USAGE))).toBe(false);
    expect(netSessionSaysElevated(answer(''))).toBe(false);
    expect(netSessionSaysElevated(answer('\r\n  \r\n'))).toBe(false);
    // Windows' own syntax text for the verb: its syntax lines keep `NET SESSION` in every language.
    const windowsSyntax =
      'The syntax of this command is:\r\n\r\nNET SESSION\r\n[\\\\computername] [/DELETE] [/LIST]\r\n';
    expect(netSessionSaysElevated(answer(windowsSyntax))).toBe(false);
    expect(netSessionSaysElevated(answer('NET SESSION [\\\\computername] [/DELETE] [/LIST]\r\n'))).toBe(false);
    expect(netSessionSaysElevated(answer('', 2, 'System error 5 has occurred.\r\n\r\nAccess is denied.\r\n'))).toBe(
      false,
    );
    // A dash line with a non-zero exit is still no answer.
    expect(netSessionSaysElevated(answer(SESSION_TABLE, 1))).toBe(false);
    expect(netSessionSaysElevated({ exitCode: null, stdout: '', stderr: '', timedOut: true })).toBe(false);
  });

  it('a one-line answer in any display language counts (the message is localized)', () => {
    expect(netSessionSaysElevated(answer('Es sind keine Einträge in der Liste.\r\n'))).toBe(true);
    // Two lines of prose and no table is not the shape of either answer.
    expect(netSessionSaysElevated(answer('Something\r\nelse\r\n'))).toBe(false);
  });

  it.each(['en', 'ko', 'de', 'zh-CN'])('the simulator (%s): elevated says yes, unelevated no', async (locale) => {
    expect(await readElevation(simulatedOperation('clean', locale).op)).toBe(true);
    expect(await readElevation(simulatedOperation('not-elevated', locale).op)).toBe(false);
  });
});
