/**
 * The rule service with Portwarden's rule book (rule-book.ts) around it (issue #11): every rules view
 * it answers carries the names, the disabled rules and the drift; adds and edits save their note once
 * the rule is verified; and the book's own changes live here: a note, disable, enable, adopt and
 * restore. Disable, enable and restore change Windows, so they are journaled (with the `toggle` of the
 * rules intent for disable/enable) and judged by re-reading Windows, like every rule change.
 */
import type { JournalIntent, ProxyRule, RuleChangeReport, StepReport } from '../../../shared/model';
import { listenKey, sameRule } from '../../../shared/proxy-rules';
import { err, ok, type Result } from '../../../shared/result';
import type { Drift, SetRuleNote } from '../../../shared/validate';
import type { Operation } from '../activity-log';
import { step } from '../change-report';
import { journaled } from '../journal/journaled';
import type { Journal } from '../journal/store';
import { applyFirewall, firewallMessage, planFirewall, unusedPorts } from './firewall';
import { isListed, readRuleState, toRulesView, type ListedState } from './read';
import { conflictDetail, describeRule, ruleReport, unreadable } from './report';
import { RuleBookUnavailable, type RuleBook, type RuleKey } from './rule-book';
import { rulesIntent, type FirewallIntent } from './rule-intent';
import { applyRuleSet } from './rule-transaction';
import type { RuleService } from './types';

type Now = () => Date;

export interface RuleBookChangesDeps {
  readonly book: RuleBook;
  /** The recording journal (rule-book.ts `recordingJournal`), so these changes settle in the book too. */
  readonly journal: Journal;
  readonly now: Now;
}

const plain = (rule: ProxyRule): ProxyRule => ({
  type: rule.type,
  listenAddress: rule.listenAddress,
  listenPort: rule.listenPort,
  connectAddress: rule.connectAddress,
  connectPort: rule.connectPort,
});

const describeKey = (key: RuleKey) => `${key.type} ${key.listenAddress}:${key.listenPort}`;

const sameOrBothNone = (a: ProxyRule | null, b: ProxyRule | null) =>
  a === null || b === null ? a === b : sameRule(a, b);

const bookUnavailable = (error: unknown): Result<never> => {
  if (!(error instanceof RuleBookUnavailable)) throw error;
  return err('storage-failed', 'Portwarden’s rule book could not be read, so nothing was changed.', {
    detail: error.message,
  });
};

/** The view with the book, from a report whose re-read is trusted unless the outcome is unknown. */
const decorateReport = async (
  book: RuleBook,
  result: Result<RuleChangeReport>,
  extraSteps: readonly StepReport[] = [],
): Promise<Result<RuleChangeReport>> => {
  if (!result.ok) return result;
  const report = result.value;
  // An unknown outcome may carry an unreadable (empty) list: nothing may be recorded from it.
  const windows = report.outcome === 'unknown' ? null : report.rules.rules.map(plain);
  const rules = await book.decorate(report.rules, windows, null);
  return ok({ ...report, steps: [...report.steps, ...extraSteps], rules });
};

/** Saves a note after a verified add or edit; a failure is a step of the report, not a lost change. */
const saveNote = async (book: RuleBook, key: RuleKey, note: SetRuleNote['note']): Promise<StepReport> => {
  try {
    await book.setNote(key, note);
    return step('save-note', true, describeKey(key));
  } catch (error) {
    return step('save-note', false, `${describeKey(key)}: ${error instanceof Error ? error.message : String(error)}`);
  }
};

/** A rule-set change plus Portwarden's firewall plan, as bulk-rule-changes.ts finishes one. */
const changeRules = async (
  op: Operation,
  now: Now,
  before: ListedState,
  target: readonly ProxyRule[],
  firewall: FirewallIntent,
): Promise<RuleChangeReport> => {
  const result = await applyRuleSet(op, now, before.rules, target);
  const steps: StepReport[] = [...result.steps];
  let state = result.state;
  if (result.outcome === 'applied' && isListed(state)) {
    const applied = await applyFirewall(op, now, planFirewall(state.firewall, firewall.want, firewall.release), state);
    steps.push(...applied.steps);
    state = applied.state;
  }
  const message = result.outcome === 'applied' ? firewallMessage(steps) : result.message;
  return ruleReport(result.outcome, steps, state, { message });
};

const findKey = (rules: readonly ProxyRule[], key: string) => rules.find((r) => listenKey(r) === key) ?? null;

export type RuleBookService = Pick<
  RuleService,
  'setRuleNote' | 'disableRule' | 'enableRule' | 'adoptDrift' | 'restoreDrift'
>;

export const createRuleBookChanges = ({ book, journal, now }: RuleBookChangesDeps): RuleBookService => {
  /** Windows' rule and the known one at the drift's key must still be what the user saw. */
  const checkDrift = async (
    op: Operation,
    drift: Drift,
  ): Promise<
    | { readonly error: Result<never> }
    | { before: ListedState; key: string; windows: ProxyRule | null; known: ProxyRule | null }
  > => {
    const before = await readRuleState(op, now);
    if (!isListed(before)) return { error: unreadable(before) };
    const key = listenKey((drift.windows ?? drift.portwarden) as ProxyRule);
    const windows = findKey(before.rules, key);
    const known = await book.known(key);
    if (!sameOrBothNone(windows, drift.windows) || !sameOrBothNone(known, drift.portwarden)) {
      return {
        error: err('conflict', 'This difference is no longer as shown: the rules changed since.', {
          detail: conflictDetail(windows ? [windows] : []),
        }),
      };
    }
    return { before, key, windows, known };
  };

  return {
    async setRuleNote(op, input) {
      try {
        await book.read();
      } catch (error) {
        return bookUnavailable(error);
      }
      const state = await readRuleState(op, now);
      if (!isListed(state)) return unreadable(state);
      const key = listenKey(input.rule);
      const exists =
        findKey(state.rules, key) !== null ||
        (await book.known(key)) !== null ||
        (await book.read()).disabled.some((d) => listenKey(d.rule) === key);
      if (!exists) return err('not-found', `No rule listens on ${describeKey(input.rule)} any more.`);
      try {
        await book.setNote(input.rule, input.note);
      } catch (error) {
        return bookUnavailable(error);
      }
      const rules = await book.decorate(toRulesView(state), state.rules, null);
      return ok({ outcome: 'applied', steps: [step('save-note', true, describeKey(input.rule))], rules });
    },

    async disableRule(op, { rule }) {
      try {
        await book.read();
      } catch (error) {
        return bookUnavailable(error);
      }
      const before = await readRuleState(op, now);
      if (!isListed(before)) return unreadable(before);
      if (!before.rules.some((r) => sameRule(r, rule))) {
        const atKey = findKey(before.rules, listenKey(rule));
        return err('conflict', `The rule ${describeRule(rule)} is no longer listed as it was.`, {
          detail: conflictDetail(atKey ? [atKey] : []),
        });
      }
      const target = before.rules.filter((r) => !sameRule(r, rule));
      // Unreadable firewall: nothing is known to put back later, so nothing is released either.
      const firewallRule = before.firewall?.has(rule.listenPort) ?? false;
      const firewall = { want: [], release: firewallRule ? unusedPorts([rule.listenPort], target) : [] };
      const intent: JournalIntent = {
        ...(rulesIntent(before, target, firewall) as Extract<JournalIntent, { kind: 'rules' }>),
        toggle: { action: 'disable', rule: plain(rule), firewall: firewallRule },
      };
      return decorateReport(
        book,
        await journaled(journal, op, intent, () => changeRules(op, now, before, target, firewall)),
      );
    },

    async enableRule(op, { rule }) {
      let disabled;
      try {
        disabled = await book.disabledRule(rule);
      } catch (error) {
        return bookUnavailable(error);
      }
      if (!disabled) return err('not-found', `The rule ${describeRule(rule)} is not disabled (any more).`);
      const before = await readRuleState(op, now);
      if (!isListed(before)) return unreadable(before);
      const occupant = findKey(before.rules, listenKey(rule));
      if (occupant && !sameRule(occupant, rule)) {
        // `add` would silently replace the other rule (docs/architecture.md §1): refuse, say which.
        return err(
          'conflict',
          `${rule.listenAddress}:${rule.listenPort} (${rule.type}) is now taken by another rule: ${describeRule(occupant)}. Delete or change that rule first.`,
          { detail: conflictDetail([occupant]) },
        );
      }
      // The same rule already back in Windows (added by hand): only the book and the firewall change.
      const target = occupant ? before.rules : [...before.rules, plain(rule)];
      const firewall = { want: disabled.firewall ? [rule.listenPort] : [], release: [] };
      const intent: JournalIntent = {
        ...(rulesIntent(before, target, firewall) as Extract<JournalIntent, { kind: 'rules' }>),
        toggle: { action: 'enable', rule: plain(rule), firewall: disabled.firewall },
      };
      return decorateReport(
        book,
        await journaled(journal, op, intent, () => changeRules(op, now, before, target, firewall)),
      );
    },

    async adoptDrift(op, drift): Promise<Result<RuleChangeReport>> {
      try {
        const checked = await checkDrift(op, drift);
        if ('error' in checked) return checked.error;
        const { before, key, windows } = checked;
        await book.adopt(key, windows);
        const rules = await book.decorate(toRulesView(before), before.rules, null);
        const subject = windows ? describeRule(windows) : `${describeRule(drift.portwarden as ProxyRule)} (gone)`;
        return ok({ outcome: 'applied', steps: [step('adopt', true, subject)], rules });
      } catch (error) {
        return bookUnavailable(error);
      }
    },

    async restoreDrift(op, drift): Promise<Result<RuleChangeReport>> {
      try {
        const checked = await checkDrift(op, drift);
        if ('error' in checked) return checked.error;
        const { before, key, windows, known } = checked;
        const others = before.rules.filter((r) => listenKey(r) !== key);
        const target = known ? [...others, known] : others;
        // Removing a rule only Windows had: our firewall rule goes with the last rule on its port, as in delete.
        const firewall = { want: [], release: !known && windows ? unusedPorts([windows.listenPort], target) : [] };
        return await decorateReport(
          book,
          await journaled(journal, op, rulesIntent(before, target, firewall), () =>
            changeRules(op, now, before, target, firewall),
          ),
        );
      } catch (error) {
        return bookUnavailable(error);
      }
    },
  };
};

/** Wraps the plain rule service so every view carries the book, and adds/edits save their notes. */
export const withRuleBook = (
  inner: Omit<RuleService, keyof RuleBookService>,
  deps: RuleBookChangesDeps,
): RuleService => {
  const { book } = deps;
  const decorated =
    <A extends unknown[]>(call: (...args: A) => Promise<Result<RuleChangeReport>>) =>
    async (...args: A) =>
      decorateReport(book, await call(...args));
  return {
    ...inner,
    ...createRuleBookChanges(deps),
    async listRules(op) {
      // Only changes recorded before this read started may settle from it (rule-book.ts header).
      const since = book.sequence();
      const result = await inner.listRules(op);
      if (!result.ok) return result;
      return ok(await book.decorate(result.value, result.value.rules.map(plain), since));
    },
    async addRule(op, input) {
      const result = await inner.addRule(op, input);
      if (!result.ok || result.value.outcome !== 'applied' || !input.note) return decorateReport(book, result);
      const settled = await decorateReport(book, result);
      return decorateReport(book, settled, [await saveNote(book, input.rule, input.note)]);
    },
    async editRule(op, input) {
      const moved = listenKey(input.original) !== listenKey(input.updated);
      book.expectMove(moved ? { from: input.original, to: input.updated } : null);
      let result: Result<RuleChangeReport>;
      try {
        result = await inner.editRule(op, input);
      } finally {
        // A refused edit never reached the journal: the move must not ride on the next change.
        book.expectMove(null);
      }
      // Settle first: the move of the old note must land before the new note is written over it.
      const settled = await decorateReport(book, result);
      if (!settled.ok || settled.value.outcome !== 'applied' || !input.note) return settled;
      return decorateReport(book, settled, [await saveNote(book, input.updated, input.note)]);
    },
    deleteRules: decorated(inner.deleteRules),
    resetRules: decorated(inner.resetRules),
    importRules: decorated(inner.importRules),
    restoreBackup: decorated(inner.restoreBackup),
    startIpHelper: decorated(inner.startIpHelper),
  };
};
