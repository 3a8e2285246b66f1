/**
 * The portproxy rule service as the app core sees it. Each method gets the Operation that records
 * its commands in the activity log, and answers with a Result whose outcome is judged from
 * re-reading `netsh interface portproxy show all`, never from exit codes.
 */
import type {
  BackupInfo,
  BackupPreview,
  ListenPortPreflight,
  ProxyRule,
  RuleChangeReport,
  RuleCheck,
  RulesExport,
  RulesView,
} from '../../../shared/model';
import type { Result } from '../../../shared/result';
import type { AddRule, Drift, EditRule, ImportRules, SetRuleNote } from '../../../shared/validate';
import type { Operation } from '../activity-log';

export interface RuleService {
  listRules(op: Operation): Promise<Result<RulesView>>;
  addRule(op: Operation, input: AddRule): Promise<Result<RuleChangeReport>>;
  editRule(op: Operation, input: EditRule): Promise<Result<RuleChangeReport>>;
  deleteRules(op: Operation, rules: readonly ProxyRule[]): Promise<Result<RuleChangeReport>>;
  resetRules(op: Operation): Promise<Result<RuleChangeReport>>;
  exportRules(op: Operation): Promise<Result<RulesExport>>;
  importRules(op: Operation, input: ImportRules): Promise<Result<RuleChangeReport>>;
  listBackups(): Promise<Result<readonly BackupInfo[]>>;
  restoreBackup(op: Operation, id: string): Promise<Result<RuleChangeReport>>;
  previewBackup(id: string): Promise<Result<BackupPreview>>;
  deleteBackup(op: Operation, id: string): Promise<Result<readonly BackupInfo[]>>;
  checkRules(op: Operation, rules: readonly ProxyRule[]): Promise<Result<readonly RuleCheck[]>>;
  preflightRule(op: Operation, rule: ProxyRule): Promise<Result<ListenPortPreflight>>;
  startIpHelper(op: Operation): Promise<Result<RuleChangeReport>>;
  /** Portwarden's rule book (rule-book.ts, rule-book-changes.ts): notes, disable/enable, drift. */
  setRuleNote(op: Operation, input: SetRuleNote): Promise<Result<RuleChangeReport>>;
  disableRule(op: Operation, input: { readonly rule: ProxyRule }): Promise<Result<RuleChangeReport>>;
  enableRule(op: Operation, input: { readonly rule: ProxyRule }): Promise<Result<RuleChangeReport>>;
  adoptDrift(op: Operation, input: Drift): Promise<Result<RuleChangeReport>>;
  restoreDrift(op: Operation, input: Drift): Promise<Result<RuleChangeReport>>;
}

/** Where backups live: an admin-only folder under %ProgramData% in the app, a temp folder in tests. */
export interface BackupStore {
  /** Writes the rules (with their firewall flag) before a destructive change; throws if it cannot. */
  write(reason: BackupInfo['reason'], rules: readonly BackupRule[]): Promise<BackupInfo>;
  list(): Promise<readonly BackupInfo[]>;
  /** null when there is no such backup (or it is not a valid backup file). */
  read(id: string): Promise<readonly BackupRule[] | null>;
  /** Deletes `<id>.json`; false when there was no such backup. */
  remove(id: string): Promise<boolean>;
}

export interface BackupRule extends ProxyRule {
  /** Portwarden's firewall rule existed for it. */
  readonly firewall: boolean;
}

/** "Does the target answer?": one TCP connect with a timeout. Real sockets in the app, the simulator in tests. */
export interface TcpProbe {
  probe(
    host: string,
    port: number,
    timeoutMs: number,
  ): Promise<{ readonly answered: boolean; readonly ms: number; readonly detail: string }>;
}
