/**
 * A doctor report in one word and one line, for the watch list and the tray notification. The word
 * is shared/port-verdict.ts's portStatus ('protected' is shown as 'free' with "protected by ..."):
 * - a system exclusion -> 'reserved' (nothing can bind there, whoever asks);
 * - a portproxy rule or a listener -> 'taken';
 * - only the dynamic range -> 'free': usable now; the reason warns that WinNAT may take it later;
 * - no cause but something that decides availability was unreadable -> 'unknown'.
 */
import type { DoctorCause, DoctorReport, WatchState, WatchStatus } from '../../../shared/model';
import { IP_VERSIONS, affectsAvailability, portStatus, protectedVersions } from '../../../shared/port-verdict';
import { describeOwner } from '../owners/endpoints';

type Cause<K extends DoctorCause['kind']> = Extract<DoctorCause, { kind: K }>;
const only = <K extends DoctorCause['kind']>(causes: readonly DoctorCause[], kind: K) =>
  causes.filter((c): c is Cause<K> => c.kind === kind);

const VERSION_NAMES = { ipv4: 'IPv4', ipv6: 'IPv6' } as const;

/** "TCP 8031-8130 reserved by WinNAT/Hyper-V (IPv4, IPv6)": one cause already names every IP version. */
const describeRange = (causes: readonly Cause<'excluded'>[]): string => {
  const first = causes[0]!;
  const { range } = first;
  const versions = first.ipVersions.map((v) => VERSION_NAMES[v]).join(', ');
  const span = range.start === range.end ? `${range.start}` : `${range.start}-${range.end}`;
  const who = range.administered ? 'administered exclusion' : 'reserved by WinNAT/Hyper-V';
  return `${range.protocol.toUpperCase()} ${span} ${who} (${versions})`;
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

/** Several owners of one port are named once each. */
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
  // The status is the shared verdict's (shared/port-verdict.ts), so the watch list, the tray and the
  // doctor never disagree; this module only words it.
  const status = portStatus(report);
  const excluded = only(report.causes, 'excluded');
  if (status === 'reserved') return state('reserved', describeRange(excluded.filter((c) => !c.range.administered)));
  if (status === 'taken')
    return state('taken', describeTaken(only(report.causes, 'forwarded'), only(report.causes, 'owned')));
  if (status === 'unknown')
    return state('unknown', `could not read ${report.unreadable.filter(affectsAvailability).join(', ')}`);
  const protectedBy = excluded.filter((c) => c.range.administered);
  if (protectedBy.length > 0) {
    const missing = IP_VERSIONS.filter((v) => !protectedVersions(report.causes).includes(v));
    const partly = missing.length > 0 ? `; not protected in ${missing.map((v) => VERSION_NAMES[v]).join(', ')}` : '';
    return state('free', `protected by ${describeRange(protectedBy)}${partly}`);
  }
  return only(report.causes, 'dynamic-range').length > 0
    ? state('free', 'free now; inside the dynamic port range, so WinNAT may reserve it after a restart or reboot')
    : state('free');
};
