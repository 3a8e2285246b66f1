/**
 * Reads the audit back at start so the activity view shows the changes of earlier runs too: the tail
 * of audit.old.log (electron-log's rotation) and audit.log, each line validated, the command lines
 * joined with their operation's outcome line. Never throws: a missing file, a torn last line after a
 * crash or a line someone edited is skipped, not fatal.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { CommandRecord, Verified } from '../../../shared/model';
import { auditLineSchema, type CommandLine } from './audit-format';
import { parseJsonWith } from '../stored-json';

/** Bytes read from the end of each file: enough for hundreds of changes, bounded at start. */
const TAIL_BYTES = 1024 * 1024;
/** Earlier-run records handed to the activity view, newest kept. */
const EARLIER_LIMIT = 400;

const readTail = (file: string, maxBytes: number): string => {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const text = buffer.toString('utf8');
    // Started mid-file: the first (partial) line is not a line.
    return length < size ? text.slice(text.indexOf('\n') + 1) : text;
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
};

export const parseAuditText = (text: string, limit = EARLIER_LIMIT): CommandRecord[] => {
  const commands: CommandLine[] = [];
  const outcomes = new Map<string, Verified>();
  const key = (run: string, op: string) => JSON.stringify([run, op]);
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line.startsWith('{')) continue;
    const parsed = parseJsonWith(auditLineSchema, line);
    if (!parsed) continue;
    if (parsed.kind === 'outcome') outcomes.set(key(parsed.run, parsed.op), parsed.verified);
    else commands.push(parsed);
  }
  const kept = commands.slice(-limit);
  // Negative ids, oldest lowest: they sort before every record of this run (ids 1, 2, …) and never collide.
  return kept.map((line, index) => ({
    id: index - kept.length,
    operationId: `${line.run}/${line.op}`,
    operation: line.operation,
    command: line.argv[0]!,
    args: line.argv.slice(1),
    exitCode: line.exitCode,
    stdout: line.stdout,
    stderr: line.stderr,
    timedOut: line.timedOut,
    durationMs: line.durationMs,
    startedAt: line.time,
    // No closing line: the app ended while the operation ran (or before it could write the line).
    verified: outcomes.get(key(line.run, line.op)) ?? (line.verified === 'pending' ? 'interrupted' : line.verified),
    earlierRun: true,
  }));
};

/** The audit records of earlier runs, from the given files in order (older file first). */
export const readAuditRecords = (
  files: readonly string[],
  options: { maxBytes?: number; limit?: number } = {},
): CommandRecord[] => {
  const text = files.map((file) => readTail(file, options.maxBytes ?? TAIL_BYTES)).join('\n');
  return parseAuditText(text, options.limit);
};
