import { Body1, Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  ArrowForward20Regular,
  PlugConnected20Regular,
  ShieldLock20Filled,
  Timer20Regular,
  Warning20Filled,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DoctorCause } from '../../../shared/model';
import { describeCause } from '../../lib/cause-wording';
import { criticalServiceOf } from '../../../shared/system-owners';
import { fixesFor, type DoctorFix } from '../../lib/doctor-fixes';
import { killRefusal } from '../../lib/owners';
import { useAppStore } from '../../store/store-context';
import { containersFor } from '../wsl/wsl-view';
import { FixButton } from './FixButton';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: tokens.strokeWidthThickest,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  system: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  administered: { borderLeftColor: tokens.colorBrandStroke1 },
  owned: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  forwarded: { borderLeftColor: tokens.colorPalettePurpleBorderActive },
  dynamic: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  icon: { flexShrink: 0, marginTop: '2px', color: tokens.colorNeutralForeground2 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  text: { overflowWrap: 'anywhere' },
  note: { color: tokens.colorNeutralForeground3 },
  title: { margin: 0 },
  fixes: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginTop: tokens.spacingVerticalXS },
});

type Tone = 'system' | 'administered' | 'owned' | 'forwarded' | 'dynamic';

const toneOf = (cause: DoctorCause): Tone =>
  cause.kind === 'excluded'
    ? cause.range.administered
      ? 'administered'
      : 'system'
    : cause.kind === 'dynamic-range'
      ? 'dynamic'
      : cause.kind;

const ICONS: Record<Tone, ReactElement> = {
  system: <Warning20Filled />,
  administered: <ShieldLock20Filled />,
  owned: <PlugConnected20Regular />,
  forwarded: <ArrowForward20Regular />,
  dynamic: <Timer20Regular />,
};

const TITLES = {
  system: 'doctor.kinds.excludedSystem',
  administered: 'doctor.kinds.excludedAdministered',
  owned: 'doctor.kinds.owned',
  forwarded: 'doctor.kinds.forwarded',
  dynamic: 'doctor.kinds.dynamicRange',
} as const satisfies Record<Tone, string>;

/** One cause in plain words with its fixes as buttons. */
export const CauseCard = ({
  cause,
  port,
  all,
  skip,
}: {
  cause: DoctorCause;
  port: number;
  /** Every cause of the answer (whether a protection covers both IP versions is decided over all). */
  all: readonly DoctorCause[];
  skip: (fix: DoctorFix) => boolean;
}) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const tone = toneOf(cause);
  const fixes = fixesFor(cause, port, all).filter((fix) => !skip(fix));
  const refusal = cause.kind === 'owned' ? killRefusal(cause.endpoint) : null;
  const noKill = refusal === 'no-process' ? null : refusal;
  // Docker's published port names its container: "redis-cache (6379→6379/tcp)".
  const docker = useAppStore((s) => s.docker);
  const containers = cause.kind === 'owned' ? containersFor(cause.endpoint, docker) : [];
  return (
    <li
      className={mergeClasses(styles.card, styles[tone])}
      data-testid="doctor-cause"
      data-kind={cause.kind}
      data-administered={cause.kind === 'excluded' ? String(cause.range.administered) : undefined}
      data-ip-versions={cause.ipVersions.join(' ')}
    >
      <span className={styles.icon} aria-hidden>
        {ICONS[tone]}
      </span>
      <div className={styles.body}>
        <Subtitle2 as="h3" className={styles.title}>
          {t(TITLES[tone])}
        </Subtitle2>
        <Body1 className={styles.text}>{describeCause(t, cause, port, all)}</Body1>
        {containers.length > 0 ? (
          <Body1 className={styles.text} data-testid="doctor-container">
            {t('docker.publishes', { containers: containers.join(', ') })}
          </Body1>
        ) : null}
        {cause.kind === 'dynamic-range' ? <Caption1 className={styles.note}>{t('doctor.dynamicNote')}</Caption1> : null}
        {noKill ? (
          <Caption1 className={styles.note} data-testid="doctor-no-kill">
            {t(`owners.refusal.${noKill}`, {
              image: cause.kind === 'owned' ? (cause.endpoint.image ?? '') : '',
              service: cause.kind === 'owned' ? (criticalServiceOf(cause.endpoint.services) ?? '') : '',
            })}
          </Caption1>
        ) : null}
        <div className={styles.fixes}>
          {fixes.map((fix, index) => (
            <FixButton key={fix.kind} fix={fix} primary={index === 0} />
          ))}
        </div>
      </div>
    </li>
  );
};
