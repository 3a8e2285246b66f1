import { Badge, type BadgeProps } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ServiceStatus } from '../../../shared/model';
import { useStatusLabel } from '../../lib/use-labels';
import { useAppStore } from '../../store/store-context';

const COLOR: Record<ServiceStatus, BadgeProps['color']> = {
  running: 'success',
  stopped: 'warning',
  starting: 'informative',
  stopping: 'informative',
  absent: 'subtle',
  unknown: 'subtle',
};

export const WinnatStatusBadge = () => {
  const { t } = useTranslation();
  const statusLabel = useStatusLabel();
  // Before the first read the state is unknown, not "stopped".
  const status = useAppStore((s) => s.snapshot?.winnat ?? 'unknown');
  return (
    <Badge
      appearance="tint"
      color={COLOR[status]}
      size="large"
      data-testid="winnat-status"
      data-status={status}
      role="status"
    >
      {t('winnat.status', { status: statusLabel(status) })}
    </Badge>
  );
};
