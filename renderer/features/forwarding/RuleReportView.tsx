import { Body1Strong, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { RuleChangeReport } from '../../../shared/model';
import { OutcomeBadge, ReportHead, StepList } from '../../components/ReportParts';
import { useStatusLabel } from '../../lib/use-labels';
import { RuleLine } from './RuleList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    maxHeight: '240px',
    overflowY: 'auto',
  },
  detail: {
    display: 'block',
    fontFamily: tokens.fontFamilyMonospace,
    overflowWrap: 'anywhere',
    color: tokens.colorNeutralForeground3,
  },
  backup: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

/** What a rule change did, from the main process's re-read: outcome, backup, steps, each rule's outcome. */
export const RuleReportView = ({ report }: { report: RuleChangeReport }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const statusLabel = useStatusLabel();
  return (
    <div className={styles.root} data-testid="change-report" data-outcome={report.outcome}>
      <ReportHead
        outcome={report.outcome}
        message={report.message}
        steps={report.steps}
        after={
          <span>
            {t('ruleReport.iphlpsvcNow', { status: statusLabel(report.rules.iphlpsvc) })} ·{' '}
            {t('ruleReport.rules', { count: report.rules.rules.length })}
          </span>
        }
      />
      {report.backup ? (
        <Body1Strong block data-testid="report-backup">
          {t('ruleReport.backup')} <span className={styles.backup}>{report.backup.id}</span>
        </Body1Strong>
      ) : null}
      {report.perRule && report.perRule.length > 0 ? (
        <div>
          <Body1Strong block>{t('ruleReport.perRule')}</Body1Strong>
          <ul className={styles.list} aria-label={t('ruleReport.perRule')} data-testid="per-rule-report">
            {report.perRule.map((item, index) => (
              <li key={index} data-outcome={item.outcome}>
                <RuleLine rule={item.rule} extra={<OutcomeBadge outcome={item.outcome} />} />
                {item.detail ? <Caption1 className={styles.detail}>{item.detail}</Caption1> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <StepList steps={report.steps} />
    </div>
  );
};
