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
export const ChangeButton = (props: ButtonProps) => {
  const block = useAppStore(changeBlock);
  const { t } = useTranslation();
  if (block === null) return <Button {...props} />;
  return (
    <Tooltip content={t(REASON[block])} relationship="description" withArrow>
      <Button {...props} disabled={false} disabledFocusable />
    </Tooltip>
  );
};
