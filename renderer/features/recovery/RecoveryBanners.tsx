import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Card,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowUndo20Regular,
  Checkmark20Regular,
  Dismiss20Regular,
  HistoryDismiss24Regular,
} from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { RecoveryAction, UnfinishedChange } from '../../../shared/model';
import { ChangeButton } from '../../components/ChangeButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ProgressNote } from '../../components/ProgressNote';
import { ReportHead, StepList } from '../../components/ReportParts';
import { useAppStore } from '../../store/store-context';
import type { RecoveredChange } from '../../store/types';
import {
  describeChoices,
  describeDetails,
  describeProgress,
  describeWhat,
  type ChangeDetails,
} from './describe-change';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    // Calm but not missable: a warning edge, the page's own card surface.
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorStatusWarningBorderActive}`,
  },
  head: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  icon: { color: tokens.colorStatusWarningForeground3, flexShrink: 0, marginTop: '2px' },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  what: { overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  report: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  lines: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    fontVariantNumeric: 'tabular-nums',
    overflowWrap: 'anywhere',
  },
  outcomeBody: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalS,
  },
});

const Lines = ({ title, lines, testId }: { title: string; lines: readonly string[] | null; testId?: string }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div data-testid={testId}>
      <Body1Strong block>{title}</Body1Strong>
      {lines === null ? (
        <Caption1 block>{t('recovery.unreadableNow')}</Caption1>
      ) : lines.length === 0 ? (
        <Caption1 block>{t('recovery.none')}</Caption1>
      ) : (
        <ul className={styles.lines} aria-label={title}>
          {lines.map((line, index) => (
            <li key={`${line}-${index}`}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
};

const DetailsView = ({ details }: { details: ChangeDetails }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.panel}>
      {details.hint ? <Caption1 className={styles.muted}>{details.hint}</Caption1> : null}
      <div className={styles.columns}>
        <Lines title={t('recovery.before')} lines={details.before} testId="recovery-before" />
        <Lines title={t('recovery.intended')} lines={details.intended} testId="recovery-intended" />
        <Lines title={t('recovery.now')} lines={details.now} testId="recovery-now" />
      </div>
      {details.extra.map((section) => (
        <Lines key={section.title} title={section.title} lines={section.lines} />
      ))}
    </div>
  );
};

const ACTION_LABEL = { finish: 'recovery.finish', 'roll-back': 'recovery.rollBack' } as const satisfies Record<
  RecoveryAction,
  string
>;
const RUNNING_LABEL = { finish: 'recovery.finishing', 'roll-back': 'recovery.rollingBack' } as const satisfies Record<
  RecoveryAction,
  string
>;

const InterruptedChangeCard = ({ change }: { change: UnfinishedChange }) => {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const recovery = useAppStore((s) => s.recoveries[change.id]);
  const resolve = useAppStore((s) => s.resolveUnfinishedChange);
  const anyRecoveryRunning = useAppStore((s) => Object.values(s.recoveries).some((r) => r.status === 'running'));
  const titleId = `recovery-title-${change.id}`;
  // Local time, in the UI language (the journal stores ISO UTC).
  const started = new Date(change.startedAt).toLocaleString(i18n.language);
  // The recommended way out first, as the primary button; only the ways the main process offers.
  const actions = [...change.actions].sort(
    (a, b) => Number(b === change.recommended) - Number(a === change.recommended),
  );
  const running = recovery?.status === 'running';

  return (
    <Card
      className={styles.card}
      role="region"
      aria-labelledby={titleId}
      data-testid="recovery-banner"
      data-operation={change.operation}
      data-progress={change.progress}
    >
      <div className={styles.head}>
        <HistoryDismiss24Regular className={styles.icon} aria-hidden />
        <div className={styles.text}>
          <Subtitle2 as="h2" id={titleId}>
            {t('recovery.title')}
          </Subtitle2>
          <Body1Strong className={styles.what} data-testid="recovery-what">
            {describeWhat(t, change)}
          </Body1Strong>
          <Caption1 className={styles.muted}>
            <time dateTime={change.startedAt}>{t('recovery.startedAt', { time: started })}</time>
          </Caption1>
          <Body1 data-testid="recovery-progress">{describeProgress(t, change)}</Body1>
          <Caption1 className={styles.muted}>{describeChoices(t, change.intent)}</Caption1>
        </div>
      </div>

      <Accordion collapsible>
        <AccordionItem value="details">
          <AccordionHeader size="small" data-testid="recovery-details">
            {t('recovery.details')}
          </AccordionHeader>
          <AccordionPanel>
            <DetailsView details={describeDetails(t, change)} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>

      {recovery?.status === 'failed' ? <ErrorMessage error={recovery.error} title={t('recovery.failedTitle')} /> : null}
      {recovery?.status === 'done' ? (
        <div
          className={styles.report}
          data-testid="recovery-report"
          data-outcome={recovery.report.outcome}
          role="status"
        >
          <Body1Strong>{t('recovery.failedTitle')}</Body1Strong>
          <ReportHead
            outcome={recovery.report.outcome}
            message={recovery.report.message}
            steps={recovery.report.steps}
          />
          <StepList steps={recovery.report.steps} />
        </div>
      ) : null}

      <div className={styles.actions}>
        {actions.map((action) => (
          <ChangeButton
            key={action}
            appearance={action === change.recommended ? 'primary' : 'secondary'}
            icon={action === 'finish' ? <Checkmark20Regular /> : <ArrowUndo20Regular />}
            data-testid={`recovery-${action}`}
            data-recommended={action === change.recommended}
            unavailableReason={anyRecoveryRunning ? t('elevation.busyReason') : null}
            disabled={running}
            onClick={() => void resolve(change.id, action)}
          >
            {t(ACTION_LABEL[action])}
          </ChangeButton>
        ))}
        {running ? <ProgressNote label={t(RUNNING_LABEL[recovery.action])} /> : null}
      </div>
    </Card>
  );
};

const RecoveredNote = ({ recovered }: { recovered: RecoveredChange }) => {
  const { t } = useTranslation();
  const dismiss = useAppStore((s) => s.dismissRecovered);
  const styles = useStyles();
  const { change, action, report } = recovered;
  return (
    <MessageBar
      intent="success"
      layout="multiline"
      data-testid="recovery-outcome"
      data-outcome={report.outcome}
      data-action={action}
    >
      <MessageBarBody className={styles.outcomeBody}>
        <MessageBarTitle>
          {t(action === 'finish' ? 'recovery.finishedTitle' : 'recovery.rolledBackTitle')}
        </MessageBarTitle>
        <Body1Strong block className={styles.what}>
          {describeWhat(t, change)}
        </Body1Strong>
        {/* The main process's English sentence says the same as the title: only the translated title, then the steps. */}
        <StepList steps={report.steps} />
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            icon={<Dismiss20Regular />}
            aria-label={t('common.dismiss')}
            onClick={() => dismiss(change.id)}
          />
        }
      />
    </MessageBar>
  );
};

/** One card per interrupted change at the top of the window, and a note per change resolved this session. */
export const RecoveryBanners = () => {
  const { t } = useTranslation();
  const styles = useStyles();
  const unfinished = useAppStore((s) => s.unfinished);
  const recovered = useAppStore((s) => s.recovered);
  if ((unfinished?.length ?? 0) === 0 && recovered.length === 0) return null;
  return (
    <section className={styles.list} aria-label={t('recovery.regionLabel')}>
      {unfinished?.map((change) => (
        <InterruptedChangeCard key={change.id} change={change} />
      ))}
      {recovered.map((entry) => (
        <RecoveredNote key={entry.change.id} recovered={entry} />
      ))}
    </section>
  );
};
