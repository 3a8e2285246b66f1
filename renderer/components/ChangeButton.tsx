import { Button, Tooltip, type ButtonProps } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { changeBlock, type ChangeBlock } from '../store/selectors';
import { useAppStore } from '../store/store-context';

const REASON = {
  checking: 'elevation.checkingReason',
  'not-elevated': 'elevation.disabledReason',
  busy: 'elevation.busyReason',
} as const satisfies Record<Exclude<ChangeBlock, null>, string>;

/**
 * A button that changes the system. While it cannot (no admin rights, another change running) it stays
 * focusable and says why in a tooltip: a plain disabled button gives no reason and no hover.
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
  return (
    <Tooltip content={reason} relationship="description" withArrow>
      <Button {...props} disabled={false} disabledFocusable />
    </Tooltip>
  );
};
