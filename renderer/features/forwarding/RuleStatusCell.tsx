import { Spinner, Tooltip, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, Circle16Regular, Question16Regular, Warning16Filled } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { listenKey } from '../../../shared/proxy-rules';
import type { ProxyRule } from '../../../shared/model';
import { reasonText, ruleStatus, ruleStatusText, type RuleTone } from '../../lib/rule-status';
import { useAppStore } from '../../store/store-context';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  icon: { flexShrink: 0, marginTop: '2px' },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  problem: { color: tokens.colorPaletteDarkOrangeForeground1 },
  unknown: { color: tokens.colorNeutralForeground3 },
  unchecked: { color: tokens.colorNeutralForeground3 },
  more: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  tip: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const ICON: Record<RuleTone, typeof CheckmarkCircle16Filled> = {
  ok: CheckmarkCircle16Filled,
  problem: Warning16Filled,
  unknown: Question16Regular,
  unchecked: Circle16Regular,
};

/** The latest check of one rule: "OK", the first reason it does not work, or "Not checked". */
export const RuleStatusCell = ({ rule }: { rule: ProxyRule }) => {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const key = listenKey(rule);
  const check = useAppStore((s) => s.checks[key]);
  const checking = useAppStore((s) => s.checking.includes(key));
  if (checking) return <Spinner size="extra-tiny" label={t('rules.checking')} labelPosition="after" />;
  const status = ruleStatus(check);
  const Icon = ICON[status.tone];
  const content = (
    <span
      className={mergeClasses(styles.root, styles[status.tone])}
      data-testid="rule-status"
      data-tone={status.tone}
      tabIndex={check ? 0 : undefined}
    >
      <Icon className={styles.icon} aria-hidden />
      <span>{ruleStatusText(t, status)}</span>
      {status.reasons.length > 1 ? (
        <span className={styles.more}>{t('ruleStatus.more', { count: status.reasons.length - 1 })}</span>
      ) : null}
    </span>
  );
  if (!check) return content;
  return (
    <Tooltip
      relationship="description"
      withArrow
      content={
        <div>
          {status.reasons.length === 1 && status.reasons[0] ? <div>{reasonText(t, status.reasons[0])}</div> : null}
          {status.reasons.length > 1 ? (
            <ul className={styles.tip}>
              {status.reasons.map((reason, index) => (
                <li key={index}>{reasonText(t, reason)}</li>
              ))}
            </ul>
          ) : null}
          {t('ruleStatus.checkedAt', { time: new Date(check.checkedAt).toLocaleTimeString(i18n.resolvedLanguage) })}
        </div>
      }
    >
      {content}
    </Tooltip>
  );
};
