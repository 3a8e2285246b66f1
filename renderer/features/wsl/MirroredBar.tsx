import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ChevronDown16Regular, ChevronRight16Regular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton';

/**
 * WSL's documented way to let other computers reach a mirrored-mode distro: the Hyper-V firewall's
 * default for WSL's VM creator id (https://learn.microsoft.com/en-us/windows/wsl/networking). Shown to
 * copy, never run: Portwarden runs no PowerShell with a user's intent in it (docs/architecture.md §5).
 */
export const HYPERV_FIREWALL_COMMAND =
  "Set-NetFirewallHyperVVMSetting -Name '{40E0AC32-46A5-438A-A0B2-2B479E8F2E90}' -DefaultInboundAction Allow";

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, wordBreak: 'keep-all' },
  toggle: { alignSelf: 'flex-start', paddingLeft: 0, minWidth: 0, fontWeight: tokens.fontWeightRegular },
  command: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  commandText: {
    flexGrow: 1,
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    wordBreak: 'normal',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** Mirrored networking: portproxy is not the tool for WSL here; the Hyper-V firewall is, for other computers. */
export const MirroredBar = () => {
  const { t } = useTranslation();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <MessageBar intent="info" layout="multiline" data-testid="wsl-mirrored">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{t('wsl.mirroredTitle')}</MessageBarTitle>
        <span>{t('wsl.mirroredBody')}</span>
        <Button
          appearance="transparent"
          size="small"
          className={styles.toggle}
          icon={open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
          data-testid="wsl-firewall-toggle"
        >
          {open ? t('wsl.firewallClose') : t('wsl.firewallOpen')}
        </Button>
        {open ? (
          <div id={panelId} className={styles.body} data-testid="wsl-firewall-help">
            <Caption1>{t('wsl.firewallBody')}</Caption1>
            <div className={styles.command}>
              <pre className={styles.commandText} data-testid="wsl-firewall-command">
                {HYPERV_FIREWALL_COMMAND}
              </pre>
              <CopyButton
                size="small"
                iconOnly
                label={t('wsl.copyCommand')}
                aria-label={t('wsl.copyCommand')}
                text={() => HYPERV_FIREWALL_COMMAND}
              />
            </div>
          </div>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
};
