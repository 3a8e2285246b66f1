import { makeStyles, tokens } from '@fluentui/react-components';
import { useAppStore } from '../store/store-context';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({ list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

/** Errors of reads and app actions (refresh, system info, activity, relaunch); changes report in their dialogs. */
export const NoticeBars = () => {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const styles = useStyles();
  if (notices.length === 0) return null;
  return (
    <div className={styles.list}>
      {notices.map((notice) => (
        <ErrorMessage key={notice.source} error={notice.error} onDismiss={() => dismiss(notice.source)} />
      ))}
    </div>
  );
};
