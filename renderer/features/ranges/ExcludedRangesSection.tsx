import { Body1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { PROTOCOL_FAMILIES } from '../../../shared/model';
import { ErrorMessage } from '../../components/ErrorMessage';
import { familyKey, sameFamily } from '../../lib/families';
import { filterRanges, type PortVerdict } from '../../lib/port-verdict';
import { useAppStore } from '../../store/store-context';
import { FamilyRangeTable } from './FamilyRangeTable';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // 2x2 on wide windows, stacked on narrow: each table needs ~430px to show every column untruncated.
  grid: {
    display: 'grid',
    gap: tokens.spacingHorizontalM,
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    '@media (max-width: 899px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
});

export const ExcludedRangesSection = ({ verdict }: { verdict: PortVerdict }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const snapshot = useAppStore((s) => s.snapshot);
  const snapshotError = useAppStore((s) => s.snapshotError);
  const port = verdict.kind === 'checked' ? verdict.port : null;

  return (
    <section className={styles.section} aria-labelledby="ranges-title">
      <Subtitle1 as="h2" id="ranges-title">
        {t('ranges.title')}
      </Subtitle1>
      {snapshot === null && snapshotError !== null ? (
        <ErrorMessage error={snapshotError} title={t('errors.title')} />
      ) : null}
      {snapshot === null && snapshotError === null ? <Body1>{t('app.loading')}</Body1> : null}
      {snapshot !== null ? (
        <div className={styles.grid}>
          {PROTOCOL_FAMILIES.map((family) => {
            // A family missing from the snapshot shows as an empty table rather than disappearing.
            const table = snapshot.excluded.find((candidate) => sameFamily(candidate, family)) ?? {
              ...family,
              ranges: [],
            };
            return (
              <FamilyRangeTable
                key={familyKey(family)}
                table={table}
                ranges={filterRanges(table.ranges, verdict)}
                port={port}
              />
            );
          })}
        </div>
      ) : null}
    </section>
  );
};
