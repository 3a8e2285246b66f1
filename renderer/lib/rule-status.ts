/**
 * "Does this rule work?" as one line for the status column, from the latest RuleCheck. Pure and given
 * the translate function, so the wording is tested in node without a browser.
 */
import type { TFunction } from 'i18next';
import type { RuleCheck, ServiceStatus } from '../../shared/model';
import { formatRange } from './families';

export type RuleTone = 'unchecked' | 'ok' | 'problem' | 'unknown';

export type RuleReason =
  | { readonly kind: 'iphlpsvc'; readonly status: ServiceStatus }
  | { readonly kind: 'excluded'; readonly range: string }
  | { readonly kind: 'held'; readonly owner: string }
  | { readonly kind: 'not-listening'; readonly port: number }
  | { readonly kind: 'target'; readonly port: number; readonly address: string }
  | { readonly kind: 'unknown'; readonly detail: string };

export interface RuleStatus {
  readonly tone: RuleTone;
  /** Most fundamental first: a stopped IP Helper explains everything after it. */
  readonly reasons: readonly RuleReason[];
}

export const ruleStatus = (check: RuleCheck | undefined): RuleStatus => {
  if (!check) return { tone: 'unchecked', reasons: [] };
  const problems: RuleReason[] = [];
  const unknowns: RuleReason[] = [];
  if (check.iphlpsvc.state === 'problem') problems.push({ kind: 'iphlpsvc', status: check.iphlpsvc.status });
  if (check.excluded.state === 'problem') {
    problems.push({
      kind: 'excluded',
      range: check.excluded.range ? formatRange(check.excluded.range) : String(check.rule.listenPort),
    });
  }
  if (check.listening.state === 'problem') {
    // Without the IP Helper nothing listens; saying so twice adds nothing.
    if (check.listening.owner) problems.push({ kind: 'held', owner: check.listening.owner });
    else if (check.iphlpsvc.state !== 'problem') problems.push({ kind: 'not-listening', port: check.rule.listenPort });
  }
  if (check.target.state === 'problem')
    problems.push({ kind: 'target', port: check.rule.connectPort, address: check.rule.connectAddress });
  for (const part of [check.listening, check.target]) {
    if (part.state === 'unknown') unknowns.push({ kind: 'unknown', detail: part.detail ?? '' });
  }
  if (problems.length > 0) return { tone: 'problem', reasons: problems };
  if (unknowns.length > 0 || check.iphlpsvc.state === 'unknown' || check.excluded.state === 'unknown') {
    return { tone: 'unknown', reasons: unknowns.length > 0 ? unknowns : [{ kind: 'unknown', detail: '' }] };
  }
  return { tone: 'ok', reasons: [] };
};

export const reasonText = (t: TFunction, reason: RuleReason): string => {
  switch (reason.kind) {
    case 'iphlpsvc':
      return t('ruleStatus.iphlpsvc', { status: t(`winnat.${reason.status}`) });
    case 'excluded':
      return t('ruleStatus.excluded', { range: reason.range });
    case 'held':
      return t('ruleStatus.held', { owner: reason.owner });
    case 'not-listening':
      return t('ruleStatus.notListening', { port: reason.port });
    case 'target':
      return t('ruleStatus.target', { port: reason.port, address: reason.address });
    case 'unknown':
      return reason.detail ? t('ruleStatus.unknownDetail', { detail: reason.detail }) : t('ruleStatus.unknown');
  }
};

/** The status column's text: "OK", "Not checked", or the first reason. */
export const ruleStatusText = (t: TFunction, status: RuleStatus): string => {
  if (status.tone === 'unchecked') return t('ruleStatus.unchecked');
  if (status.tone === 'ok') return t('ruleStatus.ok');
  const first = status.reasons[0];
  return first ? reasonText(t, first) : t('ruleStatus.unknown');
};
