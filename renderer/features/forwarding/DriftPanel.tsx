import {
  Badge,
  Body1,
  Caption1,
  Card,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, ArrowUndo20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { DriftKind, ProxyRule, RuleDrift } from '../../../shared/model';
import { ChangeButton } from '../../components/ChangeButton';
import { connectEndpoint, listenEndpoint } from '../../lib/rules';
import { useAppStore } from '../../store/store-context';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  title: { margin: 0 },
  intro: { color: tokens.colorNeutralForeground2, wordBreak: 'keep-all', overflowWrap: 'anywhere' },
  wrap: { overflowX: 'auto' },
  // Columns size to their content, as in the rules table: the buttons are never clipped.
  table: { tableLayout: 'auto', width: '100%' },
  mono: { fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' },
  absent: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, whiteSpace: 'nowrap', justifyContent: 'flex-end' },
  actionCell: { width: '1%', whiteSpace: 'nowrap' },
});

const TONE: Record<DriftKind, 'informative' | 'warning' | 'danger'> = {
  'windows-only': 'informative',
  'portwarden-only': 'warning',
  different: 'danger',
};

/**
 * Drift (issue #11): Windows' rules against the rules Portwarden knows (rule-book.ts says what that
 * is). Adopt records Windows' state; Restore puts Portwarden's version back, after a confirmation.
 */
export const DriftPanel = () => {
  const { t } = useTranslation();
  const styles = useStyles();
  const book = useAppStore((s) => s.rulesView?.book ?? s.ruleBook);
  const adoptDrift = useAppStore((s) => s.adoptDrift);
  const openDialog = useAppStore((s) => s.openDialog);
  const adopting = useAppStore((s) => s.operations['adopt-drift'].status === 'running');
  if (!book || book.error !== undefined) return null;
  const drift = book.drift;
  // Nothing to act on: a single quiet line, so the view does not grow a second table for nothing.
  if (drift !== null && drift.length === 0)
    return (
      <Caption1 className={styles.intro} data-testid="drift-none">
        {t('drift.none')}
      </Caption1>
    );

  const side = (rule: ProxyRule | null) =>
    rule ? (
      <span className={styles.mono}>{connectEndpoint(rule)}</span>
    ) : (
      <span className={styles.absent}>{t('drift.absent')}</span>
    );

  return (
    <Card className={styles.card} data-testid="drift-panel">
      <Subtitle2 as="h2" className={styles.title}>
        {t('drift.title')}
      </Subtitle2>
      <Caption1 className={styles.intro}>{t('drift.intro')}</Caption1>
      {drift === null ? (
        <Body1>{t('drift.unreadable')}</Body1>
      ) : (
        <div className={styles.wrap}>
          <Table size="small" aria-label={t('drift.title')} className={styles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('drift.kind')}</TableHeaderCell>
                <TableHeaderCell>{t('drift.listen')}</TableHeaderCell>
                <TableHeaderCell>{t('drift.windows')}</TableHeaderCell>
                <TableHeaderCell>{t('drift.portwarden')}</TableHeaderCell>
                <TableHeaderCell className={styles.actionCell} />
              </TableRow>
            </TableHeader>
            <TableBody>
              {drift.map((row: RuleDrift) => {
                const rule = (row.windows ?? row.portwarden) as ProxyRule;
                const listen = listenEndpoint(rule);
                return (
                  <TableRow
                    key={row.listenKey}
                    data-testid="drift-row"
                    data-kind={row.kind}
                    data-listen={`${rule.listenAddress}:${rule.listenPort}`}
                  >
                    <TableCell>
                      <Badge appearance="tint" color={TONE[row.kind]} data-testid="drift-kind">
                        {t(`drift.${row.kind}`)}
                      </Badge>
                    </TableCell>
                    <TableCell className={styles.mono}>
                      {listen} <Caption1 className={styles.absent}>{rule.type}</Caption1>
                    </TableCell>
                    <TableCell>{side(row.windows)}</TableCell>
                    <TableCell>{side(row.portwarden)}</TableCell>
                    <TableCell className={styles.actionCell}>
                      <span className={styles.actions}>
                        <ChangeButton
                          size="small"
                          icon={<ArrowDownload20Regular />}
                          hint={t('drift.adoptLabel', { listen })}
                          aria-label={t('drift.adoptLabel', { listen })}
                          disabled={adopting}
                          onClick={() => void adoptDrift(row)}
                          data-testid="drift-adopt"
                        >
                          {t('drift.adopt')}
                        </ChangeButton>
                        <ChangeButton
                          size="small"
                          icon={<ArrowUndo20Regular />}
                          hint={t('drift.restoreLabel', { listen })}
                          aria-label={t('drift.restoreLabel', { listen })}
                          onClick={() => openDialog({ kind: 'restore-drift', drift: row })}
                          data-testid="drift-restore"
                        >
                          {t('drift.restore')}
                        </ChangeButton>
                      </span>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </Card>
  );
};
