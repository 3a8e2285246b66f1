/**
 * Interrupted changes, as the user sees them at the next start: every journal entry with a fresh
 * read of what Windows shows now, how far the change got, and the ways out. Nothing is replayed
 * silently: the user picks finish or roll back, and the entry is removed only once the chosen way is
 * verified by another read.
 */
import type {
  ChangeProgress,
  JournalIntent,
  RecoveryAction,
  RecoveryReport,
  Snapshot,
  UnfinishedChange,
} from '../../../shared/model';
import { err, ok, type Result, messageOf } from '../../../shared/result';
import type { Operation } from '../activity-log';
import { readRuleState, type RuleState } from '../portproxy/read';
import { readSnapshot } from '../state-reader';
import { currentOf, resolveFromSnapshot, snapshotProgress } from './recover-ranges';
import { resolveRules, rulesProgress } from './recover-rules';
import type { Journal, JournalEntry } from './store';

export interface RecoveryDeps {
  readonly journal: Journal;
  readonly now: () => Date;
}

const MESSAGES: Record<RecoveryAction, string> = {
  finish: 'The interrupted change was finished.',
  'roll-back': 'The interrupted change was rolled back: everything is as it was before it started.',
};

const actionsOf = (intent: JournalIntent): readonly RecoveryAction[] =>
  intent.kind === 'winnat-restart' ? ['finish'] : ['finish', 'roll-back'];

/**
 * Finishing is what the user asked for, so it is the suggestion, unless nothing happened yet (then
 * rolling back only clears the entry) or the change cannot be finished another way.
 */
const recommend = (intent: JournalIntent, progress: ChangeProgress): RecoveryAction =>
  progress === 'not-started' && actionsOf(intent).includes('roll-back') ? 'roll-back' : 'finish';

const describe = (entry: JournalEntry, snapshot: Snapshot | null, rules: RuleState | null): UnfinishedChange => {
  const { intent } = entry;
  const base = {
    id: entry.id,
    operation: entry.operation,
    startedAt: entry.startedAt,
    intent,
    actions: actionsOf(intent),
  };
  if (intent.kind === 'rules') {
    const state = rules as RuleState;
    const progress = rulesProgress(intent, state);
    return {
      ...base,
      current: { kind: 'rules', rules: state.rules },
      progress,
      recommended: recommend(intent, progress),
    };
  }
  const read = snapshot as Snapshot;
  const progress = snapshotProgress(intent, read);
  return { ...base, current: currentOf(intent, read), progress, recommended: recommend(intent, progress) };
};

const listEntries = async (journal: Journal): Promise<Result<readonly JournalEntry[]>> => {
  try {
    return ok(await journal.list());
  } catch (error) {
    return err('storage-failed', 'Could not read the change journal.', {
      detail: messageOf(error),
    });
  }
};

export const listUnfinishedChanges = async (
  op: Operation,
  deps: RecoveryDeps,
): Promise<Result<readonly UnfinishedChange[]>> => {
  const entries = await listEntries(deps.journal);
  if (!entries.ok || entries.value.length === 0) return entries.ok ? ok([]) : entries;
  // One read of each kind, shared by every entry (usually there is one entry, from one crash).
  const needsRules = entries.value.some((e) => e.intent.kind === 'rules');
  const needsSnapshot = entries.value.some((e) => e.intent.kind !== 'rules');
  const [snapshot, rules] = await Promise.all([
    needsSnapshot ? readSnapshot(op) : null,
    needsRules ? readRuleState(op, deps.now) : null,
  ]);
  return ok(entries.value.map((entry) => describe(entry, snapshot, rules)));
};

export const resolveUnfinishedChange = async (
  op: Operation,
  deps: RecoveryDeps,
  id: string,
  action: RecoveryAction,
): Promise<Result<RecoveryReport>> => {
  let entry: JournalEntry | null;
  try {
    entry = await deps.journal.read(id);
  } catch (error) {
    return err('storage-failed', 'Could not read the change journal.', {
      detail: messageOf(error),
    });
  }
  if (!entry) return err('not-found', 'That interrupted change is no longer in the journal (it was already resolved).');
  const { intent } = entry;
  if (!actionsOf(intent).includes(action)) {
    return err('refused', 'A WinNAT restart cannot be rolled back; finishing it starts WinNAT again.', {
      field: 'action',
    });
  }
  const resolution =
    intent.kind === 'rules'
      ? await resolveRules(op, deps.now, intent, action)
      : await resolveFromSnapshot(op, intent, action);
  const resolved = resolution.outcome === 'applied';
  if (resolved) await deps.journal.complete(entry.id);
  const message = resolved
    ? (resolution.message ?? MESSAGES[action])
    : (resolution.message ?? 'The change could not be resolved this way; it stays listed so you can try again.');
  return ok({ outcome: resolution.outcome, steps: resolution.steps, resolved, message });
};
