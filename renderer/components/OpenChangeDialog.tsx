import { ResetDynamicDialog } from '../features/dynamic/ResetDynamicDialog';
import { AddRuleDialog } from '../features/forwarding/AddRuleDialog';
import { DeleteRulesDialog } from '../features/forwarding/DeleteRulesDialog';
import { DisableRuleDialog } from '../features/forwarding/DisableRuleDialog';
import { RestoreDriftDialog } from '../features/forwarding/RestoreDriftDialog';
import { RuleNoteDialog } from '../features/forwarding/RuleNoteDialog';
import { ExportRulesDialog } from '../features/forwarding/ExportRulesDialog';
import { ImportRulesDialog } from '../features/forwarding/ImportRulesDialog';
import { ResetRulesDialog } from '../features/forwarding/ResetRulesDialog';
import { RestoreBackupDialog } from '../features/forwarding/RestoreBackupDialog';
import { CloseConnectionDialog } from '../features/owners/CloseConnectionDialog';
import { KillDialog } from '../features/owners/KillDialog';
import { DeleteExclusionDialog } from '../features/ranges/DeleteExclusionDialog';
import { ProtectPortDialog } from '../features/ranges/ProtectPortDialog';
import { RestartWinnatDialog } from '../features/winnat/RestartWinnatDialog';
import { useAppStore } from '../store/store-context';

/** Mounts the open dialog only, so each opening starts with a fresh form. */
export const OpenChangeDialog = () => {
  const dialog = useAppStore((s) => s.dialog);
  switch (dialog?.kind) {
    case 'protect':
      return <ProtectPortDialog family={dialog.family} port={dialog.port} />;
    case 'delete':
      return <DeleteExclusionDialog family={dialog.family} range={dialog.range} />;
    case 'reset':
      return <ResetDynamicDialog />;
    case 'restart':
      return <RestartWinnatDialog port={dialog.port} protocol={dialog.protocol} />;
    case 'add-rule':
      return <AddRuleDialog />;
    case 'delete-rules':
      return <DeleteRulesDialog rules={dialog.rules} />;
    case 'reset-rules':
      return <ResetRulesDialog />;
    case 'import-rules':
      return <ImportRulesDialog />;
    case 'restore-backup':
      return <RestoreBackupDialog backup={dialog.backup} />;
    case 'export-rules':
      return <ExportRulesDialog />;
    case 'kill':
      return <KillDialog endpoint={dialog.endpoint} />;
    case 'close-connection':
      return <CloseConnectionDialog endpoint={dialog.endpoint} />;
    case 'set-rule-note':
      return <RuleNoteDialog rule={dialog.rule} />;
    case 'disable-rule':
      return <DisableRuleDialog rule={dialog.rule} />;
    case 'restore-drift':
      return <RestoreDriftDialog drift={dialog.drift} />;
    case undefined:
      return null;
  }
};
