import {
  Body1,
  Card,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowReset20Regular, CheckmarkCircle16Filled, Warning16Filled } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { PROTOCOL_FAMILIES } from '../../../shared/model';
import { ChangeButton } from '../../components/ChangeButton';
import { familyKey, familyLabel, lastPort, sameFamily } from '../../lib/families';
import { useAppStore } from '../../store/store-context';
import { isRiskyDynamicRange } from './dynamic-risk';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  head: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
  },
  table: { tableLayout: 'auto', width: '100%' },
  numeric: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  // The header cell lays its content out in a flex 'button' slot: align that, not the cell.
  numericHeader: { justifyContent: 'flex-end', textAlign: 'right' },
  nowrap: { whiteSpace: 'nowrap' },
  state: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, whiteSpace: 'nowrap' },
  risky: { color: tokens.colorPaletteDarkOrangeForeground1 },
  ok: { color: tokens.colorPaletteGreenForeground1 },
});

/** The dynamic port range per family, flagging the start-below-49152 case that puts WinNAT over dev ports. */
export const DynamicCard = () => {
  const { t } = useTranslation();
  const styles = useStyles();
  const snapshot = useAppStore((s) => s.snapshot);
  const resetOperation = useAppStore((s) => s.operations.reset);
  const openDialog = useAppStore((s) => s.openDialog);
  const dynamic = snapshot?.dynamic ?? [];
  const anyRisky = dynamic.some(isRiskyDynamicRange);
  const rebootNeeded = resetOperation.status === 'done' && resetOperation.report.outcome !== 'not-applied';

  return (
    <Card className={styles.card} data-testid="dynamic-card" role="region" aria-labelledby="dynamic-title">
      <div className={styles.head}>
        <Subtitle1 as="h2" id="dynamic-title">
          {t('dynamic.title')}
        </Subtitle1>
        <ChangeButton
          icon={<ArrowReset20Regular />}
          data-testid="dynamic-reset-open"
          onClick={() => openDialog({ kind: 'reset' })}
        >
          {t('dynamic.resetOpen')}
        </ChangeButton>
      </div>
      <Body1>{t('dynamic.intro')}</Body1>
      {anyRisky ? (
        <MessageBar intent="warning" layout="multiline" data-testid="dynamic-risk">
          <MessageBarBody>{t('dynamic.riskyExplain')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {rebootNeeded ? (
        <MessageBar intent="info" layout="multiline" data-testid="dynamic-reboot-needed">
          <MessageBarBody>{t('dynamic.rebootNeeded')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {snapshot !== null && dynamic.length === 0 ? <Body1>{t('dynamic.unread')}</Body1> : null}
      {dynamic.length > 0 ? (
        <Table size="small" aria-labelledby="dynamic-title" className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('dynamic.family')}</TableHeaderCell>
              <TableHeaderCell button={{ className: styles.numericHeader }}>{t('dynamic.start')}</TableHeaderCell>
              <TableHeaderCell button={{ className: styles.numericHeader }}>{t('dynamic.count')}</TableHeaderCell>
              <TableHeaderCell button={{ className: styles.numericHeader }}>{t('dynamic.last')}</TableHeaderCell>
              <TableHeaderCell>{t('dynamic.state')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {PROTOCOL_FAMILIES.map((family) => {
              const range = dynamic.find((candidate) => sameFamily(candidate, family));
              if (!range) return null;
              const risky = isRiskyDynamicRange(range);
              return (
                <TableRow key={familyKey(family)} data-risky={risky}>
                  <TableCell className={styles.nowrap}>{familyLabel(family)}</TableCell>
                  <TableCell className={styles.numeric}>{range.start}</TableCell>
                  <TableCell className={styles.numeric}>{range.count}</TableCell>
                  <TableCell className={styles.numeric}>{lastPort(range.start, range.count)}</TableCell>
                  <TableCell>
                    {risky ? (
                      <span className={mergeClasses(styles.state, styles.risky)}>
                        <Warning16Filled aria-hidden />
                        {t('dynamic.risky')}
                      </span>
                    ) : (
                      <span className={mergeClasses(styles.state, styles.ok)}>
                        <CheckmarkCircle16Filled aria-hidden />
                        {t('dynamic.default')}
                      </span>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      ) : null}
    </Card>
  );
};
