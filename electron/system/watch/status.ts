/**
 * A doctor report in one word and one line, for the watch list and the tray notification:
 * - any excluded range -> 'reserved' (nothing can bind there, whoever asks);
 * - a portproxy rule or a listener -> 'taken';
 * - only the dynamic range -> 'free': usable now; the reason warns that WinNAT may take it later;
 * - no cause but something that decides availability was unreadable -> 'unknown'.
 */
import type { DoctorCause, DoctorReport, RangeChange, WatchState, WatchStatus } from '../../../shared/model';
import { affectsAvailability } from '../owners/doctor';
import { describeOwner } from '../owners/endpoints';

type Cause<K extends DoctorCause['kind']> = Extract<DoctorCause, { kind: K }>;
const only = <K extends DoctorCause['kind']>(causes: readonly DoctorCause[], kind: K) =>
  causes.filter((c): c is Cause<K> => c.kind === kind);

const VERSION_NAMES = { ipv4: 'IPv4', ipv6: 'IPv6' } as const;

/** "TCP 8031-8130 reserved by WinNAT/Hyper-V (IPv4, IPv6)": the same block usually sits in both tables. */
const describeRange = (ranges: readonly RangeChange[]): string => {
  const first = ranges[0]!;
  const same = ranges.filter(
    (r) => r.start === first.start && r.end === first.end && r.administered === first.administered,
  );
  const versions = same.map((r) => VERSION_NAMES[r.ipVersion]).join(', ');
  const span = first.start === first.end ? `${first.start}` : `${first.start}-${first.end}`;
  const who = first.administered ? 'administered exclusion' : 'reserved by WinNAT/Hyper-V';
  return `${first.protocol.toUpperCase()} ${span} ${who} (${versions})`;
};

const describeForward = ({ rule }: Cause<'forwarded'>) =>
  `forwarded by the portproxy rule ${rule.listenAddress}:${rule.listenPort} -> ${rule.connectAddress}:${rule.connectPort}`;

const OWNER_NOTES = {
  'wsl-relay': 'WSL localhost forwarding',
  docker: 'a published Docker port',
  kernel: 'a Windows kernel listener',
  portproxy: 'the IP Helper (portproxy)',
} as const;

const describeOwned = ({ endpoint }: Cause<'owned'>) => {
  const note = endpoint.owner === 'process' ? '' : `, ${OWNER_NOTES[endpoint.owner]}`;
  return `in use by ${describeOwner(endpoint)}${note}`;
};

/** Several owners of one port (v4 and v6 sockets of one process) are named once each. */
const describeTaken = (forwarded: readonly Cause<'forwarded'>[], owned: readonly Cause<'owned'>[]) => {
  const parts = [...new Set([...forwarded.map(describeForward), ...owned.map(describeOwned)])];
  return parts.join('; ');
};

export const watchStateOf = (report: DoctorReport): WatchState => {
  const base = { port: report.port, protocol: report.protocol, checkedAt: report.checkedAt };
  const state = (status: WatchStatus, reason?: string): WatchState => ({
    ...base,
    status,
    ...(reason ? { reason } : {}),
  });
  const excluded = only(report.causes, 'excluded');
  // Only a system reservation (WinNAT/Hyper-V) blocks the port. An administered exclusion is the
  // protection the user asked for ("protect a port"): the port stays usable by the program that wants it.
  const reserved = excluded.filter((c) => !c.range.administered);
  if (reserved.length > 0) return state('reserved', describeRange(reserved.map((c) => c.range)));
  const protectedBy = excluded.filter((c) => c.range.administered);
  const forwarded = only(report.causes, 'forwarded');
  const owned = only(report.causes, 'owned');
  if (forwarded.length + owned.length > 0) return state('taken', describeTaken(forwarded, owned));
  const missing = report.unreadable.filter(affectsAvailability);
  if (missing.length > 0) return state('unknown', `could not read ${missing.join(', ')}`);
  if (protectedBy.length > 0) return state('free', `protected by ${describeRange(protectedBy.map((c) => c.range))}`);
  return only(report.causes, 'dynamic-range').length > 0
    ? state('free', 'free now; inside the dynamic port range, so WinNAT may reserve it after a restart or reboot')
    : state('free');
};
