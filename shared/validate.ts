/**
 * zod schemas for every renderer-supplied input. The main process validates every IPC argument with
 * these before anything runs; the forms use the same schemas for field errors.
 *
 * Issue messages are stable keys (see ValidationKey), translated by the renderer (`validation.<key>`)
 * and spelled out in English for IPC errors by describeValidationKey().
 */
import { z } from 'zod';

export type ValidationKey =
  | 'port-format'
  | 'port-range'
  | 'count-format'
  | 'count-range'
  | 'range-end'
  | 'protocol'
  | 'ip-version'
  | 'families'
  | 'unknown-field'
  | 'required'
  | 'arguments';

const ENGLISH: Record<ValidationKey, string> = {
  'port-format': 'must be a whole number from 1 to 65535, written without leading zeros, signs, spaces or exponents',
  'port-range': 'must be from 1 to 65535',
  'count-format': 'must be a whole number of ports, written without leading zeros, signs or spaces',
  'count-range': 'must be at least 1 and keep the last port at or below 65535',
  'range-end': 'must not be lower than the start port',
  protocol: 'must be tcp or udp',
  'ip-version': 'must be ipv4 or ipv6',
  families: 'must list one to four distinct protocol / IP version pairs',
  'unknown-field': 'is not an accepted field',
  required: 'is required',
  arguments: 'has the wrong number of arguments',
};

export const describeValidationKey = (key: string): string =>
  key in ENGLISH ? ENGLISH[key as ValidationKey] : key;

/** Canonical decimal: no sign, no leading zero, no exponent, no spaces, at most 5 digits. */
export const PORT_PATTERN = /^[1-9][0-9]{0,4}$/;

/**
 * A port arrives as the text the user typed or as an integer from a table row. Text is checked with
 * the pattern (never Number()/parseInt as a validator: they accept "8e1", " 80", "0x50").
 */
const portFrom = (formatKey: ValidationKey, rangeKey: ValidationKey) =>
  z.union(
    [
      z.int({ error: formatKey }).min(1, { error: rangeKey }).max(65535, { error: rangeKey }),
      z
        .string({ error: formatKey })
        .regex(PORT_PATTERN, { error: formatKey })
        .transform(Number)
        .refine((n) => n <= 65535, { error: rangeKey }),
    ],
    { error: formatKey },
  );

export const portSchema = portFrom('port-format', 'port-range');
const countSchema = portFrom('count-format', 'count-range');

export const protocolSchema = z.enum(['tcp', 'udp'], { error: 'protocol' });
export const ipVersionSchema = z.enum(['ipv4', 'ipv6'], { error: 'ip-version' });

const familySchema = z.strictObject({ protocol: protocolSchema, ipVersion: ipVersionSchema }, { error: 'required' });

export const addExclusionSchema = z
  .strictObject(
    {
      protocol: protocolSchema,
      ipVersion: ipVersionSchema,
      startPort: portSchema,
      numberOfPorts: countSchema,
    },
    { error: 'required' },
  )
  .refine((v) => v.startPort + v.numberOfPorts - 1 <= 65535, { error: 'count-range', path: ['numberOfPorts'] });

export const deleteExclusionSchema = z
  .strictObject({ protocol: protocolSchema, ipVersion: ipVersionSchema, start: portSchema, end: portSchema }, { error: 'required' })
  .refine((v) => v.end >= v.start, { error: 'range-end', path: ['end'] });

export const resetDynamicSchema = z.strictObject(
  {
    families: z
      .array(familySchema, { error: 'families' })
      .min(1, { error: 'families' })
      .max(4, { error: 'families' })
      .refine((list) => new Set(list.map((f) => `${f.protocol}/${f.ipVersion}`)).size === list.length, { error: 'families' }),
  },
  { error: 'required' },
);

export type AddExclusionInput = z.input<typeof addExclusionSchema>;
export type AddExclusion = z.output<typeof addExclusionSchema>;
export type DeleteExclusionInput = z.input<typeof deleteExclusionSchema>;
export type DeleteExclusion = z.output<typeof deleteExclusionSchema>;
export type ResetDynamicInput = z.input<typeof resetDynamicSchema>;
export type ResetDynamic = z.output<typeof resetDynamicSchema>;

/** The argument tuple of each invoke channel; extra or missing arguments fail as 'arguments'. */
const noArgs = z.tuple([], { error: 'arguments' });
const oneArg = <T extends z.ZodType>(schema: T) => z.tuple([schema], { error: 'arguments' });

export const argumentSchemas = {
  getSystemInfo: noArgs,
  getSnapshot: noArgs,
  addExclusion: oneArg(addExclusionSchema),
  deleteExclusion: oneArg(deleteExclusionSchema),
  resetDynamicRange: oneArg(resetDynamicSchema),
  restartWinnat: noArgs,
  listActivity: noArgs,
  relaunchElevated: noArgs,
} as const;

export interface FieldIssue {
  /** Dotted path inside the argument, e.g. `startPort` or `families.1.protocol`. */
  readonly field: string;
  readonly key: string;
}

/** Flatten a zod error into field issues; the leading tuple index of IPC arguments is dropped. */
export const fieldIssues = (error: z.ZodError, dropArgumentIndex = false): FieldIssue[] =>
  error.issues.map((issue) => {
    const path = dropArgumentIndex ? issue.path.slice(1) : issue.path;
    const key = issue.code === 'unrecognized_keys' ? 'unknown-field' : issue.message;
    const unknown = issue.code === 'unrecognized_keys' ? issue.keys.join(',') : '';
    return { field: [...path.map(String), unknown].filter(Boolean).join('.') || '(arguments)', key };
  });
