/**
 * `netstat -ano` (also `-an`, `-anp tcp`, `-abon`, `-anob`, output filtered through findstr/find/more).
 *
 * A row is `<TCP|UDP> <local endpoint> <remote endpoint> [state] [pid]`; headers are localized
 * (ko `프로토콜  로컬 주소 ...`, zh-CN, de) and ignored. `-b` adds lines such as ` [svchost.exe]`,
 * `  RpcSs` and `Can not obtain ownership information` between rows; they are not rows and are skipped.
 *
 * Decisions:
 * - `[::]:135` gives address `::`. A zone id is kept (`[fe80::1%7]:135` gives `fe80::1%7`): it names the
 *   interface, and two link-local sockets on different interfaces are different sockets.
 * - A TCP row whose remote is `0.0.0.0:0` or `[::]:0` is a listener, whatever its state word says
 *   (docs/architecture.md §3): state 'LISTENING'. Other states are mapped to the English word (netstat-states.ts); an
 *   unknown localized word is kept as printed. A state may be several words (unverified French
 *   `À L'ÉCOUTE`), so everything between the remote endpoint and the pid is the state.
 * - UDP rows (`*:*`) have remoteAddress, remotePort and state null.
 * - pid is null when the row has no trailing number (`netstat -an`).
 */
import { cleanLines, parsePortToken } from './lines';
import { neverThrow } from './never-throw';
import { normalizeTcpState } from './netstat-states';

/** One socket; assignable to shared/model `NetstatEntry`. */
export interface ParsedNetstatEntry {
  protocol: 'tcp' | 'udp';
  localAddress: string;
  localPort: number;
  remoteAddress: string | null;
  remotePort: number | null;
  state: string | null;
  pid: number | null;
}

interface Endpoint {
  address: string;
  port: number;
}

/** `[v6 address]:port` or `v4-or-name:port`; an unbracketed address with a colon would be ambiguous. */
const ENDPOINT = /^(?:\[([0-9A-Fa-f:.]+(?:%[\w.-]+)?)\]|([^\s:[\]]+)):([0-9]+)$/;

const parseEndpoint = (token: string | undefined): Endpoint | null => {
  const match = token === undefined ? null : ENDPOINT.exec(token);
  if (!match) return null;
  const port = parsePortToken(match[3]);
  const address = match[1] ?? match[2];
  return port === null || address === undefined ? null : { address, port };
};

const WILDCARD_ENDPOINT = '*:*';
const UNSPECIFIED_ADDRESSES = new Set(['0.0.0.0', '::']);

const isListenerRemote = (remote: Endpoint | null): boolean =>
  remote !== null && remote.port === 0 && UNSPECIFIED_ADDRESSES.has(remote.address);

const parsePid = (token: string | undefined): number | null =>
  token !== undefined && /^[0-9]{1,10}$/.test(token) && Number(token) <= 0xffff_ffff ? Number(token) : null;

const parseRow = (line: string): ParsedNetstatEntry | null => {
  const [protocolToken = '', localToken, remoteToken, ...rest] = line.split(/\s+/);
  const protocol = protocolToken.toLowerCase();
  if (protocol !== 'tcp' && protocol !== 'udp') return null;
  const local = parseEndpoint(localToken);
  if (!local) return null;
  const remote = remoteToken === WILDCARD_ENDPOINT ? null : parseEndpoint(remoteToken);
  if (!remote && remoteToken !== WILDCARD_ENDPOINT) return null;

  const pid = parsePid(rest.at(-1));
  const stateWords = (pid === null ? rest : rest.slice(0, -1)).join(' ');
  const state =
    protocol === 'udp'
      ? null
      : isListenerRemote(remote)
        ? 'LISTENING'
        : stateWords
          ? normalizeTcpState(stateWords)
          : null;

  return {
    protocol,
    localAddress: local.address,
    localPort: local.port,
    remoteAddress: protocol === 'udp' ? null : (remote?.address ?? null),
    remotePort: protocol === 'udp' ? null : (remote?.port ?? null),
    state,
    pid,
  };
};

const parse = (text: string): ParsedNetstatEntry[] =>
  cleanLines(text)
    .map(parseRow)
    .filter((row): row is ParsedNetstatEntry => row !== null);

/** Never throws; garbage gives []. */
export const parseNetstat = neverThrow(parse, () => []);
