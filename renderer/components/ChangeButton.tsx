import { Button, Tooltip, type ButtonProps } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { changeBlock, type ChangeBlock } from '../store/selectors';
import { useAppStore } from '../store/store-context';
import { useInToolbar } from './ActionToolbar';
import { DisabledWithReason } from './DisabledWithReason';

const REASON = {
  checking: 'elevation.checkingReason',
  'not-elevated': 'elevation.disabledReason',
  busy: 'elevation.busyReason',
} as const satisfies Record<Exclude<ChangeBlock, null>, string>;

/**
 * A button that changes the system. While it cannot (no admin rights, another change running) it says
 * why in a tooltip. Inside an ActionToolbar it stays focusable (the arrows reach it, Tab does not stop
 * on it); elsewhere it is disabled outright, so a table of unavailable row actions adds no tab stops.
 */
export const ChangeButton = ({
  unavailableReason,
  hint,
  ...props
}: ButtonProps & {
  unavailableReason?: string | null;
  /** Shown on hover while enabled (icon-only buttons, shortcuts). */ hint?: string;
}) => {
  const block = useAppStore(changeBlock);
  const inToolbar = useInToolbar();
  const { t } = useTranslation();
  // The app-wide reason (rights, busy) comes first; then the caller's own (e.g. WinNAT not installed).
  const reason = block !== null ? t(REASON[block]) : (unavailableReason ?? null);
  if (reason === null) {
    if (!hint) return <Button {...props} />;
    return (
      <Tooltip content={hint} relationship="description" withArrow>
        <Button {...props} />
      </Tooltip>
    );
  }
  if (!inToolbar) {
    return (
      <DisabledWithReason reason={reason}>
        <Button {...props} disabled aria-description={reason} />
      </DisabledWithReason>
    );
  }
  return (
    <Tooltip content={reason} relationship="description" withArrow>
      <Button {...props} disabled={false} disabledFocusable />
    </Tooltip>
  );
};
