/**
 * The backup written before a destructive change (reset, import, restore; docs/architecture.md §3). It is written
 * FIRST: when it cannot be written, nothing runs.
 */
import type { BackupInfo, ProxyRule } from '../../../shared/model';
import { err, ok, type Result, messageOf } from '../../../shared/result';
import type { RuleState } from './read';
import type { BackupRule, BackupStore } from './types';

/** The listed rules with whether Portwarden's firewall rule exists for their port. */
export const backupRulesOf = (rules: readonly ProxyRule[], firewall: ReadonlySet<number> | null): BackupRule[] =>
  rules.map((rule) => ({
    type: rule.type,
    listenAddress: rule.listenAddress,
    listenPort: rule.listenPort,
    connectAddress: rule.connectAddress,
    connectPort: rule.connectPort,
    firewall: firewall?.has(rule.listenPort) ?? false,
  }));

export const writeBackup = async (
  backups: BackupStore,
  reason: BackupInfo['reason'],
  state: RuleState & { rules: readonly ProxyRule[] },
): Promise<Result<BackupInfo>> => {
  try {
    return ok(await backups.write(reason, backupRulesOf(state.rules, state.firewall)));
  } catch (error) {
    return err('not-applied', 'Could not write the backup of the rules, so nothing was changed.', {
      detail: messageOf(error),
    });
  }
};

export const stripFirewall = (rules: readonly BackupRule[]): ProxyRule[] =>
  rules.map(({ type, listenAddress, listenPort, connectAddress, connectPort }) => ({
    type,
    listenAddress,
    listenPort,
    connectAddress,
    connectPort,
  }));
