import { ResetDynamicDialog } from '../features/dynamic/ResetDynamicDialog';
import { DeleteExclusionDialog } from '../features/ranges/DeleteExclusionDialog';
import { ProtectPortDialog } from '../features/ranges/ProtectPortDialog';
import { RestartWinnatDialog } from '../features/winnat/RestartWinnatDialog';
import { useAppStore } from '../store/store-context';

/** Mounts the open dialog only, so each opening starts with a fresh form. */
export const ChangeDialogs = () => {
  const dialog = useAppStore((s) => s.dialog);
  switch (dialog?.kind) {
    case 'protect':
      return <ProtectPortDialog family={dialog.family} port={dialog.port} />;
    case 'delete':
      return <DeleteExclusionDialog family={dialog.family} range={dialog.range} />;
    case 'reset':
      return <ResetDynamicDialog />;
    case 'restart':
      return <RestartWinnatDialog />;
    default:
      return null;
  }
};
