/**
 * `netsh interface portproxy show all|v4tov4|v4tov6|v6tov4|v6tov6`.
 *
 *   Listen on ipv4:             Connect to ipv6:
 *
 *   Address         Port        Address         Port
 *   --------------- ----------  --------------- ----------
 *   0.0.0.0         8080        ::1             80
 *
 * A section's type comes from the two `ipv4`/`ipv6` tokens of its title, the only part of the title that
 * is not translated (ko `ipv4 수신 대기:             ipv4에 연결:`, zh-CN `侦听 ipv4:  连接到 ipv4:`).
 * Rows are `<address> <port> <address> <port>`; a listen address may be `*` (listenaddress omitted,
 * session-portproxy-add-show-delete.zh-CN.1-indented.txt) or a host name.
 *
 * Decisions:
 * - One call parses one command's output. If a pasted session shows the same type twice
 *   (session-portproxy-readd-show.ko.1-redacted.txt: show, add, show), the last section of each type
 *   wins: it is the current rule set, and `add` silently replaces rules, so a union would invent rules.
 * - Rows before any title (trimmed output) get their type from their own addresses: one with a `:` is
 *   IPv6, anything else (IPv4, `*`, host name) counts as IPv4.
 * - Bracketed addresses are unbracketed, in case a future netsh prints `[::1]`.
 */
import { cleanLines, parsePortToken } from './lines';
import { neverThrow } from './never-throw';

export type PortProxyType = 'v4tov4' | 'v4tov6' | 'v6tov4' | 'v6tov6';

/** One forwarding rule; assignable to shared/model `ProxyRule`. */
export interface ParsedPortProxyRule {
  type: PortProxyType;
  listenAddress: string;
  listenPort: number;
  connectAddress: string;
  connectPort: number;
}

/** `ipv4`/`ipv6` as a token of its own; Korean glues a particle to it (`ipv4에`), hence no \b on the right. */
const IP_VERSION_TOKEN = /(?<![A-Za-z0-9])ipv([46])(?![0-9])/gi;

const sectionTypeOf = (line: string): PortProxyType | null => {
  // Command lines (`netsh interface ipv6 ... listenaddress=...`) and prompts are not titles.
  if (line.includes('=') || line.includes('>')) return null;
  const versions = [...line.matchAll(IP_VERSION_TOKEN)].map((match) => match[1]);
  if (versions.length !== 2) return null;
  return `v${versions[0]}tov${versions[1]}` as PortProxyType;
};

/** IPv4, IPv6 (optionally bracketed, with a zone), host names and the `*` wildcard. */
const ADDRESS_TOKEN = /^(?:\*|\[[0-9A-Fa-f:.%\w]+\]|[\w.:%-]+)$/;

const unbracket = (address: string): string =>
  address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;

const parseRuleRow = (line: string, sectionType: PortProxyType | null): ParsedPortProxyRule | null => {
  const tokens = line.split(/\s+/);
  if (tokens.length !== 4) return null;
  const [listenToken = '', listenPortToken, connectToken = '', connectPortToken] = tokens;
  const listenPort = parsePortToken(listenPortToken);
  const connectPort = parsePortToken(connectPortToken);
  if (listenPort === null || connectPort === null || listenPort === 0 || connectPort === 0) return null;
  if (!ADDRESS_TOKEN.test(listenToken) || !ADDRESS_TOKEN.test(connectToken) || connectToken === '*') return null;
  const listenAddress = unbracket(listenToken);
  const connectAddress = unbracket(connectToken);
  const family = (address: string): '4' | '6' => (address.includes(':') ? '6' : '4');
  const type = sectionType ?? (`v${family(listenAddress)}tov${family(connectAddress)}` as PortProxyType);
  return { type, listenAddress, listenPort, connectAddress, connectPort };
};

const parse = (text: string): ParsedPortProxyRule[] => {
  const untitled: ParsedPortProxyRule[] = [];
  const latestSectionByType = new Map<PortProxyType, ParsedPortProxyRule[]>();
  let current: ParsedPortProxyRule[] = untitled;
  let currentType: PortProxyType | null = null;
  for (const line of cleanLines(text)) {
    const titleType = sectionTypeOf(line);
    if (titleType) {
      currentType = titleType;
      current = [];
      latestSectionByType.set(titleType, current);
      continue;
    }
    const rule = parseRuleRow(line, currentType);
    if (rule) current.push(rule);
  }
  return [...untitled, ...[...latestSectionByType.values()].flat()];
};

/** Never throws; garbage gives []. */
export const parsePortProxyShow = neverThrow(parse, () => []);
