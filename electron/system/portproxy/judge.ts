/**
 * Outcomes from the re-read rule set (docs/architecture.md §3), for one key, a few keys or the whole set:
 * - 'applied': what is listed is what was intended;
 * - 'not-applied': what is listed is what was there before;
 * - 'unknown': the list could not be read, or it is neither (a half-done change whose rollback also
 *   failed); the report carries the list as it is, so the user sees which.
 */
import type { Outcome, ProxyRule, RuleOutcome } from '../../../shared/model';
import { listenKey } from '../../../shared/proxy-rules';

/** A rule as one comparable string: its listen key and where it points (case-insensitive host). */
export const ruleFingerprint = (rule: ProxyRule): string =>
  `${listenKey(rule)}>${rule.connectAddress.toLowerCase()}|${rule.connectPort}`;

const projection = (rules: readonly ProxyRule[], keys: ReadonlySet<string> | null): string =>
  rules
    .filter((rule) => keys === null || keys.has(listenKey(rule)))
    .map(ruleFingerprint)
    .sort()
    .join('\n');

/** Compares the listed rules with `before` and `intended`, on `keys` only (null: the whole set). */
export const judgeRules = (
  listed: readonly ProxyRule[] | null,
  before: readonly ProxyRule[],
  intended: readonly ProxyRule[],
  keys: ReadonlySet<string> | null = null,
): Outcome => {
  if (listed === null) return 'unknown';
  const now = projection(listed, keys);
  if (now === projection(intended, keys)) return 'applied';
  if (now === projection(before, keys)) return 'not-applied';
  return 'unknown';
};

export const keysOf = (...groups: readonly (readonly ProxyRule[])[]): ReadonlySet<string> =>
  new Set(groups.flat().map((rule) => listenKey(rule)));

/** One rule's change (`null` = no rule at that key), judged from the list. */
export const judgeOne = (
  listed: readonly ProxyRule[] | null,
  before: ProxyRule | null,
  intended: ProxyRule | null,
): Outcome => {
  const rule = intended ?? before;
  if (!rule) return 'applied';
  return judgeRules(listed, before ? [before] : [], intended ? [intended] : [], keysOf([rule]));
};

export const ruleOutcome = (rule: ProxyRule, outcome: Outcome, detail?: string): RuleOutcome =>
  detail ? { rule, outcome, detail } : { rule, outcome };
