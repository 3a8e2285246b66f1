import { Spinner } from '@fluentui/react-components';

/** A change in progress: WinNAT stop/start can take tens of seconds, so say what is happening. */
export const ProgressNote = ({ label }: { label: string }) => <Spinner size="small" labelPosition="after" label={label} role="status" />;
