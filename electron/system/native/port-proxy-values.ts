/**
 * netsh portproxy keeps its rules in the registry, one key per type:
 * HKLM\SYSTEM\CurrentControlSet\Services\PortProxy\<v4tov4|v4tov6|v6tov4|v6tov6>\tcp, one REG_SZ value
 * per rule named `<listenaddress>/<listenport>` with data `<connectaddress>/<connectport>`
 * (e.g. `0.0.0.0/8080` = `172.28.241.140/80`). These turn such values into the rows parsePortProxyShow
 * gives for `netsh interface portproxy show all`.
 */
import type { ParsedPortProxyRule, PortProxyType } from '../parse/portproxy';

/** `show all` prints the sections in this order; within a section, rules come in registry order. */
export const PORT_PROXY_TYPES: readonly PortProxyType[] = ['v4tov4', 'v4tov6', 'v6tov4', 'v6tov6'];

export const portProxyKeyPath = (type: PortProxyType): string =>
  `SYSTEM\\CurrentControlSet\\Services\\PortProxy\\${type}\\tcp`;

/** A decimal port 1..65535 (netsh's show rejects 0 and parsePortProxyShow skips such a row). */
const parsePort = (text: string): number | null => {
  if (!/^[0-9]{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port >= 1 && port <= 65_535 ? port : null;
};

/** `address/port`, split at the last slash (IPv6 addresses have colons, never slashes). */
const splitEndpoint = (text: string): { address: string; port: number } | null => {
  const slash = text.lastIndexOf('/');
  if (slash <= 0) return null;
  const port = parsePort(text.slice(slash + 1).trim());
  const address = text.slice(0, slash).trim();
  return port === null || address === '' ? null : { address, port };
};

/**
 * One rule from a value name and its REG_SZ data; null for a value that is not a rule (a name or data
 * without `address/port`, a port that is not a number 1..65535), which netsh's show would not list
 * either. A listen address is kept as stored (`*`, an IPv4/IPv6 address or a host name); brackets are
 * dropped as parsePortProxyShow drops them.
 */
export const portProxyRuleFromValue = (
  type: PortProxyType,
  valueName: string,
  data: string,
): ParsedPortProxyRule | null => {
  // A name that is only a port is read as listening on every address (`*`, what show prints for a
  // rule added without listenaddress), in case some Windows version stores such a rule without it.
  const listen = /^[0-9]+$/.test(valueName.trim()) ? splitEndpoint(`*/${valueName.trim()}`) : splitEndpoint(valueName);
  const connect = splitEndpoint(data);
  if (!listen || !connect) return null;
  const unbracket = (address: string): string =>
    address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  return {
    type,
    listenAddress: unbracket(listen.address),
    listenPort: listen.port,
    connectAddress: unbracket(connect.address),
    connectPort: connect.port,
  };
};
