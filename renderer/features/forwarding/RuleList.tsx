import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { listenKey } from '../../../shared/proxy-rules';
import type { ProxyRule } from '../../../shared/model';
import { connectEndpoint, listenEndpoint } from '../../lib/rules';

const useStyles = makeStyles({
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    maxHeight: '220px',
    overflowY: 'auto',
  },
  line: {
    display: 'flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    fontVariantNumeric: 'tabular-nums',
  },
  type: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, minWidth: '6ch' },
  endpoint: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  old: {
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground3,
    textDecorationLine: 'line-through',
  },
});

/** "v4tov4  0.0.0.0:8080 → 172.28.241.140:8080"; with `before`, the old target struck through first. */
export const RuleLine = ({ rule, before, extra }: { rule: ProxyRule; before?: ProxyRule; extra?: ReactNode }) => {
  const styles = useStyles();
  return (
    <span className={styles.line}>
      <Caption1 className={styles.type}>{rule.type}</Caption1>
      <span className={styles.endpoint}>{listenEndpoint(rule)}</span>
      <span aria-hidden>→</span>
      {before ? <span className={styles.old}>{connectEndpoint(before)}</span> : null}
      {before ? <span aria-hidden>→</span> : null}
      <span className={styles.endpoint}>{connectEndpoint(rule)}</span>
      {extra}
    </span>
  );
};

export const RuleList = ({ rules, label, testId }: { rules: readonly ProxyRule[]; label: string; testId?: string }) => {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label} data-testid={testId}>
      {rules.map((rule) => (
        <li key={listenKey(rule)}>
          <RuleLine rule={rule} />
        </li>
      ))}
    </ul>
  );
};
