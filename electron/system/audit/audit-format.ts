/**
 * The two kinds of line in audit.log, one JSON object per line, written and read back with the same
 * zod schemas (shared by the writer, which never writes anything else, and the reader, which skips
 * anything that does not parse: a torn last line after a crash, a hand edit, a foreign tool).
 *
 *   {"v":1,"kind":"command","time":…,"run":…,"op":…,"operation":…,"argv":[…],"exitCode":0,
 *    "durationMs":12,"timedOut":false,"verified":"pending","stdout":…,"stderr":…}
 *   {"v":1,"kind":"outcome","time":…,"run":…,"op":…,"operation":…,"verified":"applied"}
 *
 * `run` + `op` identify one operation: operation ids restart at op-1 in every run of the app.
 */
import { z } from 'zod';
import type { Verified } from '../../../shared/model';
import type { ErrorCode } from '../../../shared/result';

/** Every ErrorCode, checked complete by the type: a new code must be added here to be read back. */
const ERROR_CODES = {
  'invalid-input': true,
  'forbidden-sender': true,
  'not-elevated': true,
  'command-failed': true,
  'storage-failed': true,
  'not-found': true,
  refused: true,
  conflict: true,
  internal: true,
} satisfies Record<ErrorCode, true>;

const VERIFIED_VALUES = [
  'applied',
  'not-applied',
  'unknown',
  'pending',
  'interrupted',
  ...Object.keys(ERROR_CODES),
] as [Verified, ...Verified[]];

/**
 * Audit files written before the error vocabulary was unified may hold 'unknown-outcome' (an error
 * code for "ran, outcome unknown"): it reads back as the outcome it always meant, never as a bad line.
 */
const LEGACY_VERIFIED: Readonly<Record<string, Verified>> = { 'unknown-outcome': 'unknown' };

export const verifiedSchema = z.preprocess(
  (value) => (typeof value === 'string' && value in LEGACY_VERIFIED ? LEGACY_VERIFIED[value] : value),
  z.enum(VERIFIED_VALUES),
);

const SHORT_TEXT = z.string().max(256);
const base = {
  v: z.literal(1),
  time: z.iso.datetime(),
  run: SHORT_TEXT,
  op: SHORT_TEXT,
  operation: SHORT_TEXT,
};

export const commandLineSchema = z.object({
  ...base,
  kind: z.literal('command'),
  argv: z.array(z.string()).min(1),
  exitCode: z.number().int().nullable(),
  durationMs: z.number().nonnegative(),
  timedOut: z.boolean(),
  verified: verifiedSchema,
  stdout: z.string().default(''),
  stderr: z.string().default(''),
});

export const outcomeLineSchema = z.object({
  ...base,
  kind: z.literal('outcome'),
  verified: verifiedSchema,
});

export const auditLineSchema = z.discriminatedUnion('kind', [commandLineSchema, outcomeLineSchema]);

export type CommandLine = z.output<typeof commandLineSchema>;
export type OutcomeLine = z.output<typeof outcomeLineSchema>;
export type AuditLine = z.output<typeof auditLineSchema>;
