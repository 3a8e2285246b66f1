import { Spinner, makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({ root: { justifyContent: 'flex-start' } });

/** A change in progress: WinNAT stop/start can take tens of seconds, so say what is happening. */
export const ProgressNote = ({ label }: { label: string }) => {
  const styles = useStyles();
  return <Spinner className={styles.root} size="small" labelPosition="after" label={label} role="status" />;
};
