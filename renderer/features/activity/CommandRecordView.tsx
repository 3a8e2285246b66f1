import { Button, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Checkmark20Regular, Copy20Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandRecord } from '../../../shared/model';
import { commandLine, recordAsText } from '../../lib/command-line';
import { copyText } from '../../lib/copy-text';

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
  const containerRef = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const failed = record.timedOut || record.exitCode !== 0;

  useEffect(() => {
    if (copied === null) return;
    const timer = window.setTimeout(() => setCopied(null), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  return (
    <div ref={containerRef} className={styles.record} data-testid="activity-record">
      <div className={styles.top}>
        <pre className={styles.command}>{commandLine(record)}</pre>
        <Button
          size="small"
          icon={copied === 'copied' ? <Checkmark20Regular /> : <Copy20Regular />}
          aria-label={t('activity.copyLabel')}
          onClick={() => setCopied(copyText(recordAsText(record), containerRef.current ?? undefined) ? 'copied' : 'failed')}
        >
          {copied === 'copied' ? t('activity.copied') : copied === 'failed' ? t('activity.copyFailed') : t('activity.copy')}
        </Button>
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
