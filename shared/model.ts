/**
 * Readonly, JSON-shaped domain types shared by main and renderer. Nothing here may hold a class
 * instance, a Date or a function: these objects cross the IPC boundary by structured clone.
 */
import type { ErrorCode } from './result';

export type Protocol = 'tcp' | 'udp';
export type IpVersion = 'ipv4' | 'ipv6';

export interface ProtocolFamily {
  readonly protocol: Protocol;
  readonly ipVersion: IpVersion;
}

export const PROTOCOL_FAMILIES: readonly ProtocolFamily[] = [
  { protocol: 'tcp', ipVersion: 'ipv4' },
  { protocol: 'udp', ipVersion: 'ipv4' },
  { protocol: 'tcp', ipVersion: 'ipv6' },
  { protocol: 'udp', ipVersion: 'ipv6' },
];

export interface PortRange {
  readonly start: number;
  readonly end: number;
}

/** One row of `netsh int ipvX show excludedportrange`; `administered` is the `*` marker. */
export interface ExcludedRange extends PortRange {
  readonly administered: boolean;
}

export interface ExcludedRangeTable extends ProtocolFamily {
  readonly ranges: readonly ExcludedRange[];
  /** Set when this one table could not be read; the others may still be fine. */
  readonly error?: string;
}

/** `netsh int ipvX show dynamicport <protocol>`: Windows allocates ephemeral ports (and WinNAT reserves) here. */
export interface DynamicRange extends ProtocolFamily {
  readonly start: number;
  readonly count: number;
}

/** The Windows default since Vista; a start below it (often 1024) puts WinNAT reservations over dev ports. */
export const DEFAULT_DYNAMIC_RANGE = { start: 49152, count: 16384 } as const;

export type ServiceStatus = 'running' | 'stopped' | 'starting' | 'stopping' | 'absent' | 'unknown';

export interface SystemInfo {
  readonly elevated: boolean;
  /** True when the Windows layer is the simulator (demo mode, tests). */
  readonly simulated: boolean;
  readonly scenario: string | null;
  readonly platform: string;
  readonly appVersion: string;
}

/** Start with Windows: a logon scheduled task that runs Portwarden with highest privileges, hidden in the tray. */
export interface AutostartState {
  readonly enabled: boolean;
  /** The scheduled task's name (a constant, never user data). */
  readonly taskName: string;
  /**
   * The task exists but not as this version makes it (another exe, a time limit such as an older
   * version's 72 hours, battery conditions): enabling again repairs it. Absent when it is current.
   */
  readonly needsRepair?: boolean;
  /**
   * Over-the-shoulder elevation: the app runs as `elevatedAs` (the account whose password was typed at
   * the UAC prompt) while the desktop belongs to `desktopUser`. Enabling is then refused and
   * notifications go to `elevatedAs`. Absent when both are the same account or either is unknown.
   */
  readonly overTheShoulder?: { readonly elevatedAs: string; readonly desktopUser: string };
}

/** How turning Start with Windows on or off ended, judged by reading the task back (never by schtasks' exit code). */
export interface AutostartReport {
  readonly outcome: Outcome;
  /** The task as read back afterwards; null when it could not be read (outcome 'unknown'). */
  readonly autostart: AutostartState | null;
  /** Why it is not applied or not known, in English (the UI leads with the translated outcome). */
  readonly message?: string;
  /** What schtasks said, or what was wrong with the task as read back. */
  readonly detail?: string;
}

export interface Snapshot {
  readonly excluded: readonly ExcludedRangeTable[];
  readonly dynamic: readonly DynamicRange[];
  readonly winnat: ServiceStatus;
  /** ISO timestamp of the read. */
  readonly readAt: string;
}

/** One command the app ran, as shown in the activity log (exact argv, exit code, output). */
export interface CommandRecord {
  readonly id: number;
  /** Groups the commands of one user action (e.g. stop winnat -> add -> start winnat). */
  readonly operationId: string;
  readonly operation: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly durationMs: number;
  readonly startedAt: string;
  /**
   * Commands of a change only (reads have none): the verified result of the whole operation, the
   * same value the audit log keeps ('pending' while it runs; see electron/system/audit).
   */
  readonly verified?: Verified;
  /** Read back from the audit log of an earlier run of the app (this run's records are in memory). */
  readonly earlierRun?: boolean;
  /**
   * A read that joined the identical read another operation had in flight (electron/system/run/read-coalescer.ts):
   * same command and output, one process for both; durationMs is this operation's wait.
   */
  readonly shared?: boolean;
}

/**
 * A change operation's verified result: the Outcome of its report, the error code it ended with,
 * 'pending' while it runs, 'interrupted' when an earlier run ended before it settled.
 */
export type Verified = Outcome | 'pending' | 'interrupted' | ErrorCode;

/** How a change ended, judged from re-reading the state, never from exit codes or localized messages. */
export type Outcome = 'applied' | 'not-applied' | 'unknown';

export interface StepReport {
  readonly step: string;
  readonly ok: boolean;
  readonly detail?: string;
}

export interface RangeChange extends ProtocolFamily, ExcludedRange {}

export interface RangeDiff {
  /** Ranges present before and gone after. */
  readonly freed: readonly RangeChange[];
  /** Ranges absent before and present after. */
  readonly appeared: readonly RangeChange[];
}

export interface ChangeReport {
  readonly outcome: Outcome;
  readonly steps: readonly StepReport[];
  /** State read back after the change (or the best read available). */
  readonly snapshot: Snapshot;
  readonly diff: RangeDiff;
  readonly winnatAfter: ServiceStatus;
  readonly message?: string;
}

export type ProxyType = 'v4tov4' | 'v4tov6' | 'v6tov4' | 'v6tov6';
export const PROXY_TYPES: readonly ProxyType[] = ['v4tov4', 'v4tov6', 'v6tov4', 'v6tov6'];

/**
 * A `netsh interface portproxy` rule (TCP only). Stored by Windows under
 * HKLM\SYSTEM\CurrentControlSet\Services\PortProxy\<type>\tcp as `listenaddress/listenport` ->
 * `connectaddress/connectport`; the listen pair is the key (`add` with an existing key replaces).
 * `listenAddress` may be `*` (netsh shows it when the rule was added without listenaddress).
 */
export interface ProxyRule {
  readonly type: ProxyType;
  readonly listenAddress: string;
  readonly listenPort: number;
  readonly connectAddress: string;
  readonly connectPort: number;
}

/** A rule as listed: plus whether Portwarden's own inbound firewall rule for it exists. */
export interface RuleView extends ProxyRule {
  /** Name of the app-created firewall rule when it exists, else null. */
  readonly firewallRule: string | null;
  /**
   * Names of every enabled inbound allow rule that lets TCP in on the listen port (Portwarden's or
   * the user's, e.g. `WSL SSH 2222`); empty: none does; null: the firewall could not be read.
   */
  readonly firewallRules: readonly string[] | null;
}

export interface RulesView {
  readonly rules: readonly RuleView[];
  /** The IP Helper service runs portproxy; without it no rule listens. */
  readonly iphlpsvc: ServiceStatus;
  readonly readAt: string;
  /** Names, groups, comments, disabled rules and drift (rule-book.ts); absent where no book was consulted. */
  readonly book?: RuleBookView;
}

/**
 * What the user wrote about a rule (issue #11): kept by Portwarden in its admin-only data folder,
 * keyed by the rule's listen key (shared/proxy-rules.ts listenKey), never sent to Windows.
 */
export interface RuleNote {
  readonly name: string;
  readonly group: string;
  readonly comment: string;
}

/** A rule Portwarden keeps while it is removed from Windows (disabled), with its firewall choice. */
export interface DisabledRule extends ProxyRule {
  /** Portwarden's inbound firewall rule existed for it when it was disabled: enabling puts it back. */
  readonly firewall: boolean;
  readonly disabledAt: string;
}

/**
 * A difference between the rules Portwarden knows (rule-book.ts: recorded at the first successful
 * read and after each of its own verified changes) and what Windows lists now.
 * windows-only: added outside Portwarden (netsh by hand); portwarden-only: known, not disabled, gone
 * from Windows; different: same listen key, another connect side.
 */
export type DriftKind = 'windows-only' | 'portwarden-only' | 'different';

export interface RuleDrift {
  readonly kind: DriftKind;
  readonly listenKey: string;
  readonly windows: ProxyRule | null;
  readonly portwarden: ProxyRule | null;
}

/** Portwarden's own record of the rules, next to Windows' list (RulesView.book). */
export interface RuleBookView {
  /** One per listen key that has a note. */
  readonly notes: readonly (RuleNote & { readonly listenKey: string })[];
  readonly disabled: readonly DisabledRule[];
  /** null: Windows' rules could not be read (or the file could not), so nothing can be compared. */
  readonly drift: readonly RuleDrift[] | null;
  /** When Portwarden first recorded the rules it knows; null until a read succeeded. */
  readonly baselineAt: string | null;
  /** The rules file is unreadable or invalid: named here, left as it is, and nothing is recorded. */
  readonly error?: string;
}

export type CheckState = 'ok' | 'problem' | 'unknown';

/** "Does the rule work?", one answer per condition, each with a reason in `detail`. */
export interface RuleCheck {
  readonly rule: ProxyRule;
  readonly iphlpsvc: { readonly state: CheckState; readonly status: ServiceStatus };
  /** The listen port is LISTENING and owned by the svchost.exe hosting iphlpsvc. */
  readonly listening: { readonly state: CheckState; readonly owner?: string; readonly detail?: string };
  /** A TCP connect to connectAddress:connectPort answered within the timeout. */
  readonly target: { readonly state: CheckState; readonly detail?: string; readonly ms?: number };
  /** The listen port is not inside an excluded range. */
  readonly excluded: { readonly state: CheckState; readonly range?: RangeChange };
  readonly checkedAt: string;
}

export interface BackupInfo {
  readonly id: string;
  readonly createdAt: string;
  readonly reason: 'reset' | 'import' | 'restore';
  readonly ruleCount: number;
}

/** What a backup holds, for a look before restoring it: each rule with whether its firewall rule existed. */
export interface BackupPreview {
  readonly backup: BackupInfo;
  readonly rules: readonly (ProxyRule & { readonly firewall: boolean })[];
}

export interface RuleOutcome {
  readonly rule: ProxyRule;
  readonly outcome: Outcome;
  readonly detail?: string;
}

/** How a rule change ended, judged from re-reading `portproxy show all`. */
export interface RuleChangeReport {
  readonly outcome: Outcome;
  readonly steps: readonly StepReport[];
  readonly rules: RulesView;
  /** Per rule, for delete-many, import and restore. */
  readonly perRule?: readonly RuleOutcome[];
  /** The backup written before a reset or import. */
  readonly backup?: BackupInfo;
  readonly message?: string;
}

/** What stands in the way of a listen port, checked before a rule is saved. */
export interface ListenPortPreflight {
  /** The listen port is inside an excluded range: the rule could never listen. */
  readonly excluded: RangeChange | null;
  /** Another process listens on the port (not the IP Helper's svchost). */
  readonly owner: { readonly pid: number; readonly image: string; readonly services: readonly string[] } | null;
  /** A rule with the same listen address and port exists: netsh `add` would silently replace it. */
  readonly existingRule: ProxyRule | null;
}

/** One export as a file: its suggested name and its text. */
export interface ExportFile {
  readonly fileName: string;
  readonly text: string;
}

export interface RulesExport {
  readonly fileName: string;
  readonly json: string;
  /** The same rules and Portwarden's firewall rules as a Command Prompt script (export-scripts.ts). */
  readonly cmd: ExportFile;
  /** ... and as a PowerShell script. */
  readonly ps1: ExportFile;
}

export interface NetstatEntry {
  readonly protocol: Protocol;
  readonly localAddress: string;
  readonly localPort: number;
  readonly remoteAddress: string | null;
  readonly remotePort: number | null;
  readonly state: string | null;
  readonly pid: number | null;
}

export interface ProcessInfo {
  readonly image: string;
  readonly pid: number;
  readonly services: readonly string[];
}

/** Who a listening port belongs to, in words (issue: "why can't I use port X?"). */
export type OwnerKind =
  /** svchost.exe hosting iphlpsvc: a portproxy rule listens here. */
  | 'portproxy'
  /** wslrelay.exe: WSL localhost forwarding of a port a distro listens on. */
  | 'wsl-relay'
  /** com.docker.backend.exe (or vpnkit/docker proxy): a published container port. */
  | 'docker'
  /** PID 4 (System): HTTP.sys URL reservations, SMB and other kernel listeners. */
  | 'kernel'
  | 'process';

/** One netstat row with its owner process and the explanation. */
export interface Endpoint extends NetstatEntry {
  readonly ipVersion: IpVersion;
  readonly image: string | null;
  readonly services: readonly string[];
  readonly owner: OwnerKind;
  /** For `portproxy`: the rule listening here, when one matches. */
  readonly rule?: ProxyRule;
  /**
   * The owner's executable path and `DOMAIN\user`, from the native read layer only (tasklist has
   * neither); absent where the layer is closed or Windows refused to open the process (System).
   */
  readonly path?: string;
  readonly user?: string;
}

export interface OwnersView {
  readonly endpoints: readonly Endpoint[];
  readonly readAt: string;
  /**
   * The Win32 layer is open (electron/system/native): process paths and users can be read and an
   * IPv4 connection can be closed. Absent or false: the commands answered, and neither is possible.
   */
  readonly nativeLayer?: boolean;
}

/** An endpoint and its position in the new list (shared/owners-delta.ts). */
export interface IndexedEndpoint {
  readonly index: number;
  readonly endpoint: Endpoint;
}

/** What turns one owners list into the next (shared/owners-delta.ts); indexes ascend. */
export interface EndpointChanges {
  /** Length of the new list. */
  readonly count: number;
  /** Positions in the old list of the endpoints that are gone. */
  readonly removed: readonly number[];
  /** New endpoints, at their position in the new list. */
  readonly added: readonly IndexedEndpoint[];
  /** Endpoints in both lists whose fields differ (state, process, rule...), at their position in the new list. */
  readonly changed: readonly IndexedEndpoint[];
}

/**
 * The owners auto-refresh's answer (owners:changes, issue #13). `revision` names the list main now
 * remembers for this window; the renderer sends it back with its next poll. `full` the first time and
 * whenever main no longer has the list the renderer names; else a `delta` against `base`.
 */
export type OwnersChanges =
  | { readonly kind: 'full'; readonly revision: number; readonly view: OwnersView }
  | ({
      readonly kind: 'delta';
      readonly revision: number;
      readonly base: number;
      /** The view without its endpoints (readAt, nativeLayer). */
      readonly view: Omit<OwnersView, 'endpoints'>;
    } & EndpointChanges);

/** One IPv4 TCP connection by its four parts (what SetTcpEntry needs). */
export interface TcpConnectionRef {
  readonly localAddress: string;
  readonly localPort: number;
  readonly remoteAddress: string;
  readonly remotePort: number;
}

/** Closing one connection, judged by re-reading the TCP table (gone: applied; still there: not-applied). */
export interface CloseConnectionReport {
  readonly outcome: Outcome;
  readonly connection: TcpConnectionRef;
  readonly pid: number;
  readonly image: string;
  readonly steps: readonly StepReport[];
  readonly message?: string;
  readonly checkedAt: string;
}

/** A reverse DNS answer: the first valid host name of the address's PTR records, or null (none, timed out). */
export interface ReverseName {
  readonly address: string;
  readonly name: string | null;
}

/**
 * One fact about a port, decided by shared/port-verdict.ts (the only place that tests "is P inside R").
 * The same fact in both IP versions (WinNAT reserves a block in TCP/IPv4 and TCP/IPv6; a server binds
 * 0.0.0.0 and ::) is ONE cause listing both in `ipVersions`; `range.ipVersion` / `endpoint.ipVersion`
 * is the first of them.
 */
export type DoctorCause =
  | { readonly kind: 'excluded'; readonly range: RangeChange; readonly ipVersions: readonly IpVersion[] }
  | {
      readonly kind: 'owned';
      readonly endpoint: Endpoint;
      /** Every listening socket of this process on the port (one per address / IP version). */
      readonly endpoints: readonly Endpoint[];
      readonly ipVersions: readonly IpVersion[];
    }
  | { readonly kind: 'forwarded'; readonly rule: ProxyRule; readonly ipVersions: readonly IpVersion[] }
  | { readonly kind: 'dynamic-range'; readonly range: DynamicRange; readonly ipVersions: readonly IpVersion[] };

/** Every cause that applies to one port; no causes means the port is free. */
export interface DoctorReport {
  readonly port: number;
  readonly protocol: Protocol;
  readonly causes: readonly DoctorCause[];
  /** Families whose tables could not be read: the answer may be incomplete there. */
  readonly unreadable: readonly string[];
  readonly checkedAt: string;
}

export interface KillReport {
  readonly outcome: Outcome;
  readonly pid: number;
  readonly image: string;
  readonly steps: readonly StepReport[];
  readonly owners: OwnersView;
  readonly message?: string;
}

export interface WatchedPort {
  readonly port: number;
  readonly protocol: Protocol;
}

export type WatchStatus = 'free' | 'reserved' | 'taken' | 'unknown';

export interface WatchState extends WatchedPort {
  readonly status: WatchStatus;
  /** One line: which range or which process. */
  readonly reason?: string;
  readonly checkedAt: string;
}

/**
 * A multi-step change as the write-ahead journal records it BEFORE its first command (docs/architecture.md §3,
 * crash-safe changes): what the user had and what they asked for, so that after a crash both
 * "finish" and "roll back" can be planned from a fresh read of Windows.
 */
export type JournalIntent =
  | {
      readonly kind: 'exclusion';
      readonly family: ProtocolFamily;
      /**
       * Every family of the change (protect both IP versions is one journaled change); absent in
       * entries written before that, which covered `family` only.
       */
      readonly families?: readonly ProtocolFamily[];
      readonly start: number;
      readonly end: number;
      /** WinNAT must be running again at the end, whichever way the change is resolved. */
      readonly winnatWasRunning: boolean;
    }
  | {
      readonly kind: 'rules';
      readonly before: readonly ProxyRule[];
      readonly target: readonly ProxyRule[];
      /** Ports of Portwarden's firewall rules before (null: could not be read), and the change's firewall plan. */
      readonly firewall: {
        readonly before: readonly number[] | null;
        readonly want: readonly number[];
        readonly release: readonly number[];
      };
      /** The backup written before the change (reset, import, restore). */
      readonly backupId?: string;
      /**
       * Disabling or enabling one rule: besides Windows, Portwarden's rule book changes (the rule is
       * kept while disabled). Recovery finishes or rolls back both (journal/recover-rules.ts).
       */
      readonly toggle?: { readonly action: 'disable' | 'enable'; readonly rule: ProxyRule; readonly firewall: boolean };
    }
  | {
      readonly kind: 'dynamic-range';
      readonly before: readonly DynamicRange[];
      readonly target: { readonly start: number; readonly count: number };
    }
  /** stop + start: a crash in between leaves WSL2/Docker without NAT; both ways out start it again. */
  | { readonly kind: 'winnat-restart' };

/** What a fresh read shows of an interrupted change. */
export type JournalCurrent =
  | { readonly kind: 'exclusion'; readonly present: boolean | null; readonly winnat: ServiceStatus }
  | { readonly kind: 'rules'; readonly rules: readonly ProxyRule[] | null }
  | { readonly kind: 'dynamic-range'; readonly ranges: readonly DynamicRange[] }
  | { readonly kind: 'winnat-restart'; readonly winnat: ServiceStatus };

export type RecoveryAction = 'finish' | 'roll-back';

/** How far an interrupted change got, judged from a fresh read (never from the journal). */
export type ChangeProgress = 'not-started' | 'partly-done' | 'done' | 'unreadable';

/** A journal entry left by a change that did not end (the app was killed, Windows shut down, a bug). */
export interface UnfinishedChange {
  readonly id: string;
  /** The user operation (`protect-ports`, `edit-rule`, ...). */
  readonly operation: string;
  readonly startedAt: string;
  readonly intent: JournalIntent;
  readonly current: JournalCurrent;
  /** Judged from the read: nothing done yet, half done, all done but never verified, or unreadable. */
  readonly progress: ChangeProgress;
  readonly recommended: RecoveryAction;
  /** The choices that mean something for this change (a WinNAT restart can only be finished). */
  readonly actions: readonly RecoveryAction[];
}

export interface RecoveryReport {
  readonly outcome: Outcome;
  readonly steps: readonly StepReport[];
  /** The entry stays in the journal (and is offered again) until a resolution is verified. */
  readonly resolved: boolean;
  readonly message?: string;
}

/** WSL2 networking (issue #14): NAT gives the VM a new address at every start; mirrored shares the host's. */
export type WslNetworking =
  | {
      readonly mode: 'nat' | 'mirrored';
      /** `wslconfig`: read from the interactive user's .wslconfig; `default`: no file or no setting (NAT). */
      readonly source: 'wslconfig' | 'default';
      readonly profile: string | null;
    }
  /** The interactive user's profile or .wslconfig could not be read or parsed; `error` says which. */
  | { readonly mode: 'unknown'; readonly profile: string | null; readonly error: string };

export interface WslDistro {
  readonly name: string;
  readonly state: 'running' | 'stopped' | 'other';
  /** As wsl.exe printed it (Installing, Converting, ...), for `other`. */
  readonly stateText: string;
  readonly version: number;
  readonly isDefault: boolean;
  /**
   * eth0's IPv4 address, read with the status for a running WSL 2 distribution in NAT mode (what a
   * new rule would point at); null when it could not be read; absent when not read (stopped, WSL 1,
   * mirrored or unknown networking), because reading it from a stopped distro would start it.
   */
  readonly address?: string | null;
}

/**
 * following: the rule points at the distro's current address; waiting: the distro is stopped (the
 * rule stays, and follows when it runs again); unreadable: the distro is gone or its address could
 * not be read (nothing changed); mirrored: WSL shares the host's addresses, nothing to follow.
 */
export type WslTargetState = 'following' | 'waiting' | 'unreadable' | 'mirrored';

/** A portproxy rule that follows a WSL distro's address (kept in the admin-only wsl-targets.json). */
export interface WslTarget {
  /** listenKey() of the rule. */
  readonly listenKey: string;
  readonly type: ProxyType;
  readonly listenAddress: string;
  readonly listenPort: number;
  readonly connectPort: number;
  readonly distro: string;
  /** The address the rule was last pointed at. */
  readonly lastAddress: string;
  /** When the rule was last moved to a new address (ISO); null: never moved since it was added. */
  readonly movedAt: string | null;
  readonly addedAt: string;
  readonly state: WslTargetState;
  readonly detail?: string;
}

export interface WslStatus {
  /** wsl.exe answered with a distro list. */
  readonly available: boolean;
  /** Why not, in one English line (WSL not installed, no distro, wsl.exe failed). */
  readonly note?: string;
  readonly distros: readonly WslDistro[];
  readonly networking: WslNetworking;
  readonly targets: readonly WslTarget[];
  readonly readAt: string;
}

/** A re-sync: every WSL rule pointed at its distro's current address, judged by re-reading portproxy. */
export interface WslSyncReport {
  readonly outcome: Outcome;
  readonly steps: readonly StepReport[];
  /** Rules that moved to a new address in this sync. */
  readonly moved: readonly {
    readonly listenKey: string;
    readonly distro: string;
    readonly from: string;
    readonly to: string;
  }[];
  readonly rules: RulesView | null;
  readonly status: WslStatus;
  readonly message?: string;
}

/** A container Docker Desktop publishes a port for (Docker Engine API, GET /containers/json). */
export interface DockerContainer {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly state: string;
  readonly ports: readonly {
    readonly ip: string | null;
    readonly privatePort: number;
    readonly publicPort: number | null;
    readonly protocol: Protocol;
  }[];
}

/** Why Docker's containers were not read: the page says it in the user's language. */
export type DockerNoteReason = 'not-running' | 'timeout' | 'too-large' | 'refused' | 'unreadable';

export interface DockerView {
  readonly available: boolean;
  /** Docker absent, stopped or refusing: a note, not an error. `reason` for the page, `note` the English specifics. */
  readonly reason?: DockerNoteReason;
  readonly note?: string;
  readonly containers: readonly DockerContainer[];
  readonly readAt: string;
}
