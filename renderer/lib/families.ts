/** Naming and arithmetic for protocol families and port ranges, shared by the tables, the verdict and the dialogs. */
import type { PortRange, ProtocolFamily } from '../../shared/model';

/** "TCP/IPv4": the same in every language, as netsh and Docker write it. */
export const familyLabel = ({ protocol, ipVersion }: ProtocolFamily): string =>
  `${protocol.toUpperCase()}/${ipVersion === 'ipv4' ? 'IPv4' : 'IPv6'}`;

/** "tcp-ipv4": stable ids for test ids, React keys and checkbox values. */
export const familyKey = ({
  protocol,
  ipVersion,
}: ProtocolFamily): `${ProtocolFamily['protocol']}-${ProtocolFamily['ipVersion']}` => `${protocol}-${ipVersion}`;

export const sameFamily = (a: ProtocolFamily, b: ProtocolFamily): boolean =>
  a.protocol === b.protocol && a.ipVersion === b.ipVersion;

export const rangeSize = ({ start, end }: PortRange): number => end - start + 1;

/** En dash, as in typeset ranges; ports are never grouped with thousands separators. */
export const formatRange = ({ start, end }: PortRange): string => (start === end ? String(start) : `${start}–${end}`);

export const lastPort = (start: number, count: number): number => start + count - 1;
