import {
  Body1,
  Button,
  Caption1,
  Card,
  Field,
  Input,
  Select,
  Subtitle1,
  Switch,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, Filter20Regular, Pause20Regular, Play20Regular } from '@fluentui/react-icons';
import { memo, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ownerExplanation } from '../../lib/cause-wording';
import { ownersCsv } from '../../lib/owners';
import { saveTextFile } from '../../lib/save-file';
import { OWNER_COLUMNS } from '../../lib/owners-rows';
import { useAppStore } from '../../store/store-context';
import { OWNERS_INTERVALS, type OwnersInterval } from '../../store/types';
import { createFilterText } from './filter-text';
import { OWNERS_NARROW, OwnersTable } from './OwnersTable';
import { useMediaQuery } from './use-media-query';
import { useOwnersPolling } from './use-owners-polling';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  head: {
    display: 'flex',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    flexWrap: 'wrap',
  },
  title: { margin: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
  toolbar: {
    display: 'flex',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    flexWrap: 'wrap',
    [OWNERS_NARROW]: { columnGap: tokens.spacingHorizontalS },
  },
  filter: { width: 'min(240px, 100%)' },
  interval: { width: '96px' },
  spacer: { flexGrow: 1 },
  note: { color: tokens.colorNeutralForeground3 },
});

/** The Port owners tab: who holds which port, refreshed while it is on screen. */
export const OwnersView = ({ searchRef }: { searchRef: Ref<HTMLInputElement> }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const paused = useAppStore((s) => s.ownersPaused);
  useOwnersPolling();

  return (
    <section aria-labelledby="owners-title" data-testid="owners-view">
      <Card className={styles.card}>
        <div className={styles.head}>
          <Subtitle1 as="h2" id="owners-title" className={styles.title}>
            {t('owners.title')}
          </Subtitle1>
          {/* Beside the title, not under it: one line less above the table (issue #11). */}
          <Caption1 className={styles.intro}>{t('owners.intro')}</Caption1>
          {paused ? <Caption1 className={styles.note}>{t('owners.paused')}</Caption1> : null}
        </div>
        <OwnersBody searchRef={searchRef} />
      </Card>
    </section>
  );
};

/** The toolbar and the table, with the filter's text that the one writes and the other's rows read. */
const OwnersBody = ({ searchRef }: { searchRef: Ref<HTMLInputElement> }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const ownersView = useAppStore((s) => s.ownersView);
  const ownersError = useAppStore((s) => s.ownersError);
  const added = useAppStore((s) => s.ownersAdded);
  const removed = useAppStore((s) => s.ownersRemoved);
  const [filter] = useState(createFilterText);

  return (
    <>
      <OwnersToolbar searchRef={searchRef} onFilter={filter.set} />
      {ownersView === null && ownersError !== null ? (
        <ErrorMessage error={ownersError} title={t('errors.title')} />
      ) : null}
      {ownersView === null && ownersError === null ? <Body1>{t('owners.loading')}</Body1> : null}
      {ownersView !== null ? (
        <>
          <OwnersTable endpoints={ownersView.endpoints} added={added} removed={removed} filter={filter} />
          {/* The legend of the highlights, while there are any: a line the rows get back otherwise (issue #11). */}
          {added.size > 0 || removed.length > 0 ? (
            <Caption1 className={styles.note} data-testid="owners-diff-note">
              {t('owners.diffNote')}
            </Caption1>
          ) : null}
        </>
      ) : null}
    </>
  );
};

/**
 * The filter box and the controls, memoized: nothing here changes with a keystroke. The box keeps its
 * own text (Fluent's Input holds it when given no value) and reports each change to the filter's text,
 * which only the table's rows read (filter-text.ts); a box bound to React state re-rendered the view's
 * body, its field and label at every keystroke for nothing (issue #13).
 */
const OwnersToolbar = memo(
  ({ searchRef, onFilter }: { searchRef: Ref<HTMLInputElement>; onFilter: (text: string) => void }) => {
    const { t } = useTranslation();
    const styles = useStyles();
    return (
      <div className={styles.toolbar} role="toolbar" aria-label={t('owners.actions')}>
        <Field className={styles.filter} label={t('owners.filter')}>
          <Input
            ref={searchRef}
            type="search"
            contentBefore={<Filter20Regular />}
            placeholder={t('owners.filterPlaceholder')}
            defaultValue=""
            onChange={(_, data) => onFilter(data.value)}
            autoComplete="off"
            spellCheck={false}
            data-testid="owners-filter"
          />
        </Field>
        <OwnersControls />
      </div>
    );
  },
);
OwnersToolbar.displayName = 'OwnersToolbar';

/**
 * The toolbar's controls after the filter box (two switches with tooltips, a select, three buttons),
 * memoized: they re-render for the store values they read, not with the toolbar.
 */
const OwnersControls = memo(() => {
  const { t } = useTranslation();
  const styles = useStyles();
  const ownersView = useAppStore((s) => s.ownersView);
  const allStates = useAppStore((s) => s.ownersAllStates);
  const interval = useAppStore((s) => s.ownersInterval);
  const paused = useAppStore((s) => s.ownersPaused);
  const setAllStates = useAppStore((s) => s.setOwnersAllStates);
  const setInterval = useAppStore((s) => s.setOwnersRefreshInterval);
  const pause = useAppStore((s) => s.pauseOwnersRefresh);
  const lookup = useAppStore((s) => s.ownersLookup);
  const setLookup = useAppStore((s) => s.setOwnersLookup);
  // In a narrow window the CSV buttons keep their icons and give their words to a tooltip, so the
  // toolbar stays one line and the table gets the height (issue #11).
  const narrow = useMediaQuery(OWNERS_NARROW.replace('@media ', ''));

  const csv = () => {
    // The CSV has the table's columns, in the table's order.
    const headers = OWNER_COLUMNS;
    return ownersCsv(
      ownersView?.endpoints ?? [],
      headers.map((key) => t(`owners.${key}`)),
      (endpoint) => ownerExplanation(t, endpoint),
    );
  };

  const exportLabel = t('owners.exportCsv');
  const exportButton = (
    <Button
      icon={<ArrowDownload20Regular />}
      disabled={ownersView === null}
      onClick={() => saveTextFile(`port-owners-${new Date().toISOString().slice(0, 10)}.csv`, csv(), 'text/csv')}
      data-testid="owners-export"
    >
      {narrow ? undefined : exportLabel}
    </Button>
  );
  return (
    <>
      <Tooltip content={t('owners.allStatesHint')} relationship="description">
        <Switch
          label={t('owners.allStates')}
          checked={allStates}
          onChange={(_, data) => void setAllStates(data.checked)}
          data-testid="owners-all-states"
        />
      </Tooltip>
      {/* Off by default: a PTR query tells the DNS server which hosts this machine talks to. */}
      <Tooltip content={t('owners.lookupHint')} relationship="description">
        <Switch
          label={t('owners.lookup')}
          checked={lookup}
          onChange={(_, data) => setLookup(data.checked)}
          data-testid="owners-lookup"
        />
      </Tooltip>
      <Field label={t('owners.refreshEvery')}>
        <Select
          className={styles.interval}
          value={String(interval)}
          onChange={(_, data) => setInterval(Number(data.value) as OwnersInterval)}
          data-testid="owners-interval"
        >
          {OWNERS_INTERVALS.map((ms) => (
            <option key={ms} value={ms}>
              {t('owners.seconds', { count: ms / 1000 })}
            </option>
          ))}
        </Select>
      </Field>
      <Button
        icon={paused ? <Play20Regular /> : <Pause20Regular />}
        onClick={() => pause(!paused)}
        aria-pressed={paused}
        data-testid="owners-pause"
      >
        {paused ? t('owners.resume') : t('owners.pause')}
      </Button>
      <span className={styles.spacer} />
      {narrow ? (
        <Tooltip content={exportLabel} relationship="label">
          {exportButton}
        </Tooltip>
      ) : (
        exportButton
      )}
      <CopyButton
        label={t('owners.copyCsv')}
        iconOnly={narrow}
        text={csv}
        disabled={ownersView === null}
        data-testid="owners-copy"
      />
    </>
  );
});
OwnersControls.displayName = 'OwnersControls';
