/** The store's shape: one slice per domain plus the UI slice; actions are named as the user's intents. */
import type {
  ChangeReport,
  CommandRecord,
  ExcludedRange,
  ProtocolFamily,
  Snapshot,
  SystemInfo,
} from '../../shared/model';
import type { AppError } from '../../shared/result';
import type { AddExclusionInput, DeleteExclusionInput, ResetDynamicInput } from '../../shared/validate';

/** The four changes; each has one dialog and one operation state. */
export type ChangeKind = 'protect' | 'delete' | 'reset' | 'restart';

export type OperationState =
  | { readonly status: 'idle' }
  | { readonly status: 'running' }
  | { readonly status: 'done'; readonly report: ChangeReport }
  | { readonly status: 'failed'; readonly error: AppError };

export type Dialog =
  | { readonly kind: 'protect'; readonly family?: ProtocolFamily; readonly port?: number }
  | { readonly kind: 'delete'; readonly family: ProtocolFamily; readonly range: ExcludedRange }
  | { readonly kind: 'reset' }
  | { readonly kind: 'restart' };

/** Errors of reads and app-level actions, shown as dismissible bars; changes show theirs in their dialog. */
export type NoticeSource = 'system-info' | 'refresh' | 'activity' | 'relaunch';

export interface Notice {
  readonly source: NoticeSource;
  readonly error: AppError;
}

export interface SystemSlice {
  readonly systemInfo: SystemInfo | null;
  readonly relaunching: boolean;
  loadSystemInfo(): Promise<void>;
  relaunchElevated(): Promise<void>;
}

export interface RangesSlice {
  readonly snapshot: Snapshot | null;
  /** The last read failed; with no snapshot yet, the tables show this instead. */
  readonly snapshotError: AppError | null;
  readonly refreshing: boolean;
  readonly operations: Readonly<Record<ChangeKind, OperationState>>;
  refresh(): Promise<void>;
  protectPort(input: AddExclusionInput): Promise<void>;
  deleteExclusion(input: DeleteExclusionInput): Promise<void>;
  resetDynamicRange(input: ResetDynamicInput): Promise<void>;
  restartWinnat(): Promise<void>;
}

export interface ActivitySlice {
  /** Oldest first, unique by id. */
  readonly records: readonly CommandRecord[];
  loadActivity(): Promise<void>;
  /** A record pushed by the main process (api.onActivity); duplicates of known ids are ignored. */
  recordActivity(record: CommandRecord): void;
}

export interface UiSlice {
  readonly dialog: Dialog | null;
  readonly activityOpen: boolean;
  readonly portQuery: string;
  readonly notices: readonly Notice[];
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
  openActivity(): void;
  closeActivity(): void;
  setPortQuery(text: string): void;
  showNotice(source: NoticeSource, error: AppError): void;
  dismissNotice(source: NoticeSource): void;
}

export interface LifecycleSlice {
  /** Subscribes to the main process's events and makes the first reads; returns the unsubscribe. */
  start(): () => void;
}

export type AppState = SystemSlice & RangesSlice & ActivitySlice & UiSlice & LifecycleSlice;
