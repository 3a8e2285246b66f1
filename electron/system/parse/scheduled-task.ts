/**
 * `schtasks /Query /TN <name> /V` in CSV (`/FO CSV`, with or without `/NH`) or LIST (`/FO LIST`).
 *
 * Labels and header words are localized, so nothing is matched by text. The verbose columns come in a
 * fixed order in every language (HostName, TaskName, Next Run Time, Status, Logon Mode, Last Run Time,
 * Last Result, Author, Task To Run, ...):
 *   - CSV: a task row is a record whose second field is a task path (starts with `\`); the header
 *     row's second field is a word, so it never matches. The command line is the ninth field.
 *   - LIST: `label:   value` lines (the first colon followed by spaces separates them, so `C:\...` in
 *     a value does not); a task block is the run of such lines whose second value is a task path.
 * A task with several triggers gives several rows/blocks; the first one is taken.
 * An absent task is exit code 1 with a localized "cannot find the file" message and no task row, so
 * the caller judges absence by exit code plus no row, never by the message.
 */
import { splitLines } from './lines';
import { neverThrow } from './never-throw';

export interface ParsedScheduledTask {
  /** As schtasks prints it: `\Portwarden`. */
  readonly taskPath: string;
  /** "Task To Run": the command line the task starts. */
  readonly commandLine: string;
}

/** Task To Run comes seven fields after TaskName, in CSV and LIST alike. */
const COMMAND_AFTER_NAME = 7;
/** `\Portwarden`; the LIST header `Folder: \` is a bare backslash and is not a task. */
const isTaskPath = (value: string | undefined): value is string => value !== undefined && /^\\[^\\]/.test(value.trim());

const LIST_LINE = /^\s*([^:]+?):\s+(.*?)\s*$/;

/**
 * schtasks writes a field's embedded quotes raw (`""C:\Program Files\x.exe" --hidden"`), which a strict
 * CSV reader mangles; every field is quoted, so records are split on `","`. Doubled quotes, as other
 * writers use, are undone too.
 */
const csvFields = (line: string): string[] =>
  line
    .trim()
    .replace(/^"/, '')
    .replace(/"$/, '')
    .split('","')
    .map((field) => field.replaceAll('""', '"'));

const taskFrom = (values: readonly string[]): ParsedScheduledTask | null => {
  const index = values.findIndex((value, i) => isTaskPath(value) && i + COMMAND_AFTER_NAME < values.length);
  if (index < 0) return null;
  return { taskPath: values[index]!.trim(), commandLine: (values[index + COMMAND_AFTER_NAME] ?? '').trim() };
};

const parse = (text: string): ParsedScheduledTask | null => {
  const lines = splitLines(text);
  for (const line of lines) {
    if (!line.trimStart().startsWith('"')) continue;
    const fields = csvFields(line);
    // A CSV task row: the TaskName field (second) is a task path.
    if (isTaskPath(fields[1])) return taskFrom(fields.slice(1));
  }
  const values = lines.flatMap((line) => {
    const match = LIST_LINE.exec(line);
    return match && !line.trimStart().startsWith('"') ? [match[2] ?? ''] : [];
  });
  return taskFrom(values);
};

/** The first task row of a verbose query, or null when there is none; never throws. */
export const parseScheduledTask = neverThrow(parse, () => null);
