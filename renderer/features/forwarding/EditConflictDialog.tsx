import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/store-context';

/** editRule answered `conflict`: the rule on disk is not the one the user edited; never overwrite it blindly. */
export const EditConflictDialog = () => {
  const { t } = useTranslation();
  const open = useAppStore((s) => s.editConflict);
  const reload = useAppStore((s) => s.reloadAfterConflict);
  const dismiss = useAppStore((s) => s.dismissConflict);
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => (data.open ? undefined : dismiss())}>
      <DialogSurface data-testid="edit-conflict-dialog">
        <DialogBody>
          <DialogTitle>{t('editConflict.title')}</DialogTitle>
          <DialogContent>
            <Body1 block>{t('editConflict.body')}</Body1>
            <Caption1 block>{t('editConflict.hint')}</Caption1>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={dismiss}>
              {t('common.cancel')}
            </Button>
            <Button appearance="primary" onClick={() => void reload()} data-testid="edit-conflict-reload">
              {t('editConflict.reload')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};
