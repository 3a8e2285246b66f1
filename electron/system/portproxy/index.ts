/**
 * The portproxy rule service for the app core: `rules: createRuleService({ backups:
 * createFileBackupStore(<admin-only folder under %ProgramData%>), probe: createSocketProbe() })`.
 */
export { createRuleService, type RuleServiceDeps } from './rule-service';
export { createFileBackupStore } from './backup-store';
export { createSocketProbe } from './socket-probe';
export { FIREWALL_RULE_PREFIX, firewallRuleName } from './commands';
export type { BackupRule, BackupStore, RuleService, TcpProbe } from './types';
