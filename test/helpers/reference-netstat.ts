/**
 * The line-by-line `netstat -ano` parser as it was before the single-pass scanner
 * (electron/system/parse/netstat.ts): kept verbatim as the reference the fast path must agree with,
 * in the property test (netstat-fast-path.test.ts) and in the parser benchmark's "before" row.
 * It reuses the production line helpers and state words, which the fast path's fallback shares.
 */
import { cleanLines, parsePortToken } from '../../electron/system/parse/lines';
import type { ParsedNetstatEntry } from '../../electron/system/parse/netstat';
import { normalizeTcpState } from '../../electron/system/parse/netstat-states';
import { neverThrow } from '../../electron/system/parse/never-throw';

interface Endpoint {
  address: string;
  port: number;
}

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

export const referenceNetstatRow = (line: string): ParsedNetstatEntry | null => {
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
    .map(referenceNetstatRow)
    .filter((row): row is ParsedNetstatEntry => row !== null);

/** Never throws; garbage gives []. */
export const referenceParseNetstat = neverThrow(parse, () => []);
