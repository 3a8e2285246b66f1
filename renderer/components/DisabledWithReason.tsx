import { Tooltip, makeStyles } from '@fluentui/react-components';
import type { ReactElement } from 'react';

const useStyles = makeStyles({ host: { display: 'inline-flex' } });

/**
 * A disabled control with its reason on hover. The control itself is truly disabled, so it is not a
 * tab stop (issue #11: 22 disabled Delete buttons were); the tooltip hangs on a wrapper, because a
 * disabled button is never the target of Fluent's focus and pointer handlers. Screen readers get the
 * reason from the control's `aria-description`, which the caller sets.
 */
export const DisabledWithReason = ({ reason, children }: { reason: string; children: ReactElement }) => {
  const styles = useStyles();
  return (
    <Tooltip content={reason} relationship="description" withArrow>
      <span className={styles.host}>{children}</span>
    </Tooltip>
  );
};
