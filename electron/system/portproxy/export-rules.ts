/**
 * The export file. It carries each rule's firewall flag so the file documents the machine; an import
 * reads rules only (importRulesSchema is strict, the renderer strips `firewall`): opening ports in the
 * firewall from a file someone sent is a decision the user makes per rule, in the form.
 */
import type { RulesExport } from '../../../shared/model';
import { ok, type Result } from '../../../shared/result';
import type { Operation } from '../activity-log';
import { backupRulesOf } from './backups';
import { readRuleState } from './read';
import { unreadable } from './report';

export const EXPORT_APP = 'Portwarden';
export const EXPORT_VERSION = 1;

export const exportRules = async (op: Operation, now: () => Date): Promise<Result<RulesExport>> => {
  const state = await readRuleState(op, now);
  if (state.rules === null) return unreadable(state);
  const exportedAt = now().toISOString();
  const document = {
    app: EXPORT_APP,
    version: EXPORT_VERSION,
    exportedAt,
    rules: backupRulesOf(state.rules, state.firewall),
  };
  return ok({
    fileName: `portwarden-rules-${exportedAt.slice(0, 10)}.json`,
    json: `${JSON.stringify(document, null, 2)}\n`,
  });
};
