/**
 * The contract between the main process and the renderer: one Api interface, one channel table,
 * one event table. The renderer only ever sees `window.api`, which the preload builds from these.
 *
 * Adding a channel takes three steps:
 *   1. add the method to InvokeApi below and its `domain:verb` name to CHANNELS;
 *   2. add its argument tuple schema to `argumentSchemas` in shared/validate.ts;
 *   3. add the route (handler, mutation or not) to the table in electron/routes.ts.
 * The preload derives its function from CHANNELS; test doubles (test/helpers/fake-api.ts) need one too.
 * The type checker fails until these agree, and the security suite covers the new route by itself.
 */
import type {
  AutostartReport,
  AutostartState,
  BackupInfo,
  BackupPreview,
  ChangeReport,
  CommandRecord,
  DoctorReport,
  KillReport,
  CloseConnectionReport,
  ReverseName,
  OwnersView,
  OwnersChanges,
  WatchedPort,
  WatchState,
  ListenPortPreflight,
  RuleChangeReport,
  RuleCheck,
  RulesExport,
  RecoveryReport,
  RulesView,
  Snapshot,
  UnfinishedChange,
  SystemInfo,
  DockerView,
  WslStatus,
  WslSyncReport,
} from './model';
import type { Result } from './result';
import type {
  AddExclusionInput,
  AddRuleInput,
  AutostartInput,
  BackupIdInput,
  DeleteExclusionInput,
  EditRuleInput,
  ImportRulesInput,
  DiagnoseInput,
  KillProcessInput,
  CloseConnectionInput,
  ReverseLookupInput,
  OwnersQueryInput,
  OwnerChangesInput,
  WatchedPortsInput,
  PreflightInput,
  RendererErrorInput,
  ResetDynamicInput,
  ResolveUnfinishedInput,
  RulesInput,
  AddWslRuleInput,
  DriftInput,
  SetRuleNoteInput,
  ToggleRuleInput,
} from './validate';

export interface InvokeApi {
  getSystemInfo(): Promise<Result<SystemInfo>>;
  getSnapshot(): Promise<Result<Snapshot>>;
  /** Protect ports: stop winnat -> add excludedportrange -> start winnat (restart skipped if it was stopped). */
  addExclusion(input: AddExclusionInput): Promise<Result<ChangeReport>>;
  deleteExclusion(input: DeleteExclusionInput): Promise<Result<ChangeReport>>;
  resetDynamicRange(input: ResetDynamicInput): Promise<Result<ChangeReport>>;
  restartWinnat(): Promise<Result<ChangeReport>>;
  listActivity(): Promise<Result<readonly CommandRecord[]>>;
  relaunchElevated(): Promise<Result<null>>;

  /** portproxy rules (all four types) with their firewall state and the IP Helper status. */
  listRules(): Promise<Result<RulesView>>;
  /** Fails with `conflict` when the listen key exists and replaceExisting is false. */
  addRule(input: AddRuleInput): Promise<Result<RuleChangeReport>>;
  /** Same listen key: `set`. New listen key: add, verify, delete old, verify, roll back on failure. */
  editRule(input: EditRuleInput): Promise<Result<RuleChangeReport>>;
  deleteRules(input: RulesInput): Promise<Result<RuleChangeReport>>;
  /** Writes a JSON backup first, then `portproxy reset`. */
  resetRules(): Promise<Result<RuleChangeReport>>;
  exportRules(): Promise<Result<RulesExport>>;
  /** Validates every rule first (one invalid row: nothing applied), backs up, applies, reports per rule. */
  importRules(input: ImportRulesInput): Promise<Result<RuleChangeReport>>;
  listBackups(): Promise<Result<readonly BackupInfo[]>>;
  restoreBackup(input: BackupIdInput): Promise<Result<RuleChangeReport>>;
  /** The rules inside one backup; `not-found` when it is gone or not a valid backup file. */
  previewBackup(input: BackupIdInput): Promise<Result<BackupPreview>>;
  /** Removes one backup file from the admin-only folder; answers the backups as listed afterwards. */
  deleteBackup(input: BackupIdInput): Promise<Result<readonly BackupInfo[]>>;
  checkRules(input: RulesInput): Promise<Result<readonly RuleCheck[]>>;
  /** Excluded range, owner process and existing rule for a listen address/port, before saving. */
  preflightRule(input: PreflightInput): Promise<Result<ListenPortPreflight>>;
  /** Starts the IP Helper service (iphlpsvc), which portproxy needs. */
  startIpHelper(): Promise<Result<RuleChangeReport>>;
  /** Name, group and comment of one rule, kept in the admin-only data folder (no Windows change). */
  setRuleNote(input: SetRuleNoteInput): Promise<Result<RuleChangeReport>>;
  /** Removes the rule (and Portwarden's firewall rule for it) from Windows; Portwarden keeps it. Journaled. */
  disableRule(input: ToggleRuleInput): Promise<Result<RuleChangeReport>>;
  /** Puts a disabled rule back; `conflict` when its listen key is now taken by another rule. Journaled. */
  enableRule(input: ToggleRuleInput): Promise<Result<RuleChangeReport>>;
  /** Drift: takes Windows' state of one listen key as the rule Portwarden knows (no Windows change). */
  adoptDrift(input: DriftInput): Promise<Result<RuleChangeReport>>;
  /** Drift: puts Portwarden's version of one listen key back into Windows. Journaled, verified. */
  restoreDrift(input: DriftInput): Promise<Result<RuleChangeReport>>;

  /** TCP and UDP endpoints with owner process, services and explanation (listeners unless allStates). */
  listOwners(input: OwnersQueryInput): Promise<Result<OwnersView>>;
  /**
   * The owners auto-refresh (issue #13): the same read as listOwners, answered as the changes since the
   * list of `revision` main sent this window, or in full when it has no such list (shared/owners-delta.ts).
   */
  listOwnerChanges(input: OwnerChangesInput): Promise<Result<OwnersChanges>>;
  /** taskkill /F /PID; refused for PID 0/4 and critical system processes, and when the PID changed image. */
  killProcess(input: KillProcessInput): Promise<Result<KillReport>>;
  /**
   * Closes one IPv4 ESTABLISHED TCP connection (SetTcpEntry, MIB_TCP_STATE_DELETE_TCB) through the
   * native layer; refused without it, and when the connection is gone or owned by another process.
   */
  closeConnection(input: CloseConnectionInput): Promise<Result<CloseConnectionReport>>;
  /** Reverse DNS names of remote addresses (cached, each with a timeout); null where none answered. */
  reverseLookup(input: ReverseLookupInput): Promise<Result<readonly ReverseName[]>>;
  /** Every cause that keeps a port from being used: excluded range, owner, portproxy rule, dynamic range. */
  diagnosePort(input: DiagnoseInput): Promise<Result<DoctorReport>>;
  getWatchedPorts(): Promise<Result<readonly WatchState[]>>;
  /** Replaces the watched list (stored in the admin-only config) and checks it now. */
  setWatchedPorts(input: WatchedPortsInput): Promise<Result<readonly WatchState[]>>;

  /** Whether the logon scheduled task exists (read from `schtasks /Query`). */
  getAutostart(): Promise<Result<AutostartState>>;
  /** Creates or deletes the logon task, then re-reads it; refused in unpackaged (dev) runs. */
  setAutostart(input: AutostartInput): Promise<Result<AutostartReport>>;

  /** A renderer error for main.log: one escaped line, rate-limited in main; not a change, no elevation. */
  reportRendererError(input: RendererErrorInput): Promise<Result<null>>;

  /** Changes the write-ahead journal holds because they never ended, each with a fresh read. */
  listUnfinishedChanges(): Promise<Result<readonly UnfinishedChange[]>>;
  /** Finishes or rolls back one interrupted change (the user's choice; never done silently). */
  resolveUnfinishedChange(input: ResolveUnfinishedInput): Promise<Result<RecoveryReport>>;

  /** WSL distros, the networking mode (interactive user's .wslconfig) and the rules that follow a distro. */
  getWslStatus(): Promise<Result<WslStatus>>;
  /** A rule to "WSL distro X": its address read from wsl.exe now, followed at every re-sync. */
  addWslRule(input: AddWslRuleInput): Promise<Result<RuleChangeReport>>;
  /** Points every WSL rule at its distro's current address now (also done at start and on the watch schedule). */
  syncWslRules(): Promise<Result<WslSyncReport>>;
  /** Docker Desktop's containers and published ports (read-only Engine API); absent Docker is a note. */
  listContainers(): Promise<Result<DockerView>>;
}

/** Commands that start in the tray menu and finish in the window (so the user sees the confirmation). */
export type TrayCommand = 'restart-winnat' | 'check-port';

export interface EventApi {
  onActivity(listener: (record: CommandRecord) => void): () => void;
  onTrayCommand(listener: (command: TrayCommand) => void): () => void;
  /** Watched ports changed state (checked at start and periodically, also while hidden). */
  onWatchStates(listener: (states: readonly WatchState[]) => void): () => void;
  /** Open the port doctor on this port (a click on a watched-port notification). */
  onOpenDoctor(listener: (target: WatchedPort) => void): () => void;
  /** A background WSL re-sync ran (start, logon, schedule): the rules may have moved. */
  onWslSync(listener: (report: WslSyncReport) => void): () => void;
}

export type Api = InvokeApi & EventApi;

export const CHANNELS = {
  getSystemInfo: 'system:info',
  getSnapshot: 'ranges:snapshot',
  addExclusion: 'ranges:add',
  deleteExclusion: 'ranges:delete',
  resetDynamicRange: 'dynamic:reset',
  restartWinnat: 'winnat:restart',
  listActivity: 'activity:list',
  relaunchElevated: 'app:relaunch-elevated',
  listRules: 'rules:list',
  addRule: 'rules:add',
  editRule: 'rules:edit',
  deleteRules: 'rules:delete',
  resetRules: 'rules:reset',
  exportRules: 'rules:export',
  importRules: 'rules:import',
  listBackups: 'backups:list',
  restoreBackup: 'backups:restore',
  previewBackup: 'backups:preview',
  deleteBackup: 'backups:delete',
  checkRules: 'rules:check',
  preflightRule: 'rules:preflight',
  startIpHelper: 'iphlpsvc:start',
  listOwners: 'owners:list',
  listOwnerChanges: 'owners:changes',
  killProcess: 'owners:kill',
  closeConnection: 'owners:close-connection',
  reverseLookup: 'owners:reverse-lookup',
  diagnosePort: 'doctor:diagnose',
  getWatchedPorts: 'watch:get',
  setWatchedPorts: 'watch:set',
  getAutostart: 'autostart:get',
  setAutostart: 'autostart:set',
  reportRendererError: 'errors:report',
  listUnfinishedChanges: 'journal:list',
  resolveUnfinishedChange: 'journal:resolve',
  getWslStatus: 'wsl:status',
  addWslRule: 'wsl:add-rule',
  syncWslRules: 'wsl:sync',
  listContainers: 'docker:containers',
  setRuleNote: 'rules:set-note',
  disableRule: 'rules:disable',
  enableRule: 'rules:enable',
  adoptDrift: 'rules:adopt-drift',
  restoreDrift: 'rules:restore-drift',
} as const satisfies Record<keyof InvokeApi, `${string}:${string}`>;

export const EVENTS = {
  onActivity: 'event:activity',
  onTrayCommand: 'event:tray-command',
  onWatchStates: 'event:watch-states',
  onOpenDoctor: 'event:open-doctor',
  onWslSync: 'event:wsl-sync',
} as const satisfies Record<keyof EventApi, `event:${string}`>;

export type InvokeMethod = keyof InvokeApi;
export type InvokeChannel = (typeof CHANNELS)[InvokeMethod];
export type EventPayload = {
  [K in keyof EventApi]: Parameters<Parameters<EventApi[K]>[0]>[0];
};
