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
import { cleanLine, parsePortToken } from './lines';
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

/** The general row parser: any cleaned line. The scanner below hands it every line it does not handle itself. */
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

/*
 * The single-pass scanner. A busy machine prints 100,000 rows on every owners refresh, and the general
 * path above costs a split, several regular expressions and a few arrays per line. The scanner walks the
 * text once with charCodeAt and builds the row straight from index ranges. It handles only the shape it
 * can decide exactly like the general path; anything else (a `[tag]`-prefixed line, a Unicode space, an
 * endpoint that is not plainly `address:port`) goes to cleanLine + parseRow, so the answer is always the
 * general path's (netstat-fast-path.test.ts checks that against the previous implementation).
 */

const CH_TAB = 9;
const CH_CR = 13;
const CH_LF = 10;
const CH_SPACE = 32;
const CH_COLON = 58;
const CH_LBRACKET = 91;
const CH_RBRACKET = 93;
const CH_PERCENT = 37;
const CH_0 = 48;
const CH_9 = 57;

/** ASCII whitespace as JavaScript's \s and trim() see it: tab, LF, VT, FF, CR, space. */
const isAsciiSpace = (c: number): boolean => c === CH_SPACE || (c >= CH_TAB && c <= CH_CR);

/** Non-ASCII characters that \s and trim() also treat as whitespace. */
const isUnicodeSpace = (c: number): boolean =>
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

const isDigit = (c: number): boolean => c >= CH_0 && c <= CH_9;
const isHexOrColonOrDot = (c: number): boolean =>
  isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102) || c === CH_COLON || c === 46;
/** [\w.-] */
const isZoneChar = (c: number): boolean =>
  isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;

/** Decimal digits in [from, to): their value, or -1 when there are none, or more than `maxDigits`, or a non-digit. */
const digitsValue = (text: string, from: number, to: number, maxDigits: number): number => {
  const length = to - from;
  if (length < 1 || length > maxDigits) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return -1;
    value = value * 10 + (c - CH_0);
  }
  return value;
};

/** Result slots of scanEndpoint (one scanner at a time: parsing is synchronous). */
let endpointAddress = '';
let endpointPort = 0;

/**
 * The ENDPOINT expression plus parsePortToken over the token [from, to), which has no whitespace.
 * Returns true and fills the slots, or false (no endpoint).
 */
const scanEndpoint = (text: string, from: number, to: number): boolean => {
  let portStart: number;
  if (text.charCodeAt(from) === CH_LBRACKET) {
    // \[([0-9A-Fa-f:.]+(?:%[\w.-]+)?)\]:  each run ends at the first character outside its class.
    let i = from + 1;
    while (i < to && isHexOrColonOrDot(text.charCodeAt(i))) i++;
    if (i === from + 1) return false;
    if (i < to && text.charCodeAt(i) === CH_PERCENT) {
      const zoneStart = ++i;
      while (i < to && isZoneChar(text.charCodeAt(i))) i++;
      if (i === zoneStart) return false;
    }
    if (i + 1 >= to || text.charCodeAt(i) !== CH_RBRACKET || text.charCodeAt(i + 1) !== CH_COLON) return false;
    endpointAddress = text.slice(from + 1, i);
    portStart = i + 2;
  } else {
    // ([^\s:[\]]+):  the address ends at the first colon and holds no bracket.
    let i = from;
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === CH_COLON) break;
      if (c === CH_LBRACKET || c === CH_RBRACKET) return false;
    }
    if (i === from || i >= to) return false;
    endpointAddress = text.slice(from, i);
    portStart = i + 1;
  }
  // ([0-9]+)$ then parsePortToken: 1 to 5 digits, at most 65535.
  if (portStart >= to) return false;
  for (let i = portStart; i < to; i++) if (!isDigit(text.charCodeAt(i))) return false;
  const port = digitsValue(text, portStart, to, 5);
  if (port < 0 || port > 65_535) return false;
  endpointPort = port;
  return true;
};

/** State words repeat (a dozen distinct ones per output): normalize each distinct spelling once. */
const stateCache = new Map<string, string>();
const STATE_CACHE_LIMIT = 256;

const normalizedState = (words: string): string => {
  let state = stateCache.get(words);
  if (state === undefined) {
    state = normalizeTcpState(words);
    if (stateCache.size >= STATE_CACHE_LIMIT) stateCache.clear();
    stateCache.set(words, state);
  }
  return state;
};

/** Token boundaries of the current line: starts[i] .. ends[i]. Reused across lines. */
const starts: number[] = [];
const ends: number[] = [];

/** What scanLine decided: a row, no row, or "let the general path decide". */
const FALLBACK = 1;

/** Protocol of the first token [from, from + 3): 'tcp', 'udp' or null; any ASCII case, as toLowerCase would give. */
const protocolOf = (text: string, from: number): 'tcp' | 'udp' | null => {
  const a = text.charCodeAt(from) | 0x20;
  const b = text.charCodeAt(from + 1) | 0x20;
  const c = text.charCodeAt(from + 2) | 0x20;
  if (a === 116 && b === 99 && c === 112) return 'tcp';
  if (a === 117 && b === 100 && c === 112) return 'udp';
  return null;
};

const scanLine = (text: string, lineStart: number, lineEnd: number): ParsedNetstatEntry | null | typeof FALLBACK => {
  let count = 0;
  let i = lineStart;
  while (i < lineEnd) {
    let c = text.charCodeAt(i);
    if (isAsciiSpace(c)) {
      i++;
      continue;
    }
    // A log tag (`[verify] `) is only possible before the first token: cleanLine decides those.
    if (count === 0 && c === CH_LBRACKET) return FALLBACK;
    const tokenStart = i;
    while (i < lineEnd) {
      c = text.charCodeAt(i);
      if (isAsciiSpace(c)) break;
      if (c >= 0x80 && isUnicodeSpace(c)) return FALLBACK;
      i++;
    }
    starts[count] = tokenStart;
    ends[count] = i;
    count++;
    // Rows start with TCP/UDP: decide on the first token before tokenizing the rest of a header line.
    if (count === 1 && (i - tokenStart !== 3 || protocolOf(text, tokenStart) === null)) {
      // Lower-casing a non-ASCII character never gives t, c, p, u or d, so this line is no row.
      return null;
    }
  }
  if (count < 3) return count === 0 ? null : FALLBACK;
  const protocol = protocolOf(text, starts[0] as number) as 'tcp' | 'udp';

  if (!scanEndpoint(text, starts[1] as number, ends[1] as number)) return FALLBACK;
  const localAddress = endpointAddress;
  const localPort = endpointPort;

  const remoteStart = starts[2] as number;
  const remoteEnd = ends[2] as number;
  let remoteAddress: string | null = null;
  let remotePort: number | null = null;
  const wildcard = remoteEnd - remoteStart === 3 && text.startsWith(WILDCARD_ENDPOINT, remoteStart);
  if (!wildcard) {
    if (!scanEndpoint(text, remoteStart, remoteEnd)) return FALLBACK;
    remoteAddress = endpointAddress;
    remotePort = endpointPort;
  }

  // The last token is the pid when it is 1-10 digits that fit in 32 bits; the tokens between are the state.
  let stateEnd = count;
  let pid: number | null = null;
  if (count > 3) {
    const last = count - 1;
    const value = digitsValue(text, starts[last] as number, ends[last] as number, 10);
    if (value >= 0 && value <= 0xffff_ffff) {
      pid = value;
      stateEnd = last;
    }
  }

  let state: string | null = null;
  if (protocol === 'tcp') {
    if (remotePort === 0 && (remoteAddress === '0.0.0.0' || remoteAddress === '::')) state = 'LISTENING';
    else if (stateEnd > 3) {
      let words = text.slice(starts[3] as number, ends[3] as number);
      for (let t = 4; t < stateEnd; t++) words += ` ${text.slice(starts[t] as number, ends[t] as number)}`;
      state = normalizedState(words);
    }
  } else {
    remoteAddress = null;
    remotePort = null;
  }
  return { protocol, localAddress, localPort, remoteAddress, remotePort, state, pid };
};

const parse = (text: string): ParsedNetstatEntry[] => {
  const rows: ParsedNetstatEntry[] = [];
  const length = text.length;
  // Line ends as splitLines has them: CRLF, a lone CR or a lone LF. The next CR and LF are found with
  // indexOf (fast native scans) and only looked for again once passed.
  let nextCr = text.indexOf('\r');
  let nextLf = text.indexOf('\n');
  let lineStart = 0;
  for (;;) {
    if (nextCr !== -1 && nextCr < lineStart) nextCr = text.indexOf('\r', lineStart);
    if (nextLf !== -1 && nextLf < lineStart) nextLf = text.indexOf('\n', lineStart);
    const lineEnd =
      nextCr === -1 ? (nextLf === -1 ? length : nextLf) : nextLf === -1 ? nextCr : Math.min(nextCr, nextLf);
    const row = scanLine(text, lineStart, lineEnd);
    if (row === FALLBACK) {
      const general = parseRow(cleanLine(text.slice(lineStart, lineEnd)));
      if (general) rows.push(general);
    } else if (row !== null) rows.push(row);
    if (lineEnd >= length) break;
    lineStart =
      text.charCodeAt(lineEnd) === CH_CR && text.charCodeAt(lineEnd + 1) === CH_LF ? lineEnd + 2 : lineEnd + 1;
  }
  return rows;
};

/** Never throws; garbage gives []. */
export const parseNetstat = neverThrow(parse, () => []);
