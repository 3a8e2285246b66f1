import { Body1, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { Share20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { DoctorReport, WslStatus } from '../../../shared/model';
import { processLabel } from '../../lib/cause-wording';
import { CopyButton } from '../../components/CopyButton';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: tokens.strokeWidthThickest,
    borderLeftColor: tokens.colorPaletteBlueBorderActive,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  icon: { flexShrink: 0, marginTop: '2px', color: tokens.colorNeutralForeground2 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  text: { wordBreak: 'keep-all', overflowWrap: 'anywhere' },
  title: { margin: 0 },
  command: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  commandText: {
    margin: 0,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-wrap',
  },
});

/**
 * Mirrored networking as its own cause: Windows and WSL share one port space, so a server inside a
 * running distro holds the port for Windows as well, and Windows' netstat does not list it. What
 * Windows itself shows (a process, a reservation) stays on the other cards; this one says where else
 * to look, with the command to run inside WSL (shown to copy; Portwarden runs nothing in a distro).
 */
export const MirroredCauseCard = ({ report, status }: { report: DoctorReport; status: WslStatus }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const running = status.distros.filter((d) => d.state === 'running').map((d) => d.name);
  const flag = report.protocol === 'udp' ? '-ulnp' : '-tlnp';
  const command = `ss ${flag} 'sport = :${report.port}'`;
  const held = report.causes.find((cause) => cause.kind === 'owned');
  return (
    <li className={styles.card} data-testid="doctor-cause" data-kind="wsl-mirrored">
      <span className={styles.icon} aria-hidden>
        <Share20Regular />
      </span>
      <div className={styles.body}>
        <Subtitle2 as="h3" className={styles.title}>
          {t('wsl.doctorTitle')}
        </Subtitle2>
        <Body1 className={styles.text}>
          {running.length > 0
            ? t('wsl.doctorBody', { distros: running.join(', '), port: report.port })
            : t('wsl.doctorBodyNoneRunning', { port: report.port })}
        </Body1>
        {running.length > 0 ? (
          <span className={styles.command}>
            <code className={styles.commandText} data-testid="doctor-wsl-command">
              {command}
            </code>
            <CopyButton
              size="small"
              iconOnly
              label={t('wsl.copyCommand')}
              aria-label={t('wsl.copyCommand')}
              text={() => command}
            />
          </span>
        ) : null}
        {held && held.kind === 'owned' ? (
          <Caption1 className={styles.text}>
            {t('wsl.doctorHeld', { owner: processLabel(t, held.endpoint), port: report.port })}
          </Caption1>
        ) : null}
      </div>
    </li>
  );
};
