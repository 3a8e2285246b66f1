import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { CommandRecord } from '../../../shared/model';
import { CopyButton } from '../../components/CopyButton';
import { commandLine, recordAsText } from '../../lib/command-line';

const useStyles = makeStyles({
  record: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  top: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  command: {
    flexGrow: 1,
    margin: 0,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase300,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  meta: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', fontVariantNumeric: 'tabular-nums' },
  failed: { color: tokens.colorPaletteRedForeground1 },
  output: {
    margin: 0,
    padding: tokens.spacingVerticalS,
    maxHeight: '240px',
    overflow: 'auto',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    // netsh prints aligned columns: keep them aligned and scroll sideways instead of wrapping.
    whiteSpace: 'pre',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusSmall,
  },
});

export const CommandRecordView = ({ record }: { record: CommandRecord }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const failed = record.timedOut || record.exitCode !== 0;

  return (
    <div className={styles.record} data-testid="activity-record">
      <div className={styles.top}>
        <pre className={styles.command}>{commandLine(record)}</pre>
        <CopyButton
          size="small"
          aria-label={t('activity.copyLabel')}
          label={t('activity.copy')}
          text={() => recordAsText(record)}
        />
      </div>
      <Caption1 className={mergeClasses(styles.meta, failed && styles.failed)}>
        <span>
          {t('activity.exitCode')}: {record.exitCode ?? '—'}
        </span>
        <span>
          {t('activity.timedOut')}: {record.timedOut ? t('common.yes') : t('common.no')}
        </span>
        <span>
          {t('activity.duration')}: {t('activity.durationValue', { ms: record.durationMs })}
        </span>
      </Caption1>
      <Caption1>{t('activity.stdout')}</Caption1>
      <pre className={styles.output}>{record.stdout.trimEnd() || t('activity.noOutput')}</pre>
      {record.stderr.trim() ? (
        <>
          <Caption1>{t('activity.stderr')}</Caption1>
          <pre className={styles.output}>{record.stderr.trimEnd()}</pre>
        </>
      ) : null}
    </div>
  );
};
