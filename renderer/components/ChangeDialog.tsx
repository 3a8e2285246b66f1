import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeReport } from '../../shared/model';
import { useAppStore } from '../store/store-context';
import type { ChangeKind } from '../store/types';
import { ChangeButton } from './ChangeButton';
import { ErrorMessage } from './ErrorMessage';
import { ProgressNote } from './ProgressNote';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(640px, calc(100vw - 32px))' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface ChangeDialogProps {
  readonly kind: ChangeKind;
  readonly title: string;
  readonly confirmLabel: string;
  readonly runningLabel: string;
  /** The form or the confirmation text, with its warning; shown until the change runs. */
  readonly children: ReactNode;
  /** Return false to stay open (e.g. field errors); the store action runs otherwise. */
  readonly onConfirm: () => void;
  readonly renderReport: (report: ChangeReport) => ReactNode;
  readonly testId: string;
}

/**
 * The one life cycle of every change: explain and confirm -> progress -> outcome (or error, with the
 * form still there to retry). The operation state lives in the store, so closing the dialog mid-run
 * loses nothing and the outcome is still there when the tray reopens the window.
 */
export const ChangeDialog = ({ kind, title, confirmLabel, runningLabel, children, onConfirm, renderReport, testId }: ChangeDialogProps) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const operation = useAppStore((s) => s.operations[kind]);
  const close = useAppStore((s) => s.closeDialog);
  const running = operation.status === 'running';
  const done = operation.status === 'done';

  return (
    <Dialog
      open
      // While the change runs, Escape and the backdrop must not look like "cancel": it cannot be cancelled.
      modalType={running ? 'alert' : 'modal'}
      onOpenChange={(_, data) => {
        if (!data.open && !running) close();
      }}
    >
      <DialogSurface className={styles.surface} data-testid={testId} aria-busy={running}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            {operation.status === 'done' ? renderReport(operation.report) : null}
            {operation.status === 'idle' || operation.status === 'failed' ? children : null}
            {operation.status === 'failed' ? <ErrorMessage error={operation.error} title={t('errors.title')} /> : null}
            {running ? <ProgressNote label={runningLabel} /> : null}
          </DialogContent>
          <DialogActions>
            {done ? (
              <Button appearance="primary" onClick={close}>
                {t('common.close')}
              </Button>
            ) : (
              <>
                <Button appearance="secondary" onClick={close} disabled={running}>
                  {t('common.cancel')}
                </Button>
                <ChangeButton appearance="primary" onClick={onConfirm} disabled={running}>
                  {confirmLabel}
                </ChangeButton>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};
