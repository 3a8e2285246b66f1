/** The store's shape: one slice per domain plus the UI slice; actions are named as the user's intents. */
import type {
  AutostartReport,
  AutostartState,
  BackupInfo,
  BackupPreview,
  ChangeReport,
  CommandRecord,
  DoctorReport,
  Endpoint,
  ExcludedRange,
  KillReport,
  CloseConnectionReport,
  OwnersView,
  Protocol,
  ListenPortPreflight,
  ProtocolFamily,
  ProxyRule,
  RecoveryAction,
  RecoveryReport,
  RuleChangeReport,
  RuleCheck,
  RulesExport,
  RulesView,
  RuleView,
  RuleBookView,
  RuleDrift,
  DisabledRule,
  RuleNote,
  Snapshot,
  SystemInfo,
  UnfinishedChange,
  WatchedPort,
  WatchState,
  DockerView,
  WslStatus,
  WslSyncReport,
} from '../../shared/model';
import type { AppError } from '../../shared/result';
import type {
  AddExclusionInput,
  AddRuleInput,
  AddWslRuleInput,
  DeleteExclusionInput,
  EditRuleInput,
  ProxyRuleInput,
  RendererErrorInput,
  ResetDynamicInput,
} from '../../shared/validate';
import type { DoctorFix } from '../lib/doctor-fixes';
import type { ImportRowIssue } from '../lib/rule-import';

/** Changes to excluded ranges, the dynamic range and WinNAT; they report a ChangeReport. */
export type RangeChangeKind = 'protect' | 'delete' | 'reset' | 'restart';
/** Changes to portproxy rules and the IP Helper; they report a RuleChangeReport. */
export type RuleChangeKind =
  | 'add-rule'
  | 'edit-rule'
  | 'delete-rules'
  | 'reset-rules'
  | 'import-rules'
  | 'restore-backup'
  | 'start-iphlpsvc'
  // Portwarden's rule book (issue #11): notes, disable/enable, drift.
  | 'set-rule-note'
  | 'disable-rule'
  | 'enable-rule'
  | 'adopt-drift'
  | 'restore-drift';
/** Ending a process (taskkill); it reports a KillReport. */
export type ProcessChangeKind = 'kill';
/** Re-sync now: every rule that follows a WSL distro pointed at its current address; a WslSyncReport. */
export type WslChangeKind = 'wsl-resync';
/** Closing one IPv4 TCP connection (SetTcpEntry); it reports a CloseConnectionReport. */
export type ConnectionChangeKind = 'close-connection';
/** Every change has one operation state; the main process runs them one at a time, so one running blocks all. */
export type ChangeKind = RangeChangeKind | RuleChangeKind | ProcessChangeKind | WslChangeKind | ConnectionChangeKind;
export type ReportOf<K extends ChangeKind> = K extends RuleChangeKind
  ? RuleChangeReport
  : K extends ProcessChangeKind
    ? KillReport
    : K extends WslChangeKind
      ? WslSyncReport
      : K extends ConnectionChangeKind
        ? CloseConnectionReport
        : ChangeReport;

export type OperationState<R = ChangeReport> =
  | { readonly status: 'idle' }
  | { readonly status: 'running' }
  | { readonly status: 'done'; readonly report: R }
  | { readonly status: 'failed'; readonly error: AppError };

export type Operations = { readonly [K in ChangeKind]: OperationState<ReportOf<K>> };

/** A read whose answer a dialog or panel shows (export, backups, preflight). */
export type ReadState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'running' }
  | { readonly status: 'done'; readonly value: T }
  | { readonly status: 'failed'; readonly error: AppError };

export type Dialog =
  | { readonly kind: 'protect'; readonly family?: ProtocolFamily; readonly port?: number }
  | { readonly kind: 'delete'; readonly family: ProtocolFamily; readonly range: ExcludedRange }
  | { readonly kind: 'reset' }
  /** `port`: the port the user was asking about (doctor, port box); the outcome names it. */
  | { readonly kind: 'restart'; readonly port?: number; readonly protocol?: Protocol }
  | { readonly kind: 'add-rule' }
  | { readonly kind: 'delete-rules'; readonly rules: readonly RuleView[] }
  | { readonly kind: 'reset-rules' }
  | { readonly kind: 'import-rules' }
  | { readonly kind: 'restore-backup'; readonly backup: BackupInfo }
  | { readonly kind: 'export-rules' }
  | { readonly kind: 'kill'; readonly endpoint: Endpoint }
  | { readonly kind: 'close-connection'; readonly endpoint: Endpoint }
  /** Name, group and comment of one rule (a Windows rule or a disabled one); named as its operation, so it opens fresh. */
  | { readonly kind: 'set-rule-note'; readonly rule: ProxyRule }
  | { readonly kind: 'disable-rule'; readonly rule: RuleView }
  | { readonly kind: 'restore-drift'; readonly drift: RuleDrift };

export type View = 'ranges' | 'forwarding' | 'owners' | 'doctor' | 'map';
export const VIEWS: readonly View[] = ['ranges', 'forwarding', 'owners', 'doctor', 'map'];

/** Errors of reads and app-level actions, shown as dismissible bars; changes show theirs in their dialog. */
export type NoticeSource =
  'system-info' | 'refresh' | 'activity' | 'relaunch' | 'rules' | 'rules-check' | 'owners' | 'watch' | 'journal';

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
  refresh(): Promise<void>;
  protectPort(input: AddExclusionInput): Promise<void>;
  deleteExclusion(input: DeleteExclusionInput): Promise<void>;
  resetDynamicRange(input: ResetDynamicInput): Promise<void>;
  restartWinnat(): Promise<void>;
}

export interface OperationsSlice {
  readonly operations: Operations;
}

/** The add dialog's question after netsh would have replaced a rule silently (preflight or a `conflict` answer). */
export interface ReplaceQuestion {
  /** The rule the user wants, with its type derived. */
  readonly rule: ProxyRule;
  /** The rule with the same listen address and port, when known. */
  readonly existing: ProxyRule | null;
}

/** A preflight answer, tied to the rule it was asked for: after the form changes it no longer applies. */
export interface PreflightAnswer {
  readonly rule: ProxyRule;
  readonly result: ListenPortPreflight;
}

export interface RulesSlice {
  readonly rulesView: RulesView | null;
  /** The last read failed; with no rules yet, the table shows this instead. */
  readonly rulesError: AppError | null;
  readonly rulesLoading: boolean;
  /** The latest check per listenKey(rule). */
  readonly checks: Readonly<Record<string, RuleCheck>>;
  /** listenKeys being checked right now. */
  readonly checking: readonly string[];
  /** listenKey of the row being edited inline, or null. */
  readonly editingKey: string | null;
  /** The rule changed outside the app between load and edit: the reload question is open. */
  readonly editConflict: boolean;
  readonly preflight: ReadState<PreflightAnswer>;
  readonly replaceQuestion: ReplaceQuestion | null;
  /** Rows of the last import attempt that failed validation (1-based); nothing was sent. */
  readonly importIssues: readonly ImportRowIssue[];
  readonly exported: ReadState<RulesExport>;
  readonly backups: ReadState<readonly BackupInfo[]>;
  readonly backupsOpen: boolean;
  /** The rules inside the backup being looked at (backups:preview). */
  readonly backupPreview: ReadState<BackupPreview>;
  /** Deleting a backup: running, or why the last delete failed. */
  readonly backupDeletion: ReadState<null>;
  /**
   * The last rule book the main process sent (names, disabled rules, drift). A rules view without one
   * (a WSL re-sync reports the list only) keeps showing this until the next read.
   */
  readonly ruleBook: RuleBookView | null;
  /** The rule the last Enable was for, so its outcome can name it. */
  readonly enabledRule: ProxyRule | null;
  loadRules(): Promise<void>;
  /** Saves (or, all empty, removes) the name, group and comment of one rule. */
  setRuleNote(rule: ProxyRule, note: RuleNote): Promise<void>;
  /** Removes the rule from Windows, kept by Portwarden (with its note and firewall choice). */
  disableRule(rule: ProxyRule): Promise<void>;
  /** Puts a disabled rule back in one click; refused when its listen key is taken now. */
  enableRule(rule: DisabledRule): Promise<void>;
  /** Takes Windows' state of one listen key into what Portwarden knows. */
  adoptDrift(drift: RuleDrift): Promise<void>;
  /** Puts Portwarden's version of one listen key back into Windows. */
  restoreDrift(drift: RuleDrift): Promise<void>;
  /**
   * Preflights first (once per rule): anything in the way stops here so the dialog can warn; the next
   * call with the same rule goes ahead. A `conflict` answer turns into the replace question.
   */
  addRule(input: AddRuleInput): Promise<void>;
  editRule(input: EditRuleInput): Promise<void>;
  deleteRules(rules: readonly ProxyRule[]): Promise<void>;
  resetRules(): Promise<void>;
  exportRules(): Promise<void>;
  /** Rows as read from a file (unknown shape): every row is validated first; one invalid row sends nothing. */
  importRules(input: {
    readonly rows: readonly unknown[];
    readonly mode: 'merge' | 'replace';
    /** The user confirmed adding the firewall rules the file asks for (issue #11); absent: none. */
    readonly firewall?: boolean;
  }): Promise<void>;
  loadBackups(): Promise<void>;
  restoreBackup(backup: BackupInfo): Promise<void>;
  previewBackup(backup: BackupInfo): Promise<void>;
  closeBackupPreview(): void;
  /** Asked for in a confirmation first; true when the file is gone and the list re-read. */
  deleteBackup(backup: BackupInfo): Promise<boolean>;
  dismissBackupDeletion(): void;
  checkRules(rules: readonly ProxyRule[]): Promise<void>;
  preflightRule(rule: ProxyRuleInput): Promise<void>;
  startIpHelper(): Promise<void>;
  startEditing(rule: ProxyRule): void;
  stopEditing(): void;
  /** "Reload" in the conflict question: read the rules again and leave the stale edit. */
  reloadAfterConflict(): Promise<void>;
  dismissConflict(): void;
  dismissReplaceQuestion(): void;
  openBackups(): void;
  closeBackups(): void;
}

export interface WslSlice {
  /** null until read; distros, networking mode and the rules that follow a distro (by listen key). */
  readonly wslStatus: WslStatus | null;
  readonly wslError: AppError | null;
  readonly wslLoading: boolean;
  /** The last background re-sync worth telling (something moved or failed); Re-sync now keeps its report in its operation. */
  readonly wslSync: WslSyncReport | null;
  /** listenKey a WSL rule would replace: the main process answered `conflict`, the dialog asks before replacing. */
  readonly wslReplaceKey: string | null;
  /** Docker Desktop's containers; null until read. Docker absent is `available: false` with a note, not an error. */
  readonly docker: DockerView | null;
  readonly dockerError: AppError | null;
  loadWslStatus(): Promise<void>;
  loadContainers(): Promise<void>;
  /** A rule to "WSL distro X" (the Add rule dialog's other target); shares the 'add-rule' operation. */
  addWslRule(input: AddWslRuleInput): Promise<void>;
  /** Re-sync now. */
  resyncWslRules(): Promise<void>;
  /** Pushed by the main process after a background re-sync (api.onWslSync): the rules may have moved. */
  receiveWslSync(report: WslSyncReport): void;
  dismissWslSync(): void;
  dismissWslReplace(): void;
}

export interface ActivitySlice {
  /** Oldest first, unique by id. */
  readonly records: readonly CommandRecord[];
  loadActivity(): Promise<void>;
  /**
   * A record pushed by the main process (api.onActivity). A known id is replaced only when its
   * verified result changed (a change's records are pushed again once it settles).
   */
  recordActivity(record: CommandRecord): void;
  /** Sends a window error to main.log (errors:report); clipped to the channel's limits, never throws. */
  reportRendererError(report: RendererErrorInput): void;
}

export interface UiSlice {
  readonly view: View;
  readonly dialog: Dialog | null;
  readonly activityOpen: boolean;
  readonly portQuery: string;
  readonly notices: readonly Notice[];
  /** Switches the top-level view and reads what it needs that is not there yet (rules, owners, watched ports). */
  showView(view: View): void;
  /** F5 and the Refresh button: read again what the current view shows. */
  refreshView(): Promise<void>;
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
  openActivity(): void;
  closeActivity(): void;
  setPortQuery(text: string): void;
  showNotice(source: NoticeSource, error: AppError): void;
  dismissNotice(source: NoticeSource): void;
}

/** The owners view refreshes itself every this many milliseconds while it is on screen. */
export const OWNERS_INTERVALS = [1000, 2000, 5000, 10000] as const;
export type OwnersInterval = (typeof OWNERS_INTERVALS)[number];

export interface OwnersSlice {
  readonly ownersView: OwnersView | null;
  /** The last read failed; with no view yet, the table shows this instead. */
  readonly ownersError: AppError | null;
  readonly ownersLoading: boolean;
  /** Every state (ESTABLISHED, TIME_WAIT…), not only listeners. */
  readonly ownersAllStates: boolean;
  readonly ownersInterval: OwnersInterval;
  readonly ownersPaused: boolean;
  /** endpointKey()s that appeared with the last read. */
  readonly ownersAdded: ReadonlySet<string>;
  /** Endpoints the last read no longer listed; shown struck through until the next read. */
  readonly ownersRemoved: readonly Endpoint[];
  loadOwners(): Promise<void>;
  /** Changes the query: the next read starts a new baseline (nothing highlighted). */
  setOwnersAllStates(allStates: boolean): Promise<void>;
  setOwnersRefreshInterval(interval: OwnersInterval): void;
  pauseOwnersRefresh(paused: boolean): void;
  /** Refused without an api call for system and critical processes (lib/owners killRefusal). */
  killProcess(target: Pick<Endpoint, 'pid' | 'image'>): Promise<void>;
  /** Refused without an api call where lib/owners closeRefusal says so (IPv6, not ESTABLISHED, no native layer). */
  closeConnection(target: Endpoint): Promise<void>;
  /** Reverse DNS of remote addresses: off by default; when on, each read asks for the names not known yet. */
  readonly ownersLookup: boolean;
  /** Remote address -> name (null: none) from the lookups so far; a new Map whenever answers arrive. */
  readonly ownersNames: ReadonlyMap<string, string | null>;
  setOwnersLookup(on: boolean): void;
}

export interface DoctorSlice {
  /** The port box, as typed. */
  readonly doctorPort: string;
  readonly doctorProtocol: Protocol;
  readonly doctorReport: DoctorReport | null;
  readonly doctorError: AppError | null;
  readonly doctorLoading: boolean;
  /** Bumped to ask the view to focus its port box (tray "Check a port…"). */
  readonly doctorFocusRequest: number;
  setDoctorPort(text: string): void;
  setDoctorProtocol(protocol: Protocol): void;
  /** Checks the given port, or the port box when none is given. */
  diagnosePort(target?: WatchedPort): Promise<void>;
  /** Shows the doctor; with a port it fills the box and checks, without it focuses the box. */
  openDoctor(port?: number, protocol?: Protocol): void;
  /** The button on a cause card: opens the existing dialog, or switches to Forwarding and edits the rule. */
  applyFix(fix: DoctorFix): void;
  /** Checks the port of the shown answer again (after a fix). */
  recheckDoctor(): Promise<void>;
}

/** Start with Windows (a logon scheduled task made by the main process). */
export interface AutostartSlice {
  /** null until read. */
  readonly autostart: AutostartState | null;
  readonly autostartError: AppError | null;
  /** The last change that ran but did not end as asked (not applied, or not known): shown with its reason. */
  readonly autostartReport: AutostartReport | null;
  readonly autostartSaving: boolean;
  loadAutostart(): Promise<void>;
  /** Registers or removes the logon task; true when the re-read confirmed it. */
  setAutostart(enabled: boolean): Promise<boolean>;
}

export interface WatchSlice {
  /** null until read. */
  readonly watchStates: readonly WatchState[] | null;
  readonly watchError: AppError | null;
  readonly watchSaving: boolean;
  loadWatchedPorts(): Promise<void>;
  /** Replaces the watched list; validated with the shared schema first. True when the main process saved it. */
  setWatchedPorts(ports: readonly WatchedPort[]): Promise<boolean>;
  /** Pushed by the main process (api.onWatchStates). */
  receiveWatchStates(states: readonly WatchState[]): void;
}

/** One interrupted change being resolved: running, or what the last attempt answered (kept while unresolved). */
export type RecoveryState =
  | { readonly status: 'running'; readonly action: RecoveryAction }
  | { readonly status: 'done'; readonly action: RecoveryAction; readonly report: RecoveryReport }
  | { readonly status: 'failed'; readonly action: RecoveryAction; readonly error: AppError };

/** A resolved interrupted change, shown as a note until dismissed. */
export interface RecoveredChange {
  readonly change: UnfinishedChange;
  readonly action: RecoveryAction;
  readonly report: RecoveryReport;
}

/** Interrupted changes from the main process's write-ahead journal (crash-safe changes). */
export interface RecoverySlice {
  /** null until read; each with a fresh read of Windows. */
  readonly unfinished: readonly UnfinishedChange[] | null;
  /** Per journal id: the resolution running, or its last unresolved answer. */
  readonly recoveries: Readonly<Record<string, RecoveryState>>;
  readonly recovered: readonly RecoveredChange[];
  loadUnfinishedChanges(): Promise<void>;
  /** The user's choice, never made automatically; refused unelevated without calling the api. */
  resolveUnfinishedChange(id: string, action: RecoveryAction): Promise<void>;
  dismissRecovered(id: string): void;
}

export interface LifecycleSlice {
  /** Subscribes to the main process's events and makes the first reads; returns the unsubscribe. */
  start(): () => void;
}

export type AppState = SystemSlice &
  OperationsSlice &
  RangesSlice &
  RulesSlice &
  OwnersSlice &
  DoctorSlice &
  WatchSlice &
  AutostartSlice &
  RecoverySlice &
  WslSlice &
  ActivitySlice &
  UiSlice &
  LifecycleSlice;
