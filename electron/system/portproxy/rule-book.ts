/**
 * Portwarden's own record of the portproxy rules (issue #11), `rule-book.json` in the admin-only data
 * folder: the user's name, group and comment per rule, the rules the user disabled (removed from
 * Windows, kept here with their firewall choice) and the set of rules Portwarden *knows*, against
 * which drift is shown. Everything is keyed by the rule's listen key (shared/proxy-rules.ts
 * `listenKey`: type + listen address + listen port, the key netsh itself replaces by).
 *
 * What "the rules Portwarden knows" means (docs/architecture.md §9):
 * - the first successful read of Windows' rules records them all (the baseline), so a fresh install,
 *   or an upgrade from a version without this file, shows no drift for rules that were already there;
 * - after that, ordinary reads never change the known set (otherwise a rule added by hand with netsh
 *   would be "known" at the next refresh and drift could never show);
 * - every change Portwarden itself verified (any journaled rule change: add, edit, delete, reset,
 *   import, restore, WSL re-syncs, disable/enable, a finished or rolled-back interrupted change)
 *   updates the known set on the listen keys that change touched, to what the re-read shows there;
 * - adopt takes Windows' state of one listen key into the known set; restore puts the known version
 *   back into Windows (a journaled change like the others).
 *
 * How a verified change reaches the book: the journal handed to the services is wrapped
 * (`recordingJournal`); when an entry is completed (the outcome was verified, or recovery resolved
 * it), its intent is appended to `settling` in this file before the journal entry is removed. The
 * next read of Windows that started after that settles it: on the touched keys, if Windows shows the
 * change's target (or, rolled back, its before), the known set follows; a disable or enable is
 * recorded only when every touched key shows the target. So a crash at any point loses nothing: the
 * intent is either still in the journal or already in `settling`.
 *
 * The file is validated with zod on every read, like every stored file (docs/architecture.md §5 item
 * 27). A file that is not valid is reported in the view and left exactly as it is: nothing is
 * recorded and changes to names or disabled rules are refused until it is moved away, because
 * overwriting it would lose the disabled rules it holds.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type {
  DisabledRule,
  JournalIntent,
  ProxyRule,
  RuleBookView,
  RuleDrift,
  RuleNote,
  RulesView,
} from '../../../shared/model';
import { listenKey, sameRule } from '../../../shared/proxy-rules';
import { proxyRuleSchema, ruleKeySchema, ruleNoteSchema } from '../../../shared/validate';
import type { Journal } from '../journal/store';
import { isMissingFile, parseJsonWith } from '../stored-json';
import { writeFileAtomic } from '../watch/atomic-file';
import { ruleFingerprint } from './judge';

export type RuleKey = Pick<ProxyRule, 'type' | 'listenAddress' | 'listenPort'>;

const storedNoteSchema = z.strictObject({ ...ruleKeySchema.shape, ...ruleNoteSchema.shape });
const toggleSchema = z.strictObject({
  action: z.enum(['disable', 'enable']),
  rule: proxyRuleSchema,
  firewall: z.boolean(),
});
const settleSchema = z.strictObject({
  seq: z.int().min(0),
  before: z.array(proxyRuleSchema).max(10_000),
  target: z.array(proxyRuleSchema).max(10_000),
  toggle: toggleSchema.optional(),
  /** An edit to a new listen key: the note moves along once the edit shows in Windows. */
  move: z.strictObject({ from: ruleKeySchema, to: ruleKeySchema }).optional(),
});
const fileSchema = z.strictObject({
  version: z.literal(1),
  baselineAt: z.iso.datetime().nullable(),
  known: z.array(proxyRuleSchema).max(10_000),
  notes: z.array(storedNoteSchema).max(10_000),
  disabled: z
    .array(z.strictObject({ rule: proxyRuleSchema, firewall: z.boolean(), disabledAt: z.iso.datetime() }))
    .max(10_000),
  settling: z.array(settleSchema).max(1000),
});

type Settle = z.output<typeof settleSchema>;
type Toggle = z.output<typeof toggleSchema>;
export type Book = Omit<z.output<typeof fileSchema>, 'version'>;

export const EMPTY_BOOK: Book = { baselineAt: null, known: [], notes: [], disabled: [], settling: [] };

export type BookRead =
  | { readonly status: 'ok'; readonly book: Book }
  /** No file yet: a fresh install; the first successful read records the baseline. */
  | { readonly status: 'missing' }
  | { readonly status: 'invalid'; readonly error: string };

export interface RuleBookStore {
  read(): Promise<BookRead>;
  write(book: Book): Promise<void>;
}

export const createFileRuleBookStore = (file: string): RuleBookStore => ({
  async read() {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (isMissingFile(error)) return { status: 'missing' };
      return { status: 'invalid', error: `${file} could not be read: ${String(error)}` };
    }
    const parsed = parseJsonWith(fileSchema, text);
    if (parsed === null)
      return { status: 'invalid', error: `${file} is not a valid Portwarden rule book (version 1).` };
    const { version: _version, ...book } = parsed;
    return { status: 'ok', book };
  },
  write: (book) => writeFileAtomic(file, `${JSON.stringify({ version: 1, ...book }, null, 2)}\n`),
});

/** The same contract in memory (tests, and hosts without a data folder). */
export const createMemoryRuleBookStore = (initial: BookRead = { status: 'missing' }) => {
  let current: BookRead = initial;
  return {
    get current() {
      return current;
    },
    read: async () => current,
    write: async (book: Book) => {
      // Round-tripped through the file schema, so a test cannot keep what the file would refuse.
      const parsed = fileSchema.parse(JSON.parse(JSON.stringify({ version: 1, ...book })));
      const { version: _version, ...kept } = parsed;
      current = { status: 'ok', book: kept };
    },
  } satisfies RuleBookStore & { readonly current: BookRead };
};

// ---------------------------------------------------------------------------------------------
// Pure functions over a book and Windows' rules

/** Only the five fields: stored rules are strict objects, like the IPC ones. */
const plain = (rule: ProxyRule): ProxyRule => ({
  type: rule.type,
  listenAddress: rule.listenAddress,
  listenPort: rule.listenPort,
  connectAddress: rule.connectAddress,
  connectPort: rule.connectPort,
});
const keyParts = (rule: RuleKey): RuleKey => ({
  type: rule.type,
  listenAddress: rule.listenAddress,
  listenPort: rule.listenPort,
});

const at = (rules: readonly ProxyRule[], key: string) => rules.find((rule) => listenKey(rule) === key) ?? null;
const fingerprintAt = (rules: readonly ProxyRule[], key: string) => {
  const rule = at(rules, key);
  return rule ? ruleFingerprint(rule) : '';
};

/** Listen keys whose rule differs between before and target, plus the toggled rule's key. */
const touchedKeys = (settle: Pick<Settle, 'before' | 'target' | 'toggle'>): string[] => {
  const keys = new Set([...settle.before, ...settle.target].map((rule) => listenKey(rule)));
  const touched = [...keys].filter((key) => fingerprintAt(settle.before, key) !== fingerprintAt(settle.target, key));
  if (settle.toggle) touched.push(listenKey(settle.toggle.rule));
  return [...new Set(touched)];
};

const withKnown = (known: readonly ProxyRule[], key: string, rule: ProxyRule | null): ProxyRule[] => [
  ...known.filter((r) => listenKey(r) !== key),
  ...(rule ? [plain(rule)] : []),
];

const applyToggle = (book: Book, toggle: Toggle, now: string): Book => {
  const key = listenKey(toggle.rule);
  const others = book.disabled.filter((entry) => listenKey(entry.rule) !== key);
  return toggle.action === 'disable'
    ? {
        ...book,
        disabled: [...others, { rule: plain(toggle.rule), firewall: toggle.firewall, disabledAt: now }],
      }
    : { ...book, disabled: others };
};

const moveNote = (book: Book, from: RuleKey, to: RuleKey): Book => {
  const note = book.notes.find((n) => listenKey(n) === listenKey(from));
  if (!note) return book;
  const rest = book.notes.filter((n) => listenKey(n) !== listenKey(from) && listenKey(n) !== listenKey(to));
  return { ...book, notes: [...rest, { ...keyParts(to), name: note.name, group: note.group, comment: note.comment }] };
};

/** One verified change, judged on the keys it touched against what Windows lists now. */
const settleOne = (book: Book, settle: Settle, windows: readonly ProxyRule[], now: string): Book => {
  let next = book;
  let allApplied = true;
  for (const key of touchedKeys(settle)) {
    const shown = fingerprintAt(windows, key);
    if (shown === fingerprintAt(settle.target, key))
      next = { ...next, known: withKnown(next.known, key, at(settle.target, key)) };
    else {
      allApplied = false;
      // Rolled back: Windows shows what was there before, which is what the known set keeps.
      if (shown === fingerprintAt(settle.before, key))
        next = { ...next, known: withKnown(next.known, key, at(settle.before, key)) };
      // Neither: someone else changed the key meanwhile; that stays visible as drift.
    }
  }
  if (!allApplied) return next;
  if (settle.toggle) next = applyToggle(next, settle.toggle, now);
  if (settle.move) next = moveNote(next, settle.move.from, settle.move.to);
  return next;
};

/** A note stays while its key is known, disabled or listed by Windows; otherwise its rule is gone. */
const dropOrphanNotes = (book: Book, windows: readonly ProxyRule[]): Book => {
  const live = new Set([...book.known, ...book.disabled.map((d) => d.rule), ...windows].map((r) => listenKey(r)));
  const notes = book.notes.filter((note) => live.has(listenKey(note)));
  return notes.length === book.notes.length ? book : { ...book, notes };
};

/**
 * The book after a successful read of Windows (`windows`): the baseline when there is none, then
 * every settling change recorded before the read started (`before`: a sequence number; null: all).
 */
export const settleBook = (book: Book, windows: readonly ProxyRule[], before: number | null, now: string): Book => {
  let next: Book = book.baselineAt === null ? { ...book, baselineAt: now, known: windows.map(plain) } : { ...book };
  const due = next.settling.filter((s) => before === null || s.seq < before);
  if (due.length > 0) {
    next = { ...next, settling: next.settling.filter((s) => !due.includes(s)) };
    for (const settle of due) next = settleOne(next, settle, windows, now);
  }
  return dropOrphanNotes(next, windows);
};

export const driftOf = (book: Book, windows: readonly ProxyRule[]): RuleDrift[] => {
  const known = new Map(book.known.map((rule) => [listenKey(rule), rule]));
  const listed = new Map(windows.map((rule) => [listenKey(rule), rule]));
  const drift: RuleDrift[] = [];
  for (const [key, rule] of listed) {
    const mine = known.get(key);
    if (!mine) drift.push({ kind: 'windows-only', listenKey: key, windows: plain(rule), portwarden: null });
    else if (!sameRule(mine, rule))
      drift.push({ kind: 'different', listenKey: key, windows: plain(rule), portwarden: plain(mine) });
  }
  for (const [key, rule] of known) {
    if (!listed.has(key))
      drift.push({ kind: 'portwarden-only', listenKey: key, windows: null, portwarden: plain(rule) });
  }
  return drift;
};

export const bookView = (book: Book, windows: readonly ProxyRule[] | null, error?: string): RuleBookView => ({
  notes: book.notes.map((note) => ({
    listenKey: listenKey(note),
    name: note.name,
    group: note.group,
    comment: note.comment,
  })),
  disabled: book.disabled.map((entry): DisabledRule => ({
    ...entry.rule,
    firewall: entry.firewall,
    disabledAt: entry.disabledAt,
  })),
  drift: windows === null || error !== undefined ? null : driftOf(book, windows),
  baselineAt: book.baselineAt,
  ...(error !== undefined ? { error } : {}),
});

// ---------------------------------------------------------------------------------------------
// The service over a store

/** The book could not be read or is invalid: changes to it are refused (the view says why). */
export class RuleBookUnavailable extends Error {}

export interface RuleBook {
  /** A sequence number; a read that starts now settles only changes recorded before it. */
  sequence(): number;
  /**
   * The view with the book attached. `windows`: the rules the read listed (null: unreadable, then
   * nothing is recorded); `settleBefore`: as `settleBook`.
   */
  decorate(view: RulesView, windows: readonly ProxyRule[] | null, settleBefore: number | null): Promise<RulesView>;
  /** A journaled change ended verified: remember it until a read settles it. Throws when it cannot be stored. */
  recordSettle(intent: JournalIntent): Promise<void>;
  /** The next recorded change is an edit from one listen key to another: its note moves along (null: none). */
  expectMove(move: { readonly from: RuleKey; readonly to: RuleKey } | null): void;
  /** Sets (or, all fields empty, removes) the note of one listen key. */
  setNote(key: RuleKey, note: RuleNote): Promise<void>;
  /** Takes Windows' rule at a key (null: none) as the known one. */
  adopt(key: string, windows: ProxyRule | null): Promise<void>;
  disabledRule(rule: ProxyRule): Promise<DisabledRule | null>;
  known(key: string): Promise<ProxyRule | null>;
  /** Throws RuleBookUnavailable when the file is unreadable. */
  read(): Promise<Book>;
}

export const createRuleBook = (store: RuleBookStore, options: { now?: () => Date } = {}): RuleBook => {
  const now = options.now ?? (() => new Date());
  let seq = 0;
  let seqLoaded = false;
  let pendingMove: { from: RuleKey; to: RuleKey } | null = null;
  // Read-modify-write of one small file, from reads that do not queue (listRules) and changes: one at a time.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = chain.catch(() => undefined).then(task);
    chain = next;
    return next;
  };

  const load = async (): Promise<Book> => {
    const read = await store.read();
    if (read.status === 'invalid') throw new RuleBookUnavailable(read.error);
    const book = read.status === 'ok' ? read.book : EMPTY_BOOK;
    if (!seqLoaded) {
      // Settling entries of an earlier run come before every read of this one.
      seq = Math.max(0, ...book.settling.map((s) => s.seq + 1));
      seqLoaded = true;
    }
    return book;
  };

  const update = (change: (book: Book) => Book) =>
    serial(async () => {
      const book = await load();
      const next = change(book);
      if (next !== book) await store.write(next);
      return next;
    });

  return {
    sequence: () => seq,
    decorate: (view, windows, settleBefore) =>
      serial(async () => {
        let book: Book;
        try {
          book = await load();
        } catch (error) {
          if (!(error instanceof RuleBookUnavailable)) throw error;
          return { ...view, book: bookView(EMPTY_BOOK, null, error.message) };
        }
        if (windows !== null) {
          const settled = settleBook(book, windows, settleBefore, now().toISOString());
          if (JSON.stringify(settled) !== JSON.stringify(book)) {
            try {
              await store.write(settled);
              book = settled;
            } catch (error) {
              return { ...view, book: bookView(book, null, `The rule book could not be saved: ${String(error)}`) };
            }
          }
        }
        return { ...view, book: bookView(book, windows) };
      }),
    async recordSettle(intent) {
      const move = pendingMove;
      pendingMove = null;
      if (intent.kind !== 'rules') return;
      await update((book) => {
        const entry: Settle = {
          seq: seq++,
          before: intent.before.map(plain),
          target: intent.target.map(plain),
          ...(intent.toggle ? { toggle: { ...intent.toggle, rule: plain(intent.toggle.rule) } } : {}),
          ...(move ? { move: { from: keyParts(move.from), to: keyParts(move.to) } } : {}),
        };
        return { ...book, settling: [...book.settling, entry].slice(-1000) };
      });
    },
    expectMove(move) {
      pendingMove = move;
    },
    async setNote(key, note) {
      const empty = note.name === '' && note.group === '' && note.comment === '';
      await update((book) => ({
        ...book,
        notes: [
          ...book.notes.filter((n) => listenKey(n) !== listenKey(key)),
          ...(empty ? [] : [{ ...keyParts(key), name: note.name, group: note.group, comment: note.comment }]),
        ],
      }));
    },
    async adopt(key, windows) {
      await update((book) => ({ ...book, known: withKnown(book.known, key, windows) }));
    },
    async disabledRule(rule) {
      const book = await serial(load);
      const entry = book.disabled.find((d) => sameRule(d.rule, rule));
      return entry ? { ...entry.rule, firewall: entry.firewall, disabledAt: entry.disabledAt } : null;
    },
    async known(key) {
      return at((await serial(load)).known, key);
    },
    read: () => serial(load),
  };
};

/**
 * The journal every service is handed: the same journal, plus each verified completion recorded in
 * the rule book first (see the header). A completion the book cannot record throws, so the journal
 * entry stays and the change is offered again rather than forgotten.
 */
export const recordingJournal = (journal: Journal, book: RuleBook): Journal => {
  const intents = new Map<string, JournalIntent>();
  return {
    async begin(operation, intent) {
      const entry = await journal.begin(operation, intent);
      intents.set(entry.id, intent);
      return entry;
    },
    async complete(id) {
      const intent = intents.get(id) ?? (await journal.read(id))?.intent ?? null;
      intents.delete(id);
      if (intent) await book.recordSettle(intent);
      await journal.complete(id);
    },
    list: () => journal.list(),
    read: (id) => journal.read(id),
  };
};
