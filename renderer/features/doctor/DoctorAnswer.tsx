import { Caption1, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, ShieldLock20Filled } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { DoctorReport } from '../../../shared/model';
import { fixesFor, type DoctorFix } from '../../lib/doctor-fixes';
import { portStatus } from '../../../shared/port-verdict';
import { useEffect } from 'react';
import { useAppStore } from '../../store/store-context';
import { MirroredCauseCard } from '../wsl/MirroredCauseCard';
import { CauseCard } from './CauseCard';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  time: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  free: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorPaletteGreenForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  freeDetail: { color: tokens.colorNeutralForeground2 },
  title: { margin: 0 },
});

/**
 * Restart WinNAT and the dynamic range reset act on the whole machine: IPv4 and IPv6 causes would show
 * the same button twice, so it goes on the first card only.
 */
const onceOnly = (fix: DoctorFix): boolean => fix.kind === 'restart-winnat' || fix.kind === 'reset-dynamic';
const firstCauseWith = (report: DoctorReport, kind: DoctorFix['kind']): number =>
  report.causes.findIndex((cause) => fixesFor(cause, report.port, report.causes).some((fix) => fix.kind === kind));

/** The report: one card per cause, or the green "free", with a warning when some tables were unreadable. */
export const DoctorAnswer = ({ report }: { report: DoctorReport }) => {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  // The same word the watch list and the tray show (shared/port-verdict.ts).
  const status = portStatus(report);
  const usable = status === 'free' || status === 'protected';
  const wslStatus = useAppStore((s) => s.wslStatus);
  const mirrored = wslStatus?.networking.mode === 'mirrored' ? wslStatus : null;
  const loadWslStatus = useAppStore((s) => s.loadWslStatus);
  const loadContainers = useAppStore((s) => s.loadContainers);
  const dockerOwned = report.causes.some(
    (cause) => cause.kind === 'owned' && (cause.endpoint.owner === 'docker' || cause.endpoint.owner === 'wsl-relay'),
  );
  // Each answer reads WSL's mode (mirrored shares the port space) and, for Docker's ports, the containers.
  useEffect(() => {
    void loadWslStatus();
    if (dockerOwned) void loadContainers();
  }, [report.checkedAt, dockerOwned, loadWslStatus, loadContainers]);
  return (
    <div className={styles.root}>
      <div className={styles.head}>
        <Subtitle2 as="h3" className={styles.title}>
          {t('doctor.answer', { port: report.port, protocol: report.protocol.toUpperCase() })}
        </Subtitle2>
        <Caption1 className={styles.time}>
          {t('doctor.checkedAt', { time: new Date(report.checkedAt).toLocaleTimeString(i18n.resolvedLanguage) })}
        </Caption1>
      </div>
      {report.unreadable.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="doctor-unreadable">
          <MessageBarBody>{t('doctor.unreadable', { families: report.unreadable.join(', ') })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {usable ? (
        <div>
          <span className={styles.free} data-testid="doctor-free" data-status={status}>
            {status === 'protected' ? <ShieldLock20Filled aria-hidden /> : <CheckmarkCircle20Filled aria-hidden />}
            {t(status === 'protected' ? 'doctor.protected' : 'doctor.free', { port: report.port })}
          </span>
          <Caption1 className={styles.freeDetail}>
            {status === 'protected'
              ? t('doctor.protectedDetail')
              : t(report.causes.length === 0 ? 'doctor.freeDetail' : 'doctor.freeWithNotes')}
          </Caption1>
        </div>
      ) : null}
      {report.causes.length === 0 && mirrored === null ? null : (
        <ul className={styles.list}>
          {report.causes.map((cause, index) => (
            <CauseCard
              key={`${cause.kind}-${index}`}
              cause={cause}
              port={report.port}
              all={report.causes}
              skip={(fix) => onceOnly(fix) && firstCauseWith(report, fix.kind) !== index}
            />
          ))}
          {mirrored ? <MirroredCauseCard report={report} status={mirrored} /> : null}
        </ul>
      )}
    </div>
  );
};
