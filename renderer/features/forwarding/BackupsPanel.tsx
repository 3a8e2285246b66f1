import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowUndo20Regular, Delete20Regular, Eye20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../shared/model';
import { ChangeButton } from '../../components/ChangeButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ProgressNote } from '../../components/ProgressNote';
import { SideDrawer } from '../../components/SideDrawer';
import { useReturnFocus } from '../../components/use-return-focus';
import { useBackupName } from '../../lib/backup-name';
import { useAppStore } from '../../store/store-context';

const useStyles = makeStyles({
  drawer: { width: 'min(620px, 100vw)' },
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXXL,
  },
  numeric: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  numericHeader: { justifyContent: 'flex-end', textAlign: 'right' },
  name: { display: 'flex', flexDirection: 'column', fontVariantNumeric: 'tabular-nums' },
  muted: { color: tokens.colorNeutralForeground3 },
  actionCell: { width: '1%', whiteSpace: 'nowrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, justifyContent: 'flex-end' },
  // A narrow window must scroll the table, not clip the buttons.
  scroll: { overflowX: 'auto', minWidth: 0 },
  table: { width: '100%', tableLayout: 'auto' },
  preview: { maxWidth: 'min(760px, calc(100vw - 32px))' },
  previewScroll: { maxHeight: '50vh', overflow: 'auto' },
  mono: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap' },
  address: { overflowWrap: 'anywhere', fontVariantNumeric: 'tabular-nums' },
});

/** The rules inside one backup, read from its file, so a user sees what a restore would bring back. */
const PreviewDialog = ({ name }: { name: string }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const preview = useAppStore((s) => s.backupPreview);
  const close = useAppStore((s) => s.closeBackupPreview);
  useReturnFocus(true);
  return (
    <Dialog open onOpenChange={(_, data) => (data.open ? undefined : close())}>
      <DialogSurface className={styles.preview} data-testid="backup-preview" aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{t('backups.previewTitle', { name })}</DialogTitle>
          <DialogContent>
            {preview.status === 'running' ? <ProgressNote label={t('backups.previewLoading')} /> : null}
            {preview.status === 'failed' ? <ErrorMessage error={preview.error} title={t('errors.title')} /> : null}
            {preview.status === 'done' && preview.value.rules.length === 0 ? (
              <Body1>{t('backups.previewEmpty')}</Body1>
            ) : null}
            {preview.status === 'done' && preview.value.rules.length > 0 ? (
              <div className={styles.previewScroll}>
                <Table size="small" aria-label={t('backups.previewTitle', { name })} data-testid="backup-preview-table">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{t('rules.type')}</TableHeaderCell>
                      <TableHeaderCell>{t('rules.listenAddress')}</TableHeaderCell>
                      <TableHeaderCell button={{ className: styles.numericHeader }}>
                        {t('rules.listenPort')}
                      </TableHeaderCell>
                      <TableHeaderCell>{t('rules.connectAddress')}</TableHeaderCell>
                      <TableHeaderCell button={{ className: styles.numericHeader }}>
                        {t('rules.connectPort')}
                      </TableHeaderCell>
                      <TableHeaderCell>{t('rules.firewall')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {preview.value.rules.map((rule) => (
                      <TableRow
                        key={`${rule.type}|${rule.listenAddress}|${rule.listenPort}`}
                        data-testid="backup-preview-row"
                      >
                        <TableCell className={styles.mono}>{rule.type}</TableCell>
                        <TableCell className={styles.address}>{rule.listenAddress}</TableCell>
                        <TableCell className={styles.numeric}>{rule.listenPort}</TableCell>
                        <TableCell className={styles.address}>{rule.connectAddress}</TableCell>
                        <TableCell className={styles.numeric}>{rule.connectPort}</TableCell>
                        <TableCell>{rule.firewall ? t('common.yes') : t('common.no')}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={close}>
              {t('common.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};

/** Deleting a backup cannot be undone: asked first, naming the backup and what is lost. */
const DeleteDialog = ({ backup, name, onClose }: { backup: BackupInfo; name: string; onClose: () => void }) => {
  const { t } = useTranslation();
  const deletion = useAppStore((s) => s.backupDeletion);
  const deleteBackup = useAppStore((s) => s.deleteBackup);
  const dismiss = useAppStore((s) => s.dismissBackupDeletion);
  const running = deletion.status === 'running';
  useReturnFocus(true);
  const close = () => {
    dismiss();
    onClose();
  };
  return (
    <Dialog
      open
      modalType={running ? 'alert' : 'modal'}
      onOpenChange={(_, data) => (data.open || running ? undefined : close())}
    >
      <DialogSurface data-testid="backup-delete-dialog" aria-busy={running}>
        <DialogBody>
          <DialogTitle>{t('backups.deleteTitle')}</DialogTitle>
          <DialogContent>
            <Body1>{t('backups.deleteBody', { name, count: backup.ruleCount })}</Body1>
            {deletion.status === 'failed' ? <ErrorMessage error={deletion.error} title={t('errors.title')} /> : null}
            {running ? <ProgressNote label={t('backups.deleting')} /> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={close} disabled={running}>
              {t('common.cancel')}
            </Button>
            <ChangeButton
              appearance="primary"
              icon={<Delete20Regular />}
              disabled={running}
              onClick={() => {
                void deleteBackup(backup).then((deleted) => (deleted ? onClose() : undefined));
              }}
              data-testid="backup-delete-confirm"
            >
              {t('backups.deleteConfirm')}
            </ChangeButton>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};

/**
 * The JSON backups the main process wrote before each reset, import and restore; newest first. Each is
 * named by what happened and when, can be looked into, restored, or deleted (asked first).
 */
export const BackupsPanel = () => {
  const { t } = useTranslation();
  const styles = useStyles();
  const open = useAppStore((s) => s.backupsOpen);
  const close = useAppStore((s) => s.closeBackups);
  const backups = useAppStore((s) => s.backups);
  const openDialog = useAppStore((s) => s.openDialog);
  const previewBackup = useAppStore((s) => s.previewBackup);
  const previewOpen = useAppStore((s) => s.backupPreview.status !== 'idle');
  const nameOf = useBackupName();
  const [previewed, setPreviewed] = useState<BackupInfo | null>(null);
  const [deleting, setDeleting] = useState<BackupInfo | null>(null);

  return (
    <SideDrawer
      open={open}
      onClose={close}
      titleId="backups-title"
      title={t('backups.title')}
      intro={t('backups.intro')}
      testId="backups-panel"
      className={styles.drawer}
      bodyClassName={styles.body}
    >
      {backups.status === 'running' ? <ProgressNote label={t('backups.loading')} /> : null}
      {backups.status === 'failed' ? <ErrorMessage error={backups.error} title={t('errors.title')} /> : null}
      {backups.status === 'done' && backups.value.length === 0 ? <Body1>{t('backups.empty')}</Body1> : null}
      {backups.status === 'done' && backups.value.length > 0 ? (
        <div className={styles.scroll}>
          <Table size="small" aria-labelledby="backups-title" className={styles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('backups.backup')}</TableHeaderCell>
                <TableHeaderCell button={{ className: styles.numericHeader }}>{t('backups.ruleCount')}</TableHeaderCell>
                <TableHeaderCell className={styles.actionCell}>
                  <span className={styles.muted}>{t('backups.actions')}</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {backups.value.map((backup) => {
                const name = nameOf(backup);
                return (
                  <TableRow key={backup.id} data-testid="backup-row" data-backup-id={backup.id}>
                    <TableCell>
                      <span className={styles.name}>
                        <Body1 data-testid="backup-name">{name}</Body1>
                      </span>
                    </TableCell>
                    <TableCell className={styles.numeric}>{backup.ruleCount}</TableCell>
                    <TableCell className={styles.actionCell}>
                      <span className={styles.actions}>
                        <Button
                          size="small"
                          icon={<Eye20Regular />}
                          aria-label={t('backups.previewLabel', { name })}
                          onClick={() => {
                            setPreviewed(backup);
                            void previewBackup(backup);
                          }}
                          data-testid="backup-preview-open"
                        >
                          {t('backups.preview')}
                        </Button>
                        <ChangeButton
                          size="small"
                          icon={<ArrowUndo20Regular />}
                          aria-label={t('backups.restoreLabel', { name })}
                          onClick={() => openDialog({ kind: 'restore-backup', backup })}
                          data-testid="backup-restore"
                        >
                          {t('backups.restore')}
                        </ChangeButton>
                        <ChangeButton
                          size="small"
                          appearance="subtle"
                          icon={<Delete20Regular />}
                          aria-label={t('backups.deleteLabel', { name })}
                          hint={t('backups.deleteLabel', { name })}
                          onClick={() => setDeleting(backup)}
                          data-testid="backup-delete"
                        />
                      </span>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {previewOpen && previewed ? <PreviewDialog name={nameOf(previewed)} /> : null}
      {deleting ? <DeleteDialog backup={deleting} name={nameOf(deleting)} onClose={() => setDeleting(null)} /> : null}
    </SideDrawer>
  );
};
