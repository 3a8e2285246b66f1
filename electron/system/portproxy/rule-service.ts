/**
 * The portproxy rule service (RuleService in types.ts), composed from small modules:
 * read.ts (what Windows lists), single-rule.ts (add, edit), rule-transaction.ts (the add/verify/delete/verify
 * transaction with rollback), rule-sets.ts (delete, reset, import, restore), firewall.ts (our inbound
 * rules), check.ts (does a rule work, what is in the way), backups.ts + backup-store.ts.
 * Mutations arrive already serialized by the app's mutation queue and gated on elevation (router.ts).
 */
import { err, ok, messageOf } from '../../../shared/result';
import { deleteBackup, previewBackup } from './backups';
import { checkRules, preflightRule } from './check';
import { exportRules } from './export-rules';
import { startIpHelper } from './ip-helper';
import { readRuleState, toRulesView } from './read';
import { unreadable } from './report';
import { deleteRules, importRules, resetRules, restoreBackup } from './bulk-rule-changes';
import { addRule, editRule } from './single-rule';
import type { BackupStore, RuleService, TcpProbe } from './types';
import type { Journal } from '../journal/store';
import { createMemoryRuleBookStore, createRuleBook, recordingJournal, type RuleBook } from './rule-book';
import { withRuleBook } from './rule-book-changes';

export interface RuleServiceDeps {
  readonly backups: BackupStore;
  /** The write-ahead journal every multi-step change records itself in first. */
  readonly journal: Journal;
  readonly probe: TcpProbe;
  readonly now?: () => Date;
  /**
   * Portwarden's rule book (names, disabled rules, drift) in the data folder; absent: one in memory.
   * The journal handed in must be the plain one: the service records its own completions in the book.
   */
  readonly book?: RuleBook;
}

export const createRuleService = (deps: RuleServiceDeps): RuleService => {
  const now = deps.now ?? (() => new Date());
  const { backups, probe } = deps;
  const book = deps.book ?? createRuleBook(createMemoryRuleBookStore(), { now });
  // Every verified rule change settles in the book (rule-book.ts header).
  const journal = recordingJournal(deps.journal, book);
  return withRuleBook(
    {
      async listRules(op) {
        const state = await readRuleState(op, now);
        return state.rules === null ? unreadable(state) : ok(toRulesView(state));
      },
      addRule: (op, input) => addRule(op, now, journal, input),
      editRule: (op, input) => editRule(op, now, journal, input),
      deleteRules: (op, rules) => deleteRules(op, now, journal, rules),
      resetRules: (op) => resetRules(op, now, journal, backups),
      exportRules: (op) => exportRules(op, now),
      importRules: (op, input) => importRules(op, now, journal, backups, input),
      async listBackups() {
        try {
          return ok(await backups.list());
        } catch (error) {
          return err('storage-failed', 'Could not list the rule backups.', {
            detail: messageOf(error),
          });
        }
      },
      restoreBackup: (op, id) => restoreBackup(op, now, journal, backups, id),
      previewBackup: (id) => previewBackup(backups, id),
      deleteBackup: (op, id) => deleteBackup(op, backups, id),
      checkRules: (op, rules) => checkRules(op, now, probe, rules),
      preflightRule: (op, rule) => preflightRule(op, rule),
      startIpHelper: (op) => startIpHelper(op, now),
    },
    { book, journal, now },
  );
};
