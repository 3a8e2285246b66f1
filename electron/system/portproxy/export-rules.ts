/**
 * The export: one read of the rules and Portwarden's firewall rules, answered as a JSON document and as
 * `.cmd` and `.ps1` scripts that recreate them (export-scripts.ts). The JSON carries each rule's
 * firewall flag; an import adds those firewall rules only after the user confirms it (ImportRulesDialog).
 */
import type { RulesExport } from '../../../shared/model';
import { ok, type Result } from '../../../shared/result';
import type { Operation } from '../activity-log';
import { backupRulesOf } from './backups';
import { cmdScript, powerShellScript } from './export-scripts';
import { readRuleState } from './read';
import { unreadable } from './report';

export const EXPORT_APP = 'Portwarden';
export const EXPORT_VERSION = 1;

export const exportRules = async (op: Operation, now: () => Date): Promise<Result<RulesExport>> => {
  const state = await readRuleState(op, now);
  if (state.rules === null) return unreadable(state);
  const exportedAt = now().toISOString();
  const rules = backupRulesOf(state.rules, state.firewall);
  const document = { app: EXPORT_APP, version: EXPORT_VERSION, exportedAt, rules };
  const baseName = `portwarden-rules-${exportedAt.slice(0, 10)}`;
  const options = { firewallRead: state.firewall !== null };
  return ok({
    fileName: `${baseName}.json`,
    json: `${JSON.stringify(document, null, 2)}\n`,
    cmd: { fileName: `${baseName}.cmd`, text: cmdScript(rules, options) },
    ps1: { fileName: `${baseName}.ps1`, text: powerShellScript(rules, options) },
  });
};
