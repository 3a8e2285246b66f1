import { Caption1, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { RuleView } from '../../../shared/model';
import { listenKey } from '../../../shared/proxy-rules';
import { useAppStore } from '../../store/store-context';
import { useNow } from './use-now';
import { relativeTime, targetOf } from './wsl-view';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '2px', wordBreak: 'keep-all', overflowWrap: 'anywhere' },
  distro: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  waiting: { color: tokens.colorPaletteMarigoldForeground2 },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * The connect address of a rule, or, for a rule that follows a WSL distro (keyed by listen key), the
 * distro with the address it points at now and when it last moved; "waiting" while the distro is
 * stopped (the rule is kept as it is, never deleted).
 */
export const ConnectAddressCell = ({ rule }: { rule: RuleView }) => {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const target = useAppStore((s) => targetOf(s.wslStatus, listenKey(rule)));
  const now = useNow();
  if (!target) return <>{rule.connectAddress}</>;
  const distro = target.distro;
  const when = (iso: string) => relativeTime(iso, now, i18n.resolvedLanguage) ?? t('wsl.justNow');
  const common = { 'data-testid': 'rule-wsl-target', 'data-state': target.state, 'data-distro': distro };
  switch (target.state) {
    case 'following':
      return (
        <span className={styles.root} {...common}>
          <span>
            <span className={styles.distro}>{distro}</span> ({rule.connectAddress})
          </span>
          <Caption1 className={styles.muted}>
            {target.movedAt
              ? t('wsl.moved', { time: when(target.movedAt) })
              : t('wsl.added', { time: when(target.addedAt) })}
          </Caption1>
        </span>
      );
    case 'waiting':
      return (
        <Tooltip content={t('wsl.waitingHint', { distro, address: rule.connectAddress })} relationship="description">
          <span className={styles.root} tabIndex={0} {...common}>
            <span className={styles.waiting}>{t('wsl.waiting', { distro })}</span>
            <Caption1 className={styles.muted}>{rule.connectAddress}</Caption1>
          </span>
        </Tooltip>
      );
    case 'unreadable':
      return (
        <span className={styles.root} {...common}>
          <span className={styles.problem}>{t('wsl.unreadable', { distro })}</span>
          <Caption1 className={styles.muted}>
            {rule.connectAddress}
            {target.detail ? ` · ${target.detail}` : ''}
          </Caption1>
        </span>
      );
    case 'mirrored':
      return (
        <span className={styles.root} {...common}>
          <span>{t('wsl.mirroredTarget', { distro })}</span>
          <Caption1 className={styles.muted}>{rule.connectAddress}</Caption1>
        </span>
      );
  }
};
