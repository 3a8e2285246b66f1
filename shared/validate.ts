/**
 * zod schemas for every renderer-supplied input. The main process validates every IPC argument with
 * these before anything runs; the forms use the same schemas for field errors.
 *
 * Issue messages are stable keys (ValidationKey in shared/validation-text.ts, with their English
 * wording), translated by the renderer (`validation.<key>`).
 */
import { z } from 'zod';
import { addressKind } from './addresses';
import type { ProxyType } from './model';
import { deriveProxyType } from './proxy-rules';
import type { ValidationKey } from './validation-text';

/** Lengths of what a user writes about a rule (rule-book.ts keeps it; the table shows it). */
export const RULE_NAME_MAX = 64;
export const RULE_GROUP_MAX = 40;
export const RULE_COMMENT_MAX = 500;

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
      /**
       * 'both' (the dialog's default): WinNAT reserves its blocks in IPv4 and IPv6 and Docker binds
       * both, so a port protected in one IP version only is still taken in the other.
       */
      ipVersion: z.enum(['ipv4', 'ipv6', 'both'], { error: 'ip-version-or-both' }),
      startPort: portSchema,
      numberOfPorts: countSchema,
    },
    { error: 'required' },
  )
  .refine((v) => v.startPort + v.numberOfPorts - 1 <= 65535, { error: 'count-range', path: ['numberOfPorts'] });

export const deleteExclusionSchema = z
  .strictObject(
    { protocol: protocolSchema, ipVersion: ipVersionSchema, start: portSchema, end: portSchema },
    { error: 'required' },
  )
  .refine((v) => v.end >= v.start, { error: 'range-end', path: ['end'] });

export const resetDynamicSchema = z.strictObject(
  {
    families: z
      .array(familySchema, { error: 'families' })
      .min(1, { error: 'families' })
      .max(4, { error: 'families' })
      .refine((list) => new Set(list.map((f) => `${f.protocol}/${f.ipVersion}`)).size === list.length, {
        error: 'families',
      }),
  },
  { error: 'required' },
);

export type AddExclusionInput = z.input<typeof addExclusionSchema>;
export type AddExclusion = z.output<typeof addExclusionSchema>;
export type DeleteExclusionInput = z.input<typeof deleteExclusionSchema>;
export type DeleteExclusion = z.output<typeof deleteExclusionSchema>;
export type ResetDynamicInput = z.input<typeof resetDynamicSchema>;
export type ResetDynamic = z.output<typeof resetDynamicSchema>;

const address = z.string({ error: 'address' }).refine((text) => addressKind(text) !== null, { error: 'address' });
const listenAddress = z
  .string({ error: 'listen-address' })
  .refine((text) => text === '*' || addressKind(text) !== null, { error: 'listen-address' });
const proxyTypeSchema = z.enum(['v4tov4', 'v4tov6', 'v6tov4', 'v6tov6'], { error: 'rule-type' });
const flag = z.boolean({ error: 'boolean' });

const typeFits = (type: ProxyType, listen: string, connect: string) => {
  const [listenSide, connectSide] = type.split('to') as ['v4' | 'v6', 'v4' | 'v6'];
  const fits = (side: 'v4' | 'v6', text: string) => {
    const kind = text === '*' ? 'hostname' : addressKind(text);
    return kind === 'hostname' || (kind === 'ipv4' ? side === 'v4' : side === 'v6');
  };
  return fits(listenSide, listen) && fits(connectSide, connect);
};

/**
 * A rule as the user or an import file gives it. `type` may be left out and is then derived; when
 * given it must agree with the address literals. Output always has the type.
 */
export const proxyRuleInputSchema = z
  .strictObject(
    {
      type: proxyTypeSchema.optional(),
      listenAddress,
      listenPort: portSchema,
      connectAddress: address,
      connectPort: portSchema,
    },
    { error: 'required' },
  )
  .refine((r) => !r.type || typeFits(r.type, r.listenAddress, r.connectAddress), {
    error: 'type-mismatch',
    path: ['type'],
  })
  .transform((r) => ({
    type: r.type ?? deriveProxyType(r.listenAddress, r.connectAddress),
    listenAddress: r.listenAddress,
    listenPort: r.listenPort,
    connectAddress: r.connectAddress,
    connectPort: r.connectPort,
  }));

/** A rule exactly as listed (the renderer sends back what it was shown). */
export const proxyRuleSchema = z.strictObject(
  { type: proxyTypeSchema, listenAddress, listenPort: portSchema, connectAddress: address, connectPort: portSchema },
  { error: 'required' },
);

const ruleList = <T extends z.ZodType>(item: T) =>
  z.array(item, { error: 'rules' }).min(1, { error: 'rules' }).max(1000, { error: 'rules' });

export const addRuleSchema = z.strictObject(
  {
    rule: proxyRuleInputSchema,
    /** Also create Portwarden's inbound allow rule for the listen port. */
    firewall: flag,
    /** The user confirmed replacing a rule with the same listen address and port (netsh would do it silently). */
    replaceExisting: flag,
    /** Name, group and comment, kept by Portwarden once the rule is verified (rule-book.ts). */
    note: z.lazy(() => ruleNoteSchema).optional(),
  },
  { error: 'required' },
);

export const editRuleSchema = z.strictObject(
  {
    original: proxyRuleSchema,
    updated: proxyRuleInputSchema,
    firewall: flag,
    /** Absent: the note stays as it is (and moves with a new listen key). */
    note: z.lazy(() => ruleNoteSchema).optional(),
  },
  { error: 'required' },
);

export const rulesSchema = z.strictObject({ rules: ruleList(proxyRuleSchema) }, { error: 'required' });

/**
 * Text a user writes about a rule. It never reaches a command, but it reaches the admin-only data
 * folder, the table and tooltips: control characters (a line break, ESC sequences) and bidi controls
 * (which reorder what the user sees, docs/architecture.md §5 item 33) are refused, not stripped, so
 * nothing is saved other than what the user sees. Surrounding spaces are trimmed.
 */
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const NOTE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
const noteText = (max: number, lengthKey: ValidationKey) =>
  z
    .string({ error: lengthKey })
    .refine((text) => !NOTE_FORBIDDEN.test(text), { error: 'note-control' })
    .transform((text) => text.trim())
    .refine((text) => [...text].length <= max, { error: lengthKey });

export const ruleNoteSchema = z.strictObject(
  {
    name: noteText(RULE_NAME_MAX, 'note-name'),
    group: noteText(RULE_GROUP_MAX, 'note-group'),
    comment: noteText(RULE_COMMENT_MAX, 'note-comment'),
  },
  { error: 'required' },
);
export type RuleNoteInput = z.input<typeof ruleNoteSchema>;

/** A rule by its listen key only (what a note is kept under). */
export const ruleKeySchema = z.strictObject(
  { type: proxyTypeSchema, listenAddress, listenPort: portSchema },
  { error: 'required' },
);

export const setRuleNoteSchema = z.strictObject({ rule: ruleKeySchema, note: ruleNoteSchema }, { error: 'required' });
export type SetRuleNoteInput = z.input<typeof setRuleNoteSchema>;
export type SetRuleNote = z.output<typeof setRuleNoteSchema>;

/** Disable or enable one rule, exactly as the table showed it. */
export const toggleRuleSchema = z.strictObject({ rule: proxyRuleSchema }, { error: 'required' });
export type ToggleRuleInput = z.input<typeof toggleRuleSchema>;

/**
 * One drift row as the user saw it: Windows' side and Portwarden's side (null where that side has no
 * rule). The main process re-reads both and refuses with `conflict` when either moved since.
 */
export const driftSchema = z
  .strictObject({ windows: proxyRuleSchema.nullable(), portwarden: proxyRuleSchema.nullable() }, { error: 'required' })
  .refine((d) => d.windows !== null || d.portwarden !== null, { error: 'drift' })
  .refine(
    (d) =>
      d.windows === null ||
      d.portwarden === null ||
      (d.windows.type === d.portwarden.type &&
        d.windows.listenAddress.toLowerCase() === d.portwarden.listenAddress.toLowerCase() &&
        d.windows.listenPort === d.portwarden.listenPort),
    { error: 'drift' },
  );
export type DriftInput = z.input<typeof driftSchema>;
export type Drift = z.output<typeof driftSchema>;

export const importRulesSchema = z
  .strictObject(
    {
      rules: z.array(proxyRuleInputSchema, { error: 'rules' }).max(1000, { error: 'rules' }),
      /** merge: add and replace by listen key, keep the rest; replace: the file becomes the whole rule set. */
      mode: z.enum(['merge', 'replace'], { error: 'import-mode' }),
      /**
       * Listen ports whose Portwarden firewall rule the user confirmed adding (issue #11: the file's
       * `firewall` flags, applied only after a confirmation). Absent or empty: no firewall rule is added.
       */
      firewallPorts: z.array(portSchema, { error: 'firewall-ports' }).max(1000, { error: 'firewall-ports' }).optional(),
    },
    { error: 'required' },
  )
  .refine(
    ({ rules, firewallPorts = [] }) =>
      new Set(firewallPorts).size === firewallPorts.length &&
      firewallPorts.every((port) => rules.some((rule) => rule.listenPort === port)),
    { error: 'firewall-ports', path: ['firewallPorts'] },
  );

/** Backup ids are file names the app made: a timestamp and a reason, nothing path-like. */
export const BACKUP_ID_PATTERN = /^[0-9]{8}T[0-9]{6}[0-9]{3}Z-(?:reset|import|restore)$/;
export const backupIdSchema = z.strictObject(
  { id: z.string({ error: 'backup-id' }).regex(BACKUP_ID_PATTERN, { error: 'backup-id' }) },
  { error: 'required' },
);

/** Journal ids are file names the app made: the start time and a random suffix, nothing path-like. */
export const JOURNAL_ID_PATTERN = /^[0-9]{8}T[0-9]{6}[0-9]{3}Z-[0-9a-f]{8}$/;
export const resolveUnfinishedSchema = z.strictObject(
  {
    id: z.string({ error: 'journal-id' }).regex(JOURNAL_ID_PATTERN, { error: 'journal-id' }),
    action: z.enum(['finish', 'roll-back'], { error: 'recovery-action' }),
  },
  { error: 'required' },
);
export type ResolveUnfinishedInput = z.input<typeof resolveUnfinishedSchema>;

export const preflightSchema = z.strictObject({ rule: proxyRuleInputSchema }, { error: 'required' });

export const ownersQuerySchema = z.strictObject({ allStates: flag }, { error: 'required' });
/**
 * owners:changes (issue #13): the owners question plus the revision of the list the renderer holds
 * (null: none). Any whole number is accepted; one main did not hand this window gets the full list.
 */
const ARGUMENTS = { error: 'arguments' } as const;
export const ownerChangesSchema = z.strictObject(
  {
    allStates: flag,
    revision: z.int(ARGUMENTS).min(1, ARGUMENTS).max(Number.MAX_SAFE_INTEGER, ARGUMENTS).nullable(),
  },
  { error: 'required' },
);

const pidSchema = z.int({ error: 'pid' }).min(1, { error: 'pid' }).max(4294967295, { error: 'pid' });
const imageSchema = z.string({ error: 'image' }).regex(/^[A-Za-z0-9 ._()+-]{1,260}$/, { error: 'image' });

export const killProcessSchema = z.strictObject(
  {
    pid: pidSchema,
    /** The image the user saw: a PID reused by another process since then is not killed. */
    image: imageSchema,
  },
  { error: 'required' },
);

export const diagnoseSchema = z.strictObject({ port: portSchema, protocol: protocolSchema }, { error: 'required' });

export const watchedPortsSchema = z.strictObject(
  {
    ports: z
      .array(z.strictObject({ port: portSchema, protocol: protocolSchema }, { error: 'required' }), {
        error: 'watched',
      })
      .max(100, { error: 'watched' })
      .refine((list) => new Set(list.map((p) => `${p.protocol}/${p.port}`)).size === list.length, { error: 'watched' }),
  },
  { error: 'required' },
);

/** Start with Windows: only the flag; the task name and the executable come from the main process. */
export const autostartSchema = z.strictObject({ enabled: flag }, { error: 'required' });
export type AutostartInput = z.input<typeof autostartSchema>;

/** Canonical dotted decimal (no leading zeros, no spaces): exactly what the TCP table lists. */
const connectionAddress = z.ipv4({ error: 'ipv4-connection' });

/**
 * An IPv4 TCP connection to close (owners:close-connection). The owner's PID and image are what the
 * user saw in the confirmation: a connection now owned by another process is left alone.
 */
export const closeConnectionSchema = z.strictObject(
  {
    localAddress: connectionAddress,
    localPort: portSchema,
    remoteAddress: connectionAddress,
    remotePort: portSchema,
    pid: pidSchema,
    image: imageSchema,
  },
  { error: 'required' },
);
export type CloseConnectionInput = z.input<typeof closeConnectionSchema>;
export type CloseConnection = z.output<typeof closeConnectionSchema>;

/**
 * One address to look up (owners:reverse-lookup): a canonical IPv4 address, or a bare lower-case
 * IPv6 address as the endpoint table lists it (no brackets, no zone), at most 45 characters.
 */
const LOOKUP = { error: 'lookup-addresses' } as const;
export const lookupAddressSchema = z.union(
  [
    z.ipv4(LOOKUP),
    z
      .string(LOOKUP)
      .max(45, LOOKUP)
      .regex(/^[0-9a-f:.]+$/, LOOKUP)
      .pipe(z.ipv6(LOOKUP)),
  ],
  LOOKUP,
);
export const MAX_LOOKUP_ADDRESSES = 256;
export const reverseLookupSchema = z.strictObject(
  {
    addresses: z
      .array(lookupAddressSchema, { error: 'lookup-addresses' })
      .min(1, { error: 'lookup-addresses' })
      .max(MAX_LOOKUP_ADDRESSES, { error: 'lookup-addresses' })
      .refine((list) => new Set(list).size === list.length, { error: 'lookup-addresses' }),
  },
  { error: 'required' },
);
export type ReverseLookupInput = z.input<typeof reverseLookupSchema>;

export type OwnersQueryInput = z.input<typeof ownersQuerySchema>;
export type OwnerChangesInput = z.input<typeof ownerChangesSchema>;
export type KillProcessInput = z.input<typeof killProcessSchema>;
export type DiagnoseInput = z.input<typeof diagnoseSchema>;
export type Diagnose = z.output<typeof diagnoseSchema>;
export type WatchedPortsInput = z.input<typeof watchedPortsSchema>;
export type WatchedPorts = z.output<typeof watchedPortsSchema>;

export type ProxyRuleInput = z.input<typeof proxyRuleInputSchema>;
export type PreflightInput = z.input<typeof preflightSchema>;
export type AddRuleInput = z.input<typeof addRuleSchema>;
export type AddRule = z.output<typeof addRuleSchema>;
export type EditRuleInput = z.input<typeof editRuleSchema>;
export type EditRule = z.output<typeof editRuleSchema>;
export type RulesInput = z.input<typeof rulesSchema>;
export type ImportRulesInput = z.input<typeof importRulesSchema>;
export type ImportRules = z.output<typeof importRulesSchema>;
export type BackupIdInput = z.input<typeof backupIdSchema>;

/**
 * A renderer error for main.log (errors:report). Bounded here so the main process never holds more
 * than ~10 KB per report; the text itself is escaped when written (electron/system/audit/escape.ts).
 */
export const rendererErrorSchema = z.strictObject(
  {
    kind: z.enum(['error', 'unhandledrejection', 'react'], { error: 'error-report' }),
    message: z.string({ error: 'error-report' }).max(2000, { error: 'error-report' }),
    stack: z.string({ error: 'error-report' }).max(8000, { error: 'error-report' }).optional(),
    source: z.string({ error: 'error-report' }).max(500, { error: 'error-report' }).optional(),
  },
  { error: 'error-report' },
);
export type RendererErrorInput = z.input<typeof rendererErrorSchema>;
export type RendererErrorReport = z.output<typeof rendererErrorSchema>;

/**
 * A WSL distribution name as wsl.exe accepts it for --import; it goes to wsl.exe as the token after
 * `-d`, so it may never start with `-`. Membership in the installed list is checked in main.
 */
export const DISTRO_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const distroNameSchema = z.string({ error: 'distro' }).regex(DISTRO_NAME_PATTERN, { error: 'distro' });

/** A rule whose target is "WSL distro X": the address is resolved in main from wsl.exe, never sent. */
export const addWslRuleSchema = z.strictObject(
  {
    distro: distroNameSchema,
    listenAddress,
    listenPort: portSchema,
    connectPort: portSchema,
    firewall: flag,
    replaceExisting: flag,
  },
  { error: 'required' },
);
export type AddWslRuleInput = z.input<typeof addWslRuleSchema>;
export type AddWslRule = z.output<typeof addWslRuleSchema>;

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
  listRules: noArgs,
  addRule: oneArg(addRuleSchema),
  editRule: oneArg(editRuleSchema),
  deleteRules: oneArg(rulesSchema),
  resetRules: noArgs,
  exportRules: noArgs,
  importRules: oneArg(importRulesSchema),
  listBackups: noArgs,
  restoreBackup: oneArg(backupIdSchema),
  previewBackup: oneArg(backupIdSchema),
  deleteBackup: oneArg(backupIdSchema),
  checkRules: oneArg(rulesSchema),
  preflightRule: oneArg(preflightSchema),
  listOwners: oneArg(ownersQuerySchema),
  listOwnerChanges: oneArg(ownerChangesSchema),
  killProcess: oneArg(killProcessSchema),
  closeConnection: oneArg(closeConnectionSchema),
  reverseLookup: oneArg(reverseLookupSchema),
  diagnosePort: oneArg(diagnoseSchema),
  getWatchedPorts: noArgs,
  setWatchedPorts: oneArg(watchedPortsSchema),
  startIpHelper: noArgs,
  getAutostart: noArgs,
  setAutostart: oneArg(autostartSchema),
  reportRendererError: oneArg(rendererErrorSchema),
  listUnfinishedChanges: noArgs,
  resolveUnfinishedChange: oneArg(resolveUnfinishedSchema),
  getWslStatus: noArgs,
  addWslRule: oneArg(addWslRuleSchema),
  syncWslRules: noArgs,
  listContainers: noArgs,
  setRuleNote: oneArg(setRuleNoteSchema),
  disableRule: oneArg(toggleRuleSchema),
  enableRule: oneArg(toggleRuleSchema),
  adoptDrift: oneArg(driftSchema),
  restoreDrift: oneArg(driftSchema),
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
