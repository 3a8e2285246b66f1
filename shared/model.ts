/**
 * Readonly, JSON-shaped domain types shared by main and renderer. Nothing here may hold a class
 * instance, a Date or a function: these objects cross the IPC boundary by structured clone.
 */

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
}

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

export interface ProxyRule {
  readonly type: 'v4tov4' | 'v4tov6' | 'v6tov4' | 'v6tov6';
  readonly listenAddress: string;
  readonly listenPort: number;
  readonly connectAddress: string;
  readonly connectPort: number;
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
