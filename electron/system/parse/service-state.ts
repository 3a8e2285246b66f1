/**
 * `sc query <name>`:
 *
 *   SERVICE_NAME: winnat
 *           TYPE               : 1  KERNEL_DRIVER
 *           STATE              : 4  RUNNING
 *                                   (STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)
 *
 * No real `sc query winnat` capture exists; sc-create-start-kernel-driver.en.1-analog.txt shows the
 * same block printed by `sc start`. Labels and words may be localized, so the state is read by its
 * NUMBER (the SERVICE_STATUS dwCurrentState value) from the line's shape: `<label> : <n>  <word>`
 * directly followed by the parenthesized control-flags line. Without that flags line (a trimmed copy),
 * the second such line is taken, since TYPE always comes first.
 */
import { cleanLines, splitLines } from './lines';
import { neverThrow } from './never-throw';

export type ParsedServiceState = 'running' | 'stopped' | 'starting' | 'stopping' | 'absent' | 'unknown';

/**
 * 1 STOPPED, 2 START_PENDING, 3 STOP_PENDING, 4 RUNNING, 5 CONTINUE_PENDING (coming back: starting),
 * 6 PAUSE_PENDING (going away: stopping), 7 PAUSED (loaded but not serving: stopped; WinNAT and
 * iphlpsvc cannot be paused anyway).
 */
const STATE_BY_NUMBER: Readonly<Record<string, ParsedServiceState>> = {
  '1': 'stopped',
  '2': 'starting',
  '3': 'stopping',
  '4': 'running',
  '5': 'starting',
  '6': 'stopping',
  '7': 'stopped',
};

const NUMBERED_WORD_FIELD = /^[^:]+:\s*([0-9a-fA-F]+)\s+[^\s(]/;
const FLAGS_LINE = /^\(.*\)$/;

/**
 * ERROR_SERVICE_DOES_NOT_EXIST. The `[SC] ... FAILED 1060:` prefix stays while the message after it is
 * translated, so the code is what is matched. Matched on raw lines: cleanLine would take `[SC] ` for a
 * script-log tag and strip it.
 */
const SERVICE_DOES_NOT_EXIST = /\[SC\].*\b1060:/;

const stateNumber = (lines: readonly string[]): string | undefined => {
  const fieldIndexes = lines.flatMap((line, index) => (NUMBERED_WORD_FIELD.test(line) ? [index] : []));
  const nextNonBlank = (index: number): string => lines.slice(index + 1).find((line) => line !== '') ?? '';
  const stateIndex =
    fieldIndexes.find((index) => FLAGS_LINE.test(nextNonBlank(index))) ??
    (fieldIndexes.length >= 2 ? fieldIndexes[1] : undefined);
  return stateIndex === undefined ? undefined : NUMBERED_WORD_FIELD.exec(lines[stateIndex] ?? '')?.[1];
};

const parse = (text: string): ParsedServiceState => {
  if (splitLines(text).some((line) => SERVICE_DOES_NOT_EXIST.test(line))) return 'absent';
  const number = stateNumber(cleanLines(text));
  return (number !== undefined && STATE_BY_NUMBER[number]) || 'unknown';
};

/** 'absent' for error 1060, 'unknown' for anything unrecognised (access denied, garbage); never throws. */
export const parseServiceState = neverThrow(parse, () => 'unknown' as const);
