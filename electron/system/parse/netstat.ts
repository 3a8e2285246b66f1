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
 * path above costs a split, several regular expressions and a few arrays per line. The scanner walks
 * each line once with charCodeAt, reading the fields as it finds them (issue #13: at least 1.5 million
 * lines per second), and shares repeated strings instead of slicing them again (the garbage collector
 * was most of the time). It handles only the shape it can decide exactly like the general path; anything
 * else (a `[tag]`-prefixed line, a Unicode space, an endpoint that is not plainly `address:port`, a state
 * of several words) goes to cleanLine + parseRow, so the answer is always the general path's
 * (netstat-fast-path.test.ts checks that against the previous implementation).
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

/*
 * Strings that repeat are handed out once. Most of a big output is the same few local addresses, the
 * same dozen state words and remote hosts seen many times; slicing each of them anew costs an allocation
 * per field and, with 100,000 rows, most of the parse goes to the garbage collector. A direct-mapped table
 * keyed by length and three characters keeps the last string seen per slot; a hit is confirmed character
 * by character (which allocates nothing), a miss slices and takes the slot.
 * The answer is the same string either way, only not a new copy.
 */
const INTERN_SLOTS = 4096;
const internTable: (string | undefined)[] = new Array<string | undefined>(INTERN_SLOTS).fill(undefined);

const intern = (text: string, from: number, to: number): string => {
  const length = to - from;
  const slot =
    (Math.imul(length, 0x9e37) ^
      Math.imul(text.charCodeAt(to - 1), 0x2c1b) ^
      Math.imul(text.charCodeAt(to - 2), 0x3d4d) ^
      Math.imul(text.charCodeAt(from + (length >> 1)), 0x5bd1)) &
    (INTERN_SLOTS - 1);
  const cached = internTable[slot];
  if (cached !== undefined && cached.length === length) {
    let i = 0;
    while (i < length && cached.charCodeAt(i) === text.charCodeAt(from + i)) i++;
    if (i === length) return cached;
  }
  const fresh = text.slice(from, to);
  internTable[slot] = fresh;
  return fresh;
};

/** Result slots of endpointAt (one scanner at a time: parsing is synchronous). */
let endpointAddress = '';
let endpointPort = 0;

/**
 * The ENDPOINT expression plus parsePortToken over the token that starts at `from`, read in the same
 * pass that finds its end. Returns the index just after the token (the line end or an ASCII space) and
 * fills the slots, or -1 when the general path must decide (not an endpoint, or a Unicode space that
 * would split the token differently).
 */
const endpointAt = (text: string, from: number, lineEnd: number): number => {
  let i = from;
  if (text.charCodeAt(i) === CH_LBRACKET) {
    // \[([0-9A-Fa-f:.]+(?:%[\w.-]+)?)\]:  each run ends at the first character outside its class.
    i++;
    while (i < lineEnd && isHexOrColonOrDot(text.charCodeAt(i))) i++;
    if (i === from + 1) return -1;
    if (i < lineEnd && text.charCodeAt(i) === CH_PERCENT) {
      const zoneStart = ++i;
      while (i < lineEnd && isZoneChar(text.charCodeAt(i))) i++;
      if (i === zoneStart) return -1;
    }
    if (i + 1 >= lineEnd || text.charCodeAt(i) !== CH_RBRACKET || text.charCodeAt(i + 1) !== CH_COLON) return -1;
    endpointAddress = intern(text, from + 1, i);
    i += 2;
  } else {
    // ([^\s:[\]]+):  the address ends at the first colon and holds no bracket and no space.
    for (; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === CH_COLON) break;
      if (c === CH_LBRACKET || c === CH_RBRACKET || isAsciiSpace(c) || (c >= 0x80 && isUnicodeSpace(c))) return -1;
    }
    if (i === from || i >= lineEnd) return -1;
    endpointAddress = intern(text, from, i);
    i++;
  }
  // ([0-9]+)$ then parsePortToken: 1 to 5 digits, at most 65535, and nothing else in the token.
  const portStart = i;
  let port = 0;
  for (; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) break;
    port = port * 10 + (c - CH_0);
  }
  if (i === portStart || i - portStart > 5 || port > 65_535) return -1;
  if (i < lineEnd && !isAsciiSpace(text.charCodeAt(i))) return -1;
  endpointPort = port;
  return i;
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

/** Index of the first character at or after `i` that is not an ASCII space (or lineEnd). */
const skipSpaces = (text: string, i: number, lineEnd: number): number => {
  while (i < lineEnd && isAsciiSpace(text.charCodeAt(i))) i++;
  return i;
};

/** Result slots of tokenAt: whether the token was all digits (1 to 10 of them) and their value. */
let tokenDigits = false;
let tokenValue = 0;

/** End of the token starting at `from` (the line end or an ASCII space), or -1 on a Unicode space. */
const tokenAt = (text: string, from: number, lineEnd: number): number => {
  let i = from;
  let value = 0;
  let digits = true;
  for (; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (isAsciiSpace(c)) break;
    if (c >= 0x80 && isUnicodeSpace(c)) return -1;
    if (digits && isDigit(c)) value = value * 10 + (c - CH_0);
    else digits = false;
  }
  tokenDigits = digits && i - from <= 10;
  tokenValue = value;
  return i;
};

/**
 * One line, fields read as they are found: each character is looked at once. It decides exactly what
 * the general path (cleanLine + parseRow) would for lines of netstat's usual shape, and hands back
 * FALLBACK for anything else: a leading `[tag]`, a Unicode space, an endpoint that is not plainly
 * `address:port`, a state of several words.
 */
const scanLine = (text: string, lineStart: number, lineEnd: number): ParsedNetstatEntry | null | typeof FALLBACK => {
  let i = skipSpaces(text, lineStart, lineEnd);
  if (i >= lineEnd) return null;
  const first = text.charCodeAt(i);
  // A log tag (`[verify] `) is only possible before the first token, and trim() strips Unicode spaces.
  if (first === CH_LBRACKET || (first >= 0x80 && isUnicodeSpace(first))) return FALLBACK;
  // Rows start with TCP/UDP and a separator. Lower-casing a non-ASCII character never gives t, c, p, u or
  // d, so a first token that does not start with them is no row, whatever follows.
  const protocol = i + 3 <= lineEnd ? protocolOf(text, i) : null;
  if (protocol === null) return null;
  i += 3;
  if (i >= lineEnd) return null;
  const separator = text.charCodeAt(i);
  if (!isAsciiSpace(separator)) return separator >= 0x80 && isUnicodeSpace(separator) ? FALLBACK : null;

  i = skipSpaces(text, i, lineEnd);
  if (i >= lineEnd) return null;
  i = endpointAt(text, i, lineEnd);
  if (i < 0) return FALLBACK;
  const localAddress = endpointAddress;
  const localPort = endpointPort;

  i = skipSpaces(text, i, lineEnd);
  if (i >= lineEnd) return null;
  let remoteAddress: string | null = null;
  let remotePort: number | null = null;
  if (
    text.charCodeAt(i) === 42 &&
    text.charCodeAt(i + 1) === CH_COLON &&
    text.charCodeAt(i + 2) === 42 &&
    (i + 3 >= lineEnd || isAsciiSpace(text.charCodeAt(i + 3)))
  ) {
    i += 3; // *:*
  } else {
    i = endpointAt(text, i, lineEnd);
    if (i < 0) return FALLBACK;
    remoteAddress = endpointAddress;
    remotePort = endpointPort;
  }

  // The rest: [state] [pid]. The last token is the pid when it is 1-10 digits that fit in 32 bits.
  let stateStart = -1;
  let stateEnd = -1;
  let pid: number | null = null;
  i = skipSpaces(text, i, lineEnd);
  if (i < lineEnd) {
    const aStart = i;
    const aEnd = tokenAt(text, i, lineEnd);
    if (aEnd < 0) return FALLBACK;
    const aPid = tokenDigits && tokenValue <= 0xffff_ffff ? tokenValue : -1;
    i = skipSpaces(text, aEnd, lineEnd);
    if (i >= lineEnd) {
      if (aPid >= 0) pid = aPid;
      else [stateStart, stateEnd] = [aStart, aEnd];
    } else {
      const bEnd = tokenAt(text, i, lineEnd);
      if (bEnd < 0 || !tokenDigits || tokenValue > 0xffff_ffff) return FALLBACK;
      if (skipSpaces(text, bEnd, lineEnd) < lineEnd) return FALLBACK;
      pid = tokenValue;
      stateStart = aStart;
      stateEnd = aEnd;
    }
  }

  let state: string | null = null;
  if (protocol === 'tcp') {
    if (remotePort === 0 && (remoteAddress === '0.0.0.0' || remoteAddress === '::')) state = 'LISTENING';
    else if (stateStart >= 0) state = normalizedState(intern(text, stateStart, stateEnd));
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
