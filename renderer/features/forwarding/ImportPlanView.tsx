import { Badge, Body1, Body1Strong, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProxyRule } from '../../../shared/model';
import { listenKey, type RulePlan } from '../../../shared/proxy-rules';
import { RuleLine } from './RuleList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  counts: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    maxHeight: '160px',
    overflowY: 'auto',
  },
});

const Group = ({
  title,
  kind,
  children,
  count,
}: {
  title: string;
  kind: string;
  children: ReactNode;
  count: number;
}) => {
  const styles = useStyles();
  if (count === 0) return null;
  return (
    <div className={styles.group} data-plan={kind}>
      <Body1Strong>
        {title} ({count})
      </Body1Strong>
      <ul className={styles.list} aria-label={title}>
        {children}
      </ul>
    </div>
  );
};

/** The file's firewall flags next to the plan: which listen ports it asks to open, and what the user chose. */
export interface ImportFirewall {
  /** Listen ports of the file's rows with `"firewall": true`. */
  readonly ports: readonly number[];
  /** Ports on which Portwarden's firewall rule exists already (nothing to add). */
  readonly existing: ReadonlySet<number>;
  /** The user ticked "Also add the firewall rules". */
  readonly confirmed: boolean;
}

/** Per rule: gets a firewall rule, has one already, or the file asked for one the user did not confirm. */
const FirewallMark = ({ rule, firewall }: { rule: ProxyRule; firewall: ImportFirewall | undefined }) => {
  const { t } = useTranslation();
  if (!firewall?.ports.includes(rule.listenPort)) return null;
  if (firewall.existing.has(rule.listenPort))
    return (
      <Badge appearance="outline" color="informative" data-firewall="exists">
        {t('importRules.firewallExists')}
      </Badge>
    );
  return firewall.confirmed ? (
    <Badge appearance="filled" color="brand" data-firewall="add">
      {t('importRules.firewallWillAdd')}
    </Badge>
  ) : (
    <Badge appearance="outline" color="subtle" data-firewall="skipped">
      {t('importRules.firewallSkipped')}
    </Badge>
  );
};

/** The difference an import makes, computed with the same planRuleSet the main process applies. */
export const ImportPlanView = ({ plan, firewall }: { plan: RulePlan; firewall?: ImportFirewall }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const mark = (rule: ProxyRule) => <FirewallMark rule={rule} firewall={firewall} />;
  const empty = plan.add.length + plan.replace.length + plan.remove.length === 0;
  return (
    <section className={styles.root} aria-label={t('importRules.previewTitle')} data-testid="import-plan">
      <Body1Strong>{t('importRules.previewTitle')}</Body1Strong>
      <div className={styles.counts}>
        <Badge appearance="tint" color="success">{`${t('importRules.add')}: ${plan.add.length}`}</Badge>
        <Badge appearance="tint" color="warning">{`${t('importRules.replaceRow')}: ${plan.replace.length}`}</Badge>
        <Badge appearance="tint" color="danger">{`${t('importRules.remove')}: ${plan.remove.length}`}</Badge>
        <Badge appearance="tint" color="informative">{`${t('importRules.unchanged')}: ${plan.unchanged.length}`}</Badge>
      </div>
      {empty ? <Body1>{t('importRules.nothing')}</Body1> : null}
      <Group title={t('importRules.add')} kind="add" count={plan.add.length}>
        {plan.add.map((rule) => (
          <li key={listenKey(rule)}>
            <RuleLine rule={rule} extra={mark(rule)} />
          </li>
        ))}
      </Group>
      <Group title={t('importRules.replaceRow')} kind="replace" count={plan.replace.length}>
        {plan.replace.map(({ before, after }) => (
          <li key={listenKey(after)}>
            <RuleLine rule={after} before={before} extra={mark(after)} />
          </li>
        ))}
      </Group>
      <Group title={t('importRules.remove')} kind="remove" count={plan.remove.length}>
        {plan.remove.map((rule) => (
          <li key={listenKey(rule)}>
            <RuleLine rule={rule} />
          </li>
        ))}
      </Group>
      <Group title={t('importRules.unchanged')} kind="unchanged" count={plan.unchanged.length}>
        {plan.unchanged.map((rule) => (
          <li key={listenKey(rule)}>
            <RuleLine rule={rule} extra={mark(rule)} />
          </li>
        ))}
      </Group>
    </section>
  );
};
