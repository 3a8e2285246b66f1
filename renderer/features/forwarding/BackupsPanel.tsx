import {
  Body1,
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowUndo20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { SideDrawer } from '../../components/SideDrawer';
import { ChangeButton } from '../../components/ChangeButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ProgressNote } from '../../components/ProgressNote';
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
  nowrap: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  date: { fontVariantNumeric: 'tabular-nums' },
  actionCell: { width: '1%', whiteSpace: 'nowrap' },
  id: {
    display: 'block',
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground3,
    overflowWrap: 'anywhere',
  },
  // A narrow window must scroll the table, not clip the Restore buttons.
  scroll: { overflowX: 'auto', minWidth: 0 },
  table: { width: '100%', tableLayout: 'auto' },
});

/** The JSON backups the main process wrote before each reset, import and restore; newest first. */
export const BackupsPanel = () => {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const open = useAppStore((s) => s.backupsOpen);
  const close = useAppStore((s) => s.closeBackups);
  const backups = useAppStore((s) => s.backups);
  const openDialog = useAppStore((s) => s.openDialog);

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
                <TableHeaderCell>{t('backups.createdAt')}</TableHeaderCell>
                <TableHeaderCell>{t('backups.reason')}</TableHeaderCell>
                <TableHeaderCell button={{ className: styles.numericHeader }}>{t('backups.ruleCount')}</TableHeaderCell>
                <TableHeaderCell className={styles.actionCell} />
              </TableRow>
            </TableHeader>
            <TableBody>
              {backups.value.map((backup) => {
                const date = new Date(backup.createdAt).toLocaleString(i18n.resolvedLanguage);
                return (
                  <TableRow key={backup.id} data-testid="backup-row" data-backup-id={backup.id}>
                    <TableCell className={styles.date}>
                      {date}
                      <Caption1 className={styles.id}>{backup.id}</Caption1>
                    </TableCell>
                    <TableCell className={styles.nowrap}>{t(`backups.reasons.${backup.reason}`)}</TableCell>
                    <TableCell className={styles.numeric}>{backup.ruleCount}</TableCell>
                    <TableCell className={styles.actionCell}>
                      <ChangeButton
                        size="small"
                        icon={<ArrowUndo20Regular />}
                        aria-label={t('backups.restoreLabel', { date })}
                        onClick={() => openDialog({ kind: 'restore-backup', backup })}
                        data-testid="backup-restore"
                      >
                        {t('backups.restore')}
                      </ChangeButton>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </SideDrawer>
  );
};
