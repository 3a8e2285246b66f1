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
import { changeBlock } from '../store/selectors';
import { useAppStore } from '../store/store-context';
import type { ChangeKind, OperationState, ReportOf } from '../store/types';
import { ChangeButton } from './ChangeButton';
import { ErrorMessage } from './ErrorMessage';
import { ProgressNote } from './ProgressNote';
import { useReturnFocus } from './use-return-focus';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(640px, calc(100vw - 32px))' },
  wide: { maxWidth: 'min(900px, calc(100vw - 32px))' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // The form only carries Enter-to-submit; DialogBody keeps the layout.
  form: { display: 'contents' },
});

export interface ChangeDialogProps<K extends ChangeKind> {
  readonly kind: K;
  readonly title: string;
  readonly confirmLabel: string;
  readonly runningLabel: string;
  /** The form or the confirmation text, with its warning; shown until the change runs. */
  readonly children: ReactNode;
  /** Return false to stay open (e.g. field errors); the store action runs otherwise. */
  readonly onConfirm: () => void;
  readonly renderReport: (report: ReportOf<K>) => ReactNode;
  readonly testId: string;
  /** Nothing to confirm yet (an import without a valid file); the reason is in the content. */
  readonly confirmDisabled?: boolean;
  /** Something other than the change runs (a preflight read): keep the form, show this progress. */
  readonly pendingLabel?: string | null;
  /** Tables in the content (an import preview) need more room. */
  readonly wide?: boolean;
}

/**
 * The one life cycle of every change: explain and confirm -> progress -> outcome (or error, with the
 * form still there to retry). The operation state lives in the store, so closing the dialog mid-run
 * loses nothing and the outcome is still there when the tray reopens the window.
 */
export const ChangeDialog = <K extends ChangeKind>({
  kind,
  title,
  confirmLabel,
  runningLabel,
  children,
  onConfirm,
  renderReport,
  testId,
  confirmDisabled = false,
  pendingLabel = null,
  wide = false,
}: ChangeDialogProps<K>) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const operation = useAppStore((s) => s.operations[kind] as OperationState<ReportOf<K>>);
  const close = useAppStore((s) => s.closeDialog);
  const blocked = useAppStore((s) => changeBlock(s) !== null);
  const running = operation.status === 'running';
  const done = operation.status === 'done';
  // Mounted only while open (OpenChangeDialog): unmounting is closing.
  useReturnFocus(true);
  const canConfirm = !blocked && !running && !done && !confirmDisabled && pendingLabel === null;

  return (
    <Dialog
      open
      // While the change runs, Escape and the backdrop must not look like "cancel": it cannot be cancelled.
      modalType={running ? 'alert' : 'modal'}
      onOpenChange={(_, data) => {
        if (!data.open && !running) close();
      }}
    >
      <DialogSurface
        className={wide ? styles.wide : styles.surface}
        data-testid={testId}
        aria-busy={running || pendingLabel !== null}
      >
        {/* A form, so Enter in a field confirms like the primary button (issue #11: Enter did not submit Add rule). */}
        <form
          className={styles.form}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (canConfirm) onConfirm();
          }}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              {operation.status === 'done' ? renderReport(operation.report) : null}
              {operation.status === 'idle' || operation.status === 'failed' ? children : null}
              {operation.status === 'failed' ? (
                <ErrorMessage error={operation.error} title={t('errors.title')} />
              ) : null}
              {running ? <ProgressNote label={runningLabel} /> : null}
              {!running && !done && pendingLabel !== null ? <ProgressNote label={pendingLabel} /> : null}
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
                  <ChangeButton
                    type="submit"
                    appearance="primary"
                    disabled={running || confirmDisabled || pendingLabel !== null}
                  >
                    {confirmLabel}
                  </ChangeButton>
                </>
              )}
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
};
