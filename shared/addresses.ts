/**
 * Address classification for portproxy rules, shared by the form and the main process. Windows
 * resolves host names itself (netsh stores them as given), so the only thing decided here is whether
 * a text is a canonical IPv4 literal, a bare IPv6 literal, or an ASCII host name, and never a
 * "numeric host name" such as `127.1` or `0x7f.1` that Windows would read as an IPv4 address.
 */
import { z } from 'zod';

export type AddressKind = 'ipv4' | 'ipv6' | 'hostname';

const IPV4 = z.ipv4();
const IPV6 = z.ipv6();
const HOSTNAME = z.hostname();

/** Last label all digits or a hex literal: inet_aton-style numbers, not a name (RFC 3696 §2). */
const NUMERIC_LABEL = /^(?:[0-9]+|0x[0-9a-f]*)$/i;

export const addressKind = (text: string): AddressKind | null => {
  if (IPV4.safeParse(text).success) return 'ipv4';
  // Bare only: brackets belong to URLs, and a zone id (%7) is meaningless to another host.
  if (IPV6.safeParse(text).success) return 'ipv6';
  if (text.length > 253 || !HOSTNAME.safeParse(text).success) return null;
  const labels = text.replace(/\.$/, '').split('.');
  if (NUMERIC_LABEL.test(labels.at(-1) ?? '')) return null;
  return 'hostname';
};

/** IP version a rule side uses: literals decide; a host name goes with the other side, else IPv4. */
export const sideVersion = (kind: AddressKind, other: AddressKind | null): 'v4' | 'v6' => {
  if (kind === 'ipv4') return 'v4';
  if (kind === 'ipv6') return 'v6';
  return other === 'ipv6' ? 'v6' : 'v4';
};

/** Listen addresses that mean "every address" per IP version (netsh shows `*` for an omitted one). */
export const ANY_ADDRESS = { v4: '0.0.0.0', v6: '::' } as const;
