/**
 * The backup written before a destructive change (reset, import, restore; docs/architecture.md §3). It is written
 * FIRST: when it cannot be written, nothing runs.
 */
import type { BackupInfo, BackupPreview, ProxyRule } from '../../../shared/model';
import { err, ok, type Result, messageOf } from '../../../shared/result';
import type { Operation } from '../activity-log';
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
    return err('storage-failed', 'Could not write the backup of the rules, so nothing was changed.', {
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

/** The rules inside one backup, for a look before restoring (backups:preview). */
export const previewBackup = async (backups: BackupStore, id: string): Promise<Result<BackupPreview>> => {
  try {
    const info = (await backups.list()).find((backup) => backup.id === id);
    const rules = info ? await backups.read(id) : null;
    if (!info || rules === null) return err('not-found', `There is no backup named ${id}.`, { field: 'id' });
    return ok({ backup: info, rules });
  } catch (error) {
    return err('storage-failed', 'Could not read the backup.', { detail: String(error) });
  }
};

/**
 * Deletes one backup (backups:delete; the renderer asks first) and answers the list as read afterwards,
 * so the panel shows what is really on disk. The id was checked against BACKUP_ID_PATTERN by the router
 * and is checked again by the store before it becomes a path. The deletion is recorded on `op` like a
 * command, so it has its line in the activity and the audit log (issue #11: it had none).
 */
export const deleteBackup = async (
  op: Operation,
  backups: BackupStore,
  id: string,
): Promise<Result<readonly BackupInfo[]>> => {
  try {
    const removed = await op.recordOwnChange('delete-backup', [`id=${id}`], async () => {
      const done = await backups.remove(id);
      return { done, detail: done ? `Deleted the backup ${id}.` : `There is no backup named ${id}.` };
    });
    if (!removed.done) return err('not-found', `There is no backup named ${id}.`, { field: 'id' });
    return ok(await backups.list());
  } catch (error) {
    return err('storage-failed', 'Could not delete the backup.', { detail: String(error) });
  }
};
