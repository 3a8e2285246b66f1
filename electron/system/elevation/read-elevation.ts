import type { Operation } from '../activity-log';
import { elevationProbe } from '../commands';
import { readNatively } from '../native-reads';
import type { RunResult } from '../run/command-runner';

/** net.exe's separator under a table's header (79 dashes); a run of dashes in any language. */
const DASH_LINE = /^-{10,}$/;
/**
 * A syntax line of net.exe's help: the command words stay untranslated (`NET SESSION`, and Wine's
 * `NET command [arguments]`), so this shape is the same in every display language.
 */
const SYNTAX_LINE = /^NET\s/;

/**
 * Whether `net session`'s output is one of the two answers an elevated net.exe gives: the session
 * table (header, dash line, rows) or the one-line "There are no entries in the list." The exit code
 * alone is not enough: Wine's net.exe knows no SESSION verb and prints its usage text with exit 0
 * (docs/architecture.md §1: exit codes are unreliable). The message is localized and no real capture
 * of it exists outside English, so it is recognised by shape (exactly one line, not a syntax line),
 * not by its words; usage and help texts span several lines and contain a `NET ...` syntax line.
 * Empty output is no answer.
 */
export const netSessionSaysElevated = (result: RunResult): boolean => {
  if (result.timedOut || result.exitCode !== 0) return false;
  const lines = result.stdout
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0 || lines.some((line) => SYNTAX_LINE.test(line))) return false;
  return lines.length === 1 || lines.some((line) => DASH_LINE.test(line));
};

/**
 * Whether this process may change Windows. The process token's TokenElevation answers it directly
 * (native layer). Without the native layer, `net session` is the probe: it needs an elevated token
 * ("System error 5 ... Access is denied." with exit 2 otherwise), but it also exits 2 when the Server
 * service (LanmanServer) is stopped or disabled, so a "no" from it can be wrong: callers must not
 * cache a negative answer (app-core.ts asks again). Its yes needs the shape of a real answer
 * (netSessionSaysElevated). A timeout counts as not elevated: changes stay disabled rather than
 * failing late.
 */
export const readElevation = async (op: Operation): Promise<boolean> => {
  const native = readNatively(op, 'token elevation', (windows) => windows.isElevated());
  if (native) return native.value;
  return netSessionSaysElevated(await op.run(elevationProbe(), { timeoutMs: 10_000 }));
};
