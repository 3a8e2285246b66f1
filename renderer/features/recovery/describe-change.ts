/**
 * An interrupted change in plain words: what it was, how far it got (judged by the main process from a
 * fresh read, never from the journal), what each way out does, and the before / intended / now lists of
 * its Details. Pure: it takes `t`, so tests run it against the real en/ko texts.
 */
import type { TFunction } from 'i18next';
import type {
  DynamicRange,
  JournalCurrent,
  JournalIntent,
  ProxyRule,
  ServiceStatus,
  UnfinishedChange,
} from '../../../shared/model';
import { listenKey, sameRule } from '../../../shared/proxy-rules';
import { familyLabel, formatRange, lastPort } from '../../lib/families';
import { connectEndpoint, listenEndpoint } from '../../lib/rules';

type Intent<K extends JournalIntent['kind']> = Extract<JournalIntent, { kind: K }>;
type Current<K extends JournalCurrent['kind']> = Extract<JournalCurrent, { kind: K }>;

/** "v4tov4 0.0.0.0:8080 → 172.28.241.140:80". */
export const ruleLine = (rule: ProxyRule): string => `${rule.type} ${listenEndpoint(rule)} → ${connectEndpoint(rule)}`;

const byKey = (rules: readonly ProxyRule[]): Map<string, ProxyRule> =>
  new Map(rules.map((rule) => [listenKey(rule), rule]));
const sameSlot = (a: ProxyRule | undefined, b: ProxyRule | undefined): boolean =>
  a === undefined || b === undefined ? a === b : sameRule(a, b);

export interface RulesDiff {
  /** Listen keys whose rule differs between before and target: what the change touches. */
  readonly touchedKeys: readonly string[];
  readonly before: readonly ProxyRule[];
  readonly intended: readonly ProxyRule[];
  /** null: the rules could not be read. */
  readonly now: readonly ProxyRule[] | null;
  /** Rules present now that are neither in before nor in target (changed outside, or a half step). */
  readonly unexpected: readonly ProxyRule[];
  /** Rules both before and target keep, missing now. */
  readonly missing: readonly ProxyRule[];
  /** Touched keys already as intended now. */
  readonly doneCount: number;
}

/**
 * Restricted to the rules the change touches: a reset or an import journals hundreds of rules, and the
 * user needs to see the few that differ, plus anything unexpected.
 */
export const rulesDiff = (intent: Intent<'rules'>, current: readonly ProxyRule[] | null): RulesDiff => {
  const before = byKey(intent.before);
  const target = byKey(intent.target);
  const keys = [...new Set([...before.keys(), ...target.keys()])];
  const touchedKeys = keys.filter((key) => !sameSlot(before.get(key), target.get(key)));
  const touched = new Set(touchedKeys);
  const inTouched = (rule: ProxyRule) => touched.has(listenKey(rule));
  const now = current === null ? null : byKey(current);
  const known = (rule: ProxyRule) =>
    intent.before.some((r) => sameRule(r, rule)) || intent.target.some((r) => sameRule(r, rule));
  return {
    touchedKeys,
    before: intent.before.filter(inTouched),
    intended: intent.target.filter(inTouched),
    now: current === null ? null : current.filter(inTouched),
    unexpected: current === null ? [] : current.filter((rule) => !inTouched(rule) && !known(rule)),
    missing:
      now === null
        ? []
        : intent.target.filter(
            (rule) => !inTouched(rule) && intent.before.some((r) => sameRule(r, rule)) && !now.has(listenKey(rule)),
          ),
    doneCount: now === null ? 0 : touchedKeys.filter((key) => sameSlot(now.get(key), target.get(key))).length,
  };
};

const rangeOf = (intent: Intent<'exclusion'>) => formatRange({ start: intent.start, end: intent.end });
const status = (t: TFunction, value: ServiceStatus) => t(`winnat.${value}`);

const describeRules = (t: TFunction, operation: string, intent: Intent<'rules'>): string => {
  const before = byKey(intent.before);
  const target = byKey(intent.target);
  const added = intent.target.filter((rule) => !before.has(listenKey(rule)));
  const removed = intent.before.filter((rule) => !target.has(listenKey(rule)));
  const changed = intent.target.filter((rule) => {
    const old = before.get(listenKey(rule));
    return old !== undefined && !sameRule(old, rule);
  });
  const newOrChanged = [...added, ...changed];
  switch (operation) {
    case 'add-rule': {
      const only = newOrChanged.length === 1 ? newOrChanged[0] : undefined;
      return only
        ? t('recovery.what.addRule', { listen: listenEndpoint(only), connect: connectEndpoint(only) })
        : t('recovery.what.addRules', { count: newOrChanged.length });
    }
    case 'edit-rule': {
      const [from] = removed;
      const [to] = added;
      // A new listen key: add the new rule, then delete the old one (docs/architecture.md §3).
      if (removed.length === 1 && added.length === 1 && from && to) {
        return t('recovery.what.editRule', { from: listenEndpoint(from), to: listenEndpoint(to) });
      }
      const [edited] = changed;
      const old = edited ? before.get(listenKey(edited)) : undefined;
      // The same listen key: `set` changes the target only.
      if (changed.length === 1 && edited && old) {
        return t('recovery.what.editTarget', {
          listen: listenEndpoint(edited),
          from: connectEndpoint(old),
          to: connectEndpoint(edited),
        });
      }
      return t('recovery.what.editRules');
    }
    case 'delete-rules': {
      const only = removed.length === 1 ? removed[0] : undefined;
      return only
        ? t('recovery.what.deleteRule', { listen: listenEndpoint(only), connect: connectEndpoint(only) })
        : t('recovery.what.deleteRules', { count: removed.length });
    }
    case 'import-rules':
      // The journal holds the rule sets, not the file: count what the import adds or changes.
      return newOrChanged.length > 0
        ? t('recovery.what.importRules', { count: newOrChanged.length })
        : t('recovery.what.importSome');
    case 'reset-rules':
      return t('recovery.what.resetRules', { count: intent.before.length });
    case 'restore-backup':
      return t('recovery.what.restoreBackup', { count: intent.target.length });
    default:
      return t('recovery.what.changeRules');
  }
};

const dynamicFamilies = (ranges: readonly DynamicRange[]) => ranges.map(familyLabel).join(', ');
const dynamicLine = (t: TFunction, range: { start: number; count: number } & Parameters<typeof familyLabel>[0]) =>
  t('recovery.dynamicRange', {
    family: familyLabel(range),
    range: formatRange({ start: range.start, end: lastPort(range.start, range.count) }),
    count: range.count,
  });

/** "Protect port 8065 (TCP/IPv4)", "Edit forwarding rule 0.0.0.0:8080 → 0.0.0.0:18080", "Restart WinNAT". */
export const describeWhat = (t: TFunction, change: Pick<UnfinishedChange, 'operation' | 'intent'>): string => {
  const { intent } = change;
  switch (intent.kind) {
    case 'exclusion':
      return t(intent.start === intent.end ? 'recovery.what.protectPort' : 'recovery.what.protectPorts', {
        range: rangeOf(intent),
        family: familyLabel(intent.family),
      });
    case 'winnat-restart':
      return t('recovery.what.restartWinnat');
    case 'dynamic-range':
      return t('recovery.what.resetDynamic', {
        range: formatRange({ start: intent.target.start, end: lastPort(intent.target.start, intent.target.count) }),
        families: dynamicFamilies(intent.before),
      });
    case 'rules':
      return describeRules(t, change.operation, intent);
  }
};

/** What a half-done change has and lacks, from the fresh read. */
const partlyDetail = (t: TFunction, change: UnfinishedChange): string => {
  const { intent, current } = change;
  if (intent.kind === 'exclusion' && current.kind === 'exclusion') {
    return t(current.present === true ? 'recovery.progress.exclusionPresent' : 'recovery.progress.exclusionMissing', {
      status: status(t, current.winnat),
    });
  }
  if (intent.kind === 'rules' && current.kind === 'rules') {
    const diff = rulesDiff(intent, current.rules);
    return t('recovery.progress.rules', { done: diff.doneCount, total: diff.touchedKeys.length });
  }
  if (intent.kind === 'dynamic-range' && current.kind === 'dynamic-range') {
    const done = intent.before.filter((range) =>
      current.ranges.some(
        (now) =>
          now.protocol === range.protocol &&
          now.ipVersion === range.ipVersion &&
          now.start === intent.target.start &&
          now.count === intent.target.count,
      ),
    ).length;
    return t('recovery.progress.dynamic', { done, total: intent.before.length });
  }
  if (current.kind === 'winnat-restart') return t('recovery.progress.winnat', { status: status(t, current.winnat) });
  return '';
};

/** "Nothing was changed yet." / "Half done: …" / "Everything is in place but was never confirmed." / "Windows could not be read…". */
export const describeProgress = (t: TFunction, change: UnfinishedChange): string => {
  switch (change.progress) {
    case 'partly-done':
      return t('recovery.progress.partly', { detail: partlyDetail(t, change) });
    case 'not-started':
      return t('recovery.progress.not-started');
    case 'done':
      return t('recovery.progress.done');
    case 'unreadable':
      return t('recovery.progress.unreadable');
  }
};

/** One sentence on what Finish and Roll back would do for this kind of change. */
export const describeChoices = (t: TFunction, intent: JournalIntent): string => {
  switch (intent.kind) {
    case 'exclusion':
      return t(intent.winnatWasRunning ? 'recovery.choices.exclusionWinnat' : 'recovery.choices.exclusion');
    case 'rules':
      return t('recovery.choices.rules');
    case 'dynamic-range':
      return t('recovery.choices.dynamic');
    case 'winnat-restart':
      return t('recovery.choices.winnat');
  }
};

/** The three columns of Details; `extra` holds the rules-only lists (unexpected, missing). */
export interface ChangeDetails {
  readonly before: readonly string[];
  readonly intended: readonly string[];
  /** null: Windows could not be read. */
  readonly now: readonly string[] | null;
  readonly extra: readonly { readonly title: string; readonly lines: readonly string[] }[];
  readonly hint?: string;
}

const exclusionDetails = (t: TFunction, intent: Intent<'exclusion'>, current: Current<'exclusion'>): ChangeDetails => {
  const values = { range: rangeOf(intent), family: familyLabel(intent.family) };
  const wasRunning: ServiceStatus = intent.winnatWasRunning ? 'running' : 'stopped';
  const presentKey =
    current.present === null
      ? 'recovery.protectedUnknown'
      : current.present
        ? 'recovery.protectedYes'
        : 'recovery.protectedNo';
  return {
    before: [t('recovery.protectedNo', values), t('recovery.winnatState', { status: status(t, wasRunning) })],
    intended: [t('recovery.protectedYes', values), t('recovery.winnatState', { status: status(t, wasRunning) })],
    now: [t(presentKey, values), t('recovery.winnatState', { status: status(t, current.winnat) })],
    extra: [],
  };
};

export const describeDetails = (t: TFunction, change: UnfinishedChange): ChangeDetails => {
  const { intent, current } = change;
  if (intent.kind === 'exclusion' && current.kind === 'exclusion') return exclusionDetails(t, intent, current);
  if (intent.kind === 'dynamic-range' && current.kind === 'dynamic-range') {
    return {
      before: intent.before.map((range) => dynamicLine(t, range)),
      intended: intent.before.map((range) => dynamicLine(t, { ...range, ...intent.target })),
      now: current.ranges.length === 0 ? null : current.ranges.map((range) => dynamicLine(t, range)),
      extra: [],
    };
  }
  if (intent.kind === 'rules' && current.kind === 'rules') {
    const diff = rulesDiff(intent, current.rules);
    const extra = [
      ...(diff.unexpected.length > 0
        ? [{ title: t('recovery.unexpected'), lines: diff.unexpected.map(ruleLine) }]
        : []),
      ...(diff.missing.length > 0 ? [{ title: t('recovery.missing'), lines: diff.missing.map(ruleLine) }] : []),
    ];
    return {
      before: diff.before.map(ruleLine),
      intended: diff.intended.map(ruleLine),
      now: diff.now === null ? null : diff.now.map(ruleLine),
      extra,
      hint: t('recovery.touchedHint'),
    };
  }
  // A WinNAT restart (and, defensively, an intent and a read of different kinds).
  const winnatNow = current.kind === 'winnat-restart' || current.kind === 'exclusion' ? current.winnat : null;
  return {
    before: [t('recovery.winnatState', { status: status(t, 'running') })],
    intended: [t('recovery.winnatState', { status: status(t, 'running') })],
    now: winnatNow === null ? null : [t('recovery.winnatState', { status: status(t, winnatNow) })],
    extra: [],
  };
};
