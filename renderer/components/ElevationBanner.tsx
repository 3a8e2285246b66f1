import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ShieldKeyhole20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/store-context';

/** The one read-only banner (docs/architecture.md §3): shown only once we know the app is not elevated. */
export const ElevationBanner = () => {
  const { t } = useTranslation();
  const elevated = useAppStore((s) => s.systemInfo?.elevated);
  const relaunching = useAppStore((s) => s.relaunching);
  const relaunchElevated = useAppStore((s) => s.relaunchElevated);
  if (elevated !== false) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="elevation-banner">
      <MessageBarBody>
        <MessageBarTitle>{t('elevation.title')}</MessageBarTitle>
        {t('elevation.banner')}
      </MessageBarBody>
      <MessageBarActions>
        <Button
          appearance="primary"
          icon={<ShieldKeyhole20Regular />}
          onClick={() => void relaunchElevated()}
          disabled={relaunching}
        >
          {relaunching ? t('elevation.relaunching') : t('elevation.relaunch')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
};
